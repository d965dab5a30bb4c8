import { and, eq } from 'drizzle-orm';
import { tables } from '../db/index.ts';
import { FoundryError } from '../kernel/index.ts';
import type { KnowledgeDeps } from './knowledge-deps.ts';
import { findSourceRow, publishSourceUpdated } from './source-rows.ts';

/** The ingestion of a source ended without it being ready; carries the source's own error code. */
export class IngestionFailedError extends FoundryError {
  constructor(o: { code: string; message: string; sourceId: string }) {
    super({ code: o.code, status: 422, category: 'user', retryable: false, message: o.message, details: { sourceId: o.sourceId } });
  }
}

/**
 * The last step of an ingestion run, run whether extraction succeeded or not: a source this run
 * owns that is not ready is marked `error` (keeping the last failure's code, or INGESTION_FAILED),
 * and the run fails with that error.
 */
export async function settleSource(deps: Pick<KnowledgeDeps, 'db' | 'events' | 'clock'>, sourceId: string, call: { workspaceId: string; runId: string }): Promise<{ status: string; chunkCount?: number }> {
  const source = await findSourceRow(deps.db, call.workspaceId, sourceId);
  if (!source) return { status: 'gone' };
  if (source.runId !== call.runId) return { status: 'superseded' };
  if (source.status === 'ready') return { status: 'ready', chunkCount: source.chunkCount };
  const errorCode = source.errorCode ?? 'INGESTION_FAILED';
  const errorMessage = source.errorMessage ?? 'The ingestion stopped before it finished; re-ingest the source to try again.';
  const [row] = await deps.db.update(tables.knowledgeSources).set({ status: 'error', errorCode, errorMessage, updatedAt: deps.clock.now() })
    .where(and(eq(tables.knowledgeSources.id, source.id), eq(tables.knowledgeSources.workspaceId, source.workspaceId), eq(tables.knowledgeSources.runId, call.runId)))
    .returning();
  if (!row) return { status: 'superseded' };
  if (source.status !== 'error') await publishSourceUpdated(deps.events, row);
  throw new IngestionFailedError({ code: errorCode, message: errorMessage, sourceId });
}
