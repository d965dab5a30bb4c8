import { z } from 'zod';

/**
 * Workflow definitions: JSON documents, validated by these schemas, stored with versions.
 * Expressions (conditions, mappings, computed inputs) are JSONata strings evaluated against the
 * run context `{ input, steps: { <nodeId>: output }, item?, index? }`; they are never JavaScript.
 */

const id = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'ids start with a letter and use letters, digits, _ and - (at most 64)');
/** A JSONata expression, as text. */
export const expressionSchema = z.string().min(1).max(10_000);
/** Named values computed by expressions: `{ "to": "steps.lookup.email" }`. */
export const mappingSchema = z.record(z.string().min(1).max(100), expressionSchema);

export const retryPolicySchema = z.object({
  maxAttempts: z.number().int().min(1).max(100).default(3),
  initialDelayMs: z.number().int().min(0).max(86_400_000).default(1_000),
  multiplier: z.number().min(1).max(10).default(2),
  maxDelayMs: z.number().int().min(0).max(86_400_000).default(60_000),
  /** Fraction of each delay that is randomised (0: none, 1: anywhere between 0 and the delay). */
  jitter: z.number().min(0).max(1).default(0.2),
});
export type RetryPolicy = z.output<typeof retryPolicySchema>;

const actionConfig = z.object({
  /** A registered tool's name. */
  tool: z.string().min(1).max(200),
  /** The tool's input, each field an expression. */
  input: mappingSchema.default({}),
  /** Name of a workspace credential the tool needs. */
  credential: z.string().min(1).max(120).optional(),
});
const modelConfig = z.object({
  role: z.enum(['chat', 'extraction', 'coding']).default('chat'),
  /** The prompt, an expression (use a string literal for fixed text: `"Summarise " & input.text`). */
  prompt: expressionSchema,
  /** JSON Schema the model's output must satisfy (structured output). */
  outputSchema: z.record(z.string(), z.unknown()).optional(),
});
const subworkflowConfig = z.object({ workflowId: z.uuid(), input: mappingSchema.default({}) });

/** What a compensation or a map body runs: an action, a model call or a sub-workflow. */
export const taskSpecSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('action'), config: actionConfig }),
  z.object({ type: z.literal('model'), config: modelConfig }),
  z.object({ type: z.literal('subworkflow'), config: subworkflowConfig }),
]);
export type TaskSpec = z.output<typeof taskSpecSchema>;

/** What undoes a step: an action or a model call, run in place (a sub-workflow cannot be a compensation). */
export const compensationSpecSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('action'), config: actionConfig }),
  z.object({ type: z.literal('model'), config: modelConfig }),
]);

export const nodePoliciesSchema = z.object({
  retry: retryPolicySchema.optional(),
  timeoutMs: z.number().int().min(1).max(7 * 86_400_000).optional(),
  /** Undoes this node's effect when a later step fails for good in a `saga` workflow. */
  compensation: compensationSpecSchema.optional(),
  /** A failure of this node does not fail the run; its output is then `null`. */
  allowFailure: z.boolean().default(false),
  /** Nodes sharing a key run one at a time across the workspace. */
  concurrencyKey: z.string().min(1).max(200).optional(),
});
export type NodePolicies = z.output<typeof nodePoliciesSchema>;

const base = { id, name: z.string().trim().min(1).max(200), policies: nodePoliciesSchema.default({ allowFailure: false }) };

export const workflowNodeSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('trigger'), config: z.object({
    kind: z.enum(['manual', 'schedule', 'webhook', 'file', 'email']).default('manual'),
  }).default({ kind: 'manual' }) }),
  z.object({ ...base, type: z.literal('action'), config: actionConfig }),
  z.object({ ...base, type: z.literal('model'), config: modelConfig }),
  /** `if`: outgoing edges take branch "true" or "false". `switch`: branch = a case, or "default". */
  z.object({ ...base, type: z.literal('condition'), config: z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('if'), expression: expressionSchema }),
    z.object({ mode: z.literal('switch'), expression: expressionSchema, cases: z.array(z.string().min(1).max(200)).min(1).max(100)
      .refine((cases) => new Set(cases).size === cases.length, 'cases must be unique')
      .refine((cases) => !cases.includes('default'), '"default" is the branch for no matching case; it cannot be a case') }),
  ]) }),
  /** Runs every outgoing edge at once. */
  z.object({ ...base, type: z.literal('parallel'), config: z.object({}).default({}) }),
  /** Waits for all (or the first of) its incoming branches that were taken. */
  z.object({ ...base, type: z.literal('join'), config: z.object({ mode: z.enum(['all', 'any']).default('all') }).default({ mode: 'all' }) }),
  /** Runs `task` once per item of the list `items` evaluates to, at most `concurrency` at a time. */
  z.object({ ...base, type: z.literal('map'), config: z.object({
    items: expressionSchema,
    task: taskSpecSchema,
    concurrency: z.number().int().min(1).max(100).default(4),
  }) }),
  z.object({ ...base, type: z.literal('wait'), config: z.union([
    z.object({ durationMs: z.number().int().min(0).max(366 * 86_400_000) }),
    /** An expression giving an ISO 8601 time, e.g. `"2026-12-01T09:00:00Z"` or `input.sendAt`. */
    z.object({ until: expressionSchema }),
  ]) }),
  /** Pauses the run until a person approves or rejects; no worker is held meanwhile. */
  z.object({ ...base, type: z.literal('approval'), config: z.object({
    message: expressionSchema,
    approverRole: z.enum(['owner', 'admin', 'editor']).default('editor'),
  }) }),
  z.object({ ...base, type: z.literal('subworkflow'), config: subworkflowConfig }),
  /** A named result of the run. */
  z.object({ ...base, type: z.literal('output'), config: z.object({ value: expressionSchema }) }),
]);
export type WorkflowNode = z.output<typeof workflowNodeSchema>;
export type NodeType = WorkflowNode['type'];
export const nodeTypes = ['trigger', 'action', 'model', 'condition', 'parallel', 'join', 'map', 'wait', 'approval', 'subworkflow', 'output'] as const satisfies readonly NodeType[];

export const workflowEdgeSchema = z.object({
  from: id,
  to: id,
  /** For edges leaving a condition node: the branch that takes this edge. */
  branch: z.string().min(1).max(200).optional(),
  /** Taken only when this expression is truthy. */
  condition: expressionSchema.optional(),
  /** Values handed to the target, available to it as `in.<name>`. */
  mapping: mappingSchema.optional(),
});
export type WorkflowEdge = z.output<typeof workflowEdgeSchema>;

export const workflowDefinitionSchema = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(10_000).default(''),
  /** `saga`: when a step fails for good, completed steps' compensations run in reverse order. */
  onFailure: z.enum(['fail', 'saga']).default('fail'),
  /** JSON Schema of the run input. */
  inputSchema: z.record(z.string(), z.unknown()).optional(),
  nodes: z.array(workflowNodeSchema).min(1).max(500),
  edges: z.array(workflowEdgeSchema).max(2_000).default([]),
});
export type WorkflowDefinition = z.output<typeof workflowDefinitionSchema>;
export type WorkflowDefinitionInput = z.input<typeof workflowDefinitionSchema>;
