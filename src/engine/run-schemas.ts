import { z } from 'zod';
import { runStates } from './run-state.ts';
import { stepStates } from './step-state.ts';

/** The views of runs, steps, attempts and run events that the API returns and the CLI and UI read. */

export const runErrorView = z.object({ code: z.string(), message: z.string(), nodeId: z.string().optional() });
export type RunErrorView = z.infer<typeof runErrorView>;

export const progressView = z.object({ done: z.number().int(), total: z.number().int() });

/** `system`: Foundry's own durable jobs (knowledge ingestion, conversation turns). */
export const triggerKinds = ['manual', 'schedule', 'webhook', 'file', 'email', 'subworkflow', 'system'] as const;
export type TriggerKind = (typeof triggerKinds)[number];

export const runSummaryView = z.object({
  id: z.uuid(),
  workflowId: z.uuid().nullable(),
  workflowVersion: z.number().int().nullable(),
  /** The definition's name. */
  name: z.string(),
  status: z.enum(runStates),
  error: runErrorView.nullable(),
  trigger: z.object({ kind: z.enum(triggerKinds), id: z.uuid().nullable() }),
  progress: progressView,
  parentRunId: z.uuid().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type RunSummaryView = z.infer<typeof runSummaryView>;

export const attemptView = z.object({
  number: z.number().int(),
  purpose: z.enum(['execute', 'compensate']),
  status: z.enum(['running', 'succeeded', 'failed']),
  idempotencyKey: z.string(),
  input: z.unknown(),
  output: z.unknown(),
  error: runErrorView.nullable(),
  costUsd: z.number().nullable(),
  workerId: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type AttemptView = z.infer<typeof attemptView>;

export const stepView = z.object({
  id: z.uuid(),
  nodeId: z.string(),
  /** The item of a map node this step runs; null for every other step. */
  itemIndex: z.number().int().nullable(),
  type: z.string(),
  name: z.string(),
  status: z.enum(stepStates),
  branch: z.string().nullable(),
  input: z.unknown(),
  output: z.unknown(),
  error: runErrorView.nullable(),
  /** When the next attempt is due, or the wait ends. */
  dueAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** For an approval step: what the approver is asked, and who may answer. */
  approval: z.object({ message: z.string(), approverRole: z.string() }).nullable(),
  attempts: z.array(attemptView),
});
export type StepView = z.infer<typeof stepView>;

export const runView = runSummaryView.extend({
  input: z.unknown(),
  output: z.unknown(),
  steps: z.array(stepView),
});
export type RunView = z.infer<typeof runView>;

export const runEventNames = [
  'run.queued', 'run.started', 'run.waiting', 'run.paused', 'run.resumed', 'run.compensating', 'run.completed',
  'step.started', 'step.retrying', 'step.succeeded', 'step.failed', 'step.skipped', 'step.waiting',
  'step.approved', 'step.rejected', 'step.compensating', 'step.compensated', 'step.compensation_failed',
] as const;
export type RunEventName = (typeof runEventNames)[number];

export const runEventView = z.object({
  seq: z.number().int(),
  runId: z.uuid(),
  type: z.enum(runEventNames),
  nodeId: z.string().nullable(),
  itemIndex: z.number().int().nullable(),
  /** `run.*` events carry `status` and `progress`; `run.completed` also `output` or `error`; step events `attempt`, `error`, `delayMs`. */
  data: z.record(z.string(), z.unknown()),
  at: z.string(),
});
export type RunEventView = z.infer<typeof runEventView>;

/** A run's input is a JSON object: expressions read it as `input.<field>`. */
const runInput = z.record(z.string(), z.unknown());
const idempotencyKey = z.string().min(1).max(200).optional();

/** `POST /api/runs`: a saved workflow (latest or a given version) or an ad-hoc definition, with input. */
export const startRunBody = z.object({
  workflowId: z.uuid().optional(),
  version: z.number().int().min(1).optional(),
  definition: z.record(z.string(), z.unknown()).optional(),
  input: runInput.optional(),
  /** Starting twice with the same key returns the first run. */
  idempotencyKey,
}).refine((body) => (body.workflowId === undefined) !== (body.definition === undefined), {
  message: 'give exactly one of workflowId (a saved workflow) or definition (an ad-hoc one)', path: ['workflowId'],
});
export type StartRunBody = z.infer<typeof startRunBody>;

/** `POST /api/workflows/:id/runs`. */
export const startWorkflowRunBody = z.object({ input: runInput, version: z.number().int().min(1).optional(), idempotencyKey });

export const approvalBody = z.object({ nodeId: z.string().min(1).max(64), comment: z.string().max(2_000).optional() });
