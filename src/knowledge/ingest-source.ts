import { and, eq } from 'drizzle-orm';
import { tables, type Tx } from '../db/index.ts';
import { FoundryError, newId } from '../kernel/index.ts';
import { chunkDocument } from './chunk-document.ts';
import type { DocumentChunk, ExtractedDocument } from './extracted-document.ts';
import { extractDocument } from './extract/extract-document.ts';
import { embedChunks, type ChunkVectors } from './embed-chunks.ts';
import { fetchUrlSource } from './fetch-url-source.ts';
import type { KnowledgeDeps } from './knowledge-deps.ts';
import { readBlob } from './read-blob.ts';
import { findSourceRow, publishSourceUpdated, type SourcePatch, type SourceRow } from './source-rows.ts';

/** What an ingestion needs: everything of knowledge but the run queue. */
export type IngestDeps = Omit<KnowledgeDeps, 'queue'>;

export interface IngestCall {
  workspaceId: string;
  runId: string;
  signal: AbortSignal;
}

export type IngestOutcome =
  | { status: 'ready'; chunkCount: number; embeddingModel: string | null }
  /** The source was deleted, or a newer ingestion of it started: nothing was written. */
  | { status: 'gone' | 'superseded' };

/** Thrown inside an ingestion when its source is gone or belongs to a newer run. */
class Superseded extends Error {}

const insertBatch = 500;

/**
 * Reads a source into chunks: fetch (URL sources), extract, chunk, embed when the workspace has an
 * embedding model, then replace the source's chunks and mark it ready in one transaction, so
 * running it twice leaves the same result. Only the run recorded on the source writes; progress
 * is stored on the source and published as `knowledge.source.updated`. A failure is recorded on
 * the source (ended as `error` when no retry can cure it) and thrown for the engine to retry or end.
 */
export async function ingestSource(deps: IngestDeps, sourceId: string, call: IngestCall): Promise<IngestOutcome> {
  const source = await findSourceRow(deps.db, call.workspaceId, sourceId);
  if (!source) return { status: 'gone' };
  if (source.runId !== call.runId) return { status: 'superseded' };
  const update = async (patch: SourcePatch): Promise<SourceRow> => {
    const row = await updateOwnRun(deps, source, call.runId, patch);
    if (!row) throw new Superseded();
    return row;
  };
  try {
    let current = await update(source.kind === 'url' ? { status: 'uploading', progress: 0.02 } : { status: 'processing', progress: 0.05 });
    let fileName = current.name;
    if (current.kind === 'url') {
      const fetched = await fetchUrlSource(deps, current.url!, call.signal);
      fileName = fetched.fileName ?? current.url!;
      current = await update({ status: 'processing', progress: 0.25, sha256: fetched.sha256, size: fetched.size, contentType: fetched.contentType });
    }
    const bytes = await readBlob(deps.blobs, current.sha256!, { maxBytes: deps.limits.maxBytes, fileName });
    const document = await extractDocument({ bytes, filename: fileName, contentType: current.contentType!, signal: call.signal });
    await update({ progress: 0.5 });
    const chunks = chunkDocument(document);
    await update({ progress: 0.6 });
    let reported = 0.6;
    const vectors = await embedChunks(deps.runtime.embed, { workspaceId: source.workspaceId, projectId: source.projectId, runId: call.runId }, chunks, {
      signal: call.signal, logger: deps.logger,
      onProgress: async (done) => {
        const progress = 0.6 + 0.35 * done;
        if (progress - reported >= 0.05) await update({ progress: (reported = progress) });
      },
    });
    const written = await deps.db.transaction((tx) => replaceChunks(tx, deps, current, call.runId, { document, chunks, vectors }));
    if (!written) return { status: 'superseded' };
    deps.runtime.vectors.invalidate(source.projectId);
    await publishSourceUpdated(deps.events, written);
    return { status: 'ready', chunkCount: chunks.length, embeddingModel: vectors && 'model' in vectors ? vectors.model : null };
  } catch (error) {
    if (error instanceof Superseded) return { status: 'superseded' };
    await recordFailure(deps, source, call.runId, error);
    throw error;
  }
}

async function updateOwnRun(deps: IngestDeps, source: SourceRow, runId: string, patch: SourcePatch): Promise<SourceRow | undefined> {
  const [row] = await deps.db.update(tables.knowledgeSources).set({ ...patch, updatedAt: deps.clock.now() })
    .where(and(eq(tables.knowledgeSources.id, source.id), eq(tables.knowledgeSources.workspaceId, source.workspaceId), eq(tables.knowledgeSources.runId, runId)))
    .returning();
  if (row) await publishSourceUpdated(deps.events, row);
  return row;
}

/** Replaces the source's chunks and marks it ready, under a lock on the source; undefined when this run no longer owns it. */
async function replaceChunks(
  tx: Tx, deps: IngestDeps, source: SourceRow, runId: string,
  { document, chunks, vectors }: { document: ExtractedDocument; chunks: DocumentChunk[]; vectors: ChunkVectors | undefined },
): Promise<SourceRow | undefined> {
  const locked = await findSourceRow(tx, source.workspaceId, source.id, { lock: true });
  if (!locked || locked.runId !== runId) return undefined;
  await tx.delete(tables.knowledgeChunks).where(and(eq(tables.knowledgeChunks.sourceId, source.id), eq(tables.knowledgeChunks.workspaceId, source.workspaceId)));
  const model = vectors && 'model' in vectors ? vectors.model : null;
  for (let start = 0; start < chunks.length; start += insertBatch) {
    await tx.insert(tables.knowledgeChunks).values(chunks.slice(start, start + insertBatch).map((chunk, offset) => ({
      id: newId(), workspaceId: source.workspaceId, projectId: source.projectId, sourceId: source.id, ordinal: chunk.ordinal, text: chunk.text,
      heading: chunk.heading ?? null, page: chunk.page ?? null, sheet: chunk.sheet ?? null, charStart: chunk.charStart, charEnd: chunk.charEnd,
      tokens: chunk.tokens, embedding: model && vectors && 'model' in vectors ? vectors.vectors[start + offset] ?? null : null, embeddingModel: model,
    })));
  }
  const metadata = {
    ...document.metadata,
    embeddingModel: model,
    ...(vectors && 'error' in vectors ? { embeddingError: vectors.error } : {}),
  };
  const [row] = await tx.update(tables.knowledgeSources).set({
    status: 'ready', progress: 1, chunkCount: chunks.length, metadata, errorCode: null, errorMessage: null, updatedAt: deps.clock.now(),
  }).where(eq(tables.knowledgeSources.id, source.id)).returning();
  return row;
}

/**
 * Records why an attempt failed. A failure no retry can cure ends the source in `error` at once;
 * a transient one keeps it in progress with the reason shown, and the settle step ends it if the
 * retries run out.
 */
async function recordFailure(deps: IngestDeps, source: SourceRow, runId: string, error: unknown): Promise<void> {
  const { code, message, retryable } = describeFailure(error);
  await updateOwnRun(deps, source, runId, { errorCode: code, errorMessage: message, ...(retryable ? {} : { status: 'error' }) })
    .catch((cause: unknown) => deps.logger.error({ err: cause, sourceId: source.id }, 'could not record a failed ingestion'));
  if (!FoundryError.isInstance(error) || error.category === 'system') deps.logger.error({ err: error, sourceId: source.id }, 'knowledge ingestion failed');
}

/** What a person is told: a Foundry error's own code and message; anything else stays in the logs. */
export function describeFailure(error: unknown): { code: string; message: string; retryable: boolean } {
  if (FoundryError.isInstance(error)) {
    return error.category === 'system' && error.status >= 500 && !error.retryable
      ? { code: error.code, message: 'Ingestion failed on an internal error; see the server logs.', retryable: false }
      : { code: error.code, message: error.message, retryable: error.retryable };
  }
  return { code: 'INGESTION_FAILED', message: 'Ingestion failed on an unexpected error; see the server logs.', retryable: true };
}
