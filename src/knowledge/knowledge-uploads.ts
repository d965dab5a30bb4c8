import type { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../auth/index.ts';
import { tables } from '../db/index.ts';
import { newId, type RequestContext } from '../kernel/index.ts';
import { requireProjectRole } from '../projects/index.ts';
import { insertIngestionRun } from './ingestion-run.ts';
import { knowledgeContentType } from './knowledge-content-types.ts';
import type { KnowledgeDeps } from './knowledge-deps.ts';
import type { KnowledgeSourceView, UploadFields } from './knowledge-schemas.ts';
import { storeLimited } from './store-limited.ts';
import { publishSourceDeleted, publishSourceUpdated, sourceView, type SourceRow } from './source-rows.ts';

export interface KnowledgeUpload {
  content: Readable;
  fileName?: string;
  contentType?: string;
}

/** A file that has arrived and been checked, with its source still `uploading`. */
export interface ReceivedSource {
  row: SourceRow;
  sha256: string;
  size: number;
  contentType: string;
}

/**
 * Receives an uploaded file into a new source of the project (editors only): the source shows as
 * `uploading` while the bytes stream into the blob store, limited in size and checked to be a type
 * ingestion reads. A refused file leaves no source behind.
 */
export async function receiveSourceFile(deps: KnowledgeDeps, ctx: RequestContext, projectId: string, upload: KnowledgeUpload): Promise<ReceivedSource> {
  await requireProjectRole(deps.db, ctx, projectId, 'editor', 'add knowledge');
  const [row] = await deps.db.insert(tables.knowledgeSources).values({
    id: newId(), workspaceId: ctx.workspaceId, projectId, kind: 'file', name: (upload.fileName || 'upload').slice(0, 200), status: 'uploading', createdBy: ctx.userId,
  }).returning();
  await publishSourceUpdated(deps.events, row!);
  try {
    let contentType = '';
    const blob = await storeLimited(deps.blobs, upload.content, { maxBytes: deps.limits.maxBytes, fileName: row!.name }, (head) => {
      contentType = knowledgeContentType({ declared: upload.contentType, fileName: upload.fileName, head });
    });
    return { row: row!, sha256: blob.sha256, size: blob.size, contentType };
  } catch (error) {
    await abandonSourceFile(deps, row!);
    throw error;
  }
}

/** Records the received file (and the upload's fields) and starts its ingestion. */
export async function completeSourceFile(deps: KnowledgeDeps, ctx: RequestContext, received: ReceivedSource, fields: UploadFields): Promise<KnowledgeSourceView> {
  const { row: source } = received;
  const row = await deps.db.transaction(async (tx) => {
    const runId = await insertIngestionRun(tx, deps.queue, source, ctx.userId);
    const [updated] = await tx.update(tables.knowledgeSources).set({
      name: fields.name ?? source.name, sha256: received.sha256, size: received.size, contentType: received.contentType, status: 'processing', runId, updatedAt: deps.clock.now(),
    }).where(and(eq(tables.knowledgeSources.id, source.id), eq(tables.knowledgeSources.workspaceId, ctx.workspaceId))).returning();
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId, actorId: ctx.userId, action: 'knowledge.source_added', targetType: 'knowledge_source', targetId: source.id,
      details: { kind: 'file', sha256: received.sha256, size: received.size }, requestId: ctx.requestId,
    });
    return updated!;
  });
  deps.queue.kick?.(row.runId!);
  await publishSourceUpdated(deps.events, row);
  return sourceView(row);
}

/** Removes the source of an upload that failed or was refused. */
export async function abandonSourceFile(deps: KnowledgeDeps, source: SourceRow): Promise<void> {
  await deps.db.delete(tables.knowledgeSources)
    .where(and(eq(tables.knowledgeSources.id, source.id), eq(tables.knowledgeSources.workspaceId, source.workspaceId)));
  await publishSourceDeleted(deps.events, source);
}
