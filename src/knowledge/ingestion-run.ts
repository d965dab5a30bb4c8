import type { Tx } from '../db/index.ts';
import { insertRun, workflowDefinitionSchema, type RunQueue } from '../engine/index.ts';

export const ingestToolName = 'knowledge.ingest';
export const settleToolName = 'knowledge.settle';

/**
 * An ingestion is a run of Foundry's own engine: `ingest` fetches, extracts, chunks, embeds and
 * writes the chunks (retried with backoff when the failure is transient), then `settle` always
 * runs and, unless the source ended ready, marks it failed with the last error and fails the run.
 * So the source never stays `processing` after its run ends, whatever ended it.
 */
export const ingestionWorkflow = workflowDefinitionSchema.parse({
  name: 'Knowledge ingestion',
  description: 'Reads a knowledge source into searchable chunks.',
  inputSchema: { type: 'object', required: ['sourceId'], properties: { sourceId: { type: 'string' } } },
  nodes: [
    { id: 'start', name: 'Start', type: 'trigger' },
    {
      id: 'ingest', name: 'Extract, chunk and index', type: 'action', config: { tool: ingestToolName, input: { sourceId: 'input.sourceId' } },
      policies: { retry: { maxAttempts: 4, initialDelayMs: 2_000, multiplier: 3, maxDelayMs: 60_000 }, timeoutMs: 15 * 60_000, allowFailure: true },
    },
    {
      id: 'settle', name: 'Record the outcome', type: 'action', config: { tool: settleToolName, input: { sourceId: 'input.sourceId' } },
      policies: { retry: { maxAttempts: 5, initialDelayMs: 1_000 }, timeoutMs: 60_000 },
    },
  ],
  edges: [{ from: 'start', to: 'ingest' }, { from: 'ingest', to: 'settle' }],
});

/** Inserts the ingestion run of a source in the caller's transaction; call `queue.kick` after commit. */
export async function insertIngestionRun(tx: Tx, queue: RunQueue, source: { id: string; workspaceId: string }, createdBy: string | null): Promise<string> {
  const { row } = await insertRun(tx, queue, {
    workspaceId: source.workspaceId, definition: ingestionWorkflow, input: { sourceId: source.id }, trigger: { kind: 'system', id: null }, createdBy,
  });
  return row.id;
}
