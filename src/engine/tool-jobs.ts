import type { Tx } from '../db/index.ts';
import { insertRun } from './runs.ts';
import type { RunQueue } from './run-queue.ts';
import { retryPolicySchema, workflowDefinitionSchema, type RetryPolicy } from './workflow-definition.ts';

export interface ToolJob {
  workspaceId: string;
  /** Shown as the run's workflow name. */
  name: string;
  tool: string;
  /** The tool's input; it travels as the run input, so the run page shows it. */
  input: Record<string, unknown>;
  createdBy: string | null;
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
  /** One run per key in the workspace: a second insert with the same key fails the transaction. */
  idempotencyKey?: string;
}

/**
 * Foundry's own durable jobs (a knowledge ingestion, a conversation turn) are one-step runs that
 * call a tool: they get the engine's lease, retries, crash recovery and timeline for free. Inserted
 * in the caller's transaction, so the job exists exactly when what it works on does.
 */
export async function insertToolJob(tx: Tx, queue: RunQueue, job: ToolJob): Promise<string> {
  const definition = workflowDefinitionSchema.parse({
    name: job.name,
    nodes: [{ id: 'start', name: 'Start', type: 'trigger' }, {
      id: 'job', name: job.name, type: 'action',
      config: { tool: job.tool, input: Object.fromEntries(Object.keys(job.input).map((key) => [key, `input.\`${key}\``])) },
      policies: { retry: retryPolicySchema.parse(job.retry ?? {}), ...(job.timeoutMs ? { timeoutMs: job.timeoutMs } : {}) },
    }],
    edges: [{ from: 'start', to: 'job' }],
  });
  const { row } = await insertRun(tx, queue, {
    workspaceId: job.workspaceId, definition, input: job.input, trigger: { kind: 'system', id: null }, createdBy: job.createdBy,
    ...(job.idempotencyKey ? { idempotencyKey: job.idempotencyKey } : {}),
  });
  return row.id;
}
