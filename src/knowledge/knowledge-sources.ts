import { and, desc, eq } from 'drizzle-orm';
import { recordAudit } from '../auth/index.ts';
import { tables, type Db } from '../db/index.ts';
import { ConflictError, newId, type RequestContext } from '../kernel/index.ts';
import { loadProject, requireProjectRole } from '../projects/index.ts';
import { checkOutboundUrl, ssrfAllowList } from '../tools/index.ts';
import { insertIngestionRun } from './ingestion-run.ts';
import type { KnowledgeDeps } from './knowledge-deps.ts';
import type { AddUrlInput, KnowledgeSourceView } from './knowledge-schemas.ts';
import { publishSourceDeleted, publishSourceUpdated, requireSourceRow, sourceView } from './source-rows.ts';

/** The project's sources, newest first; any member may read them. */
export async function listSources(db: Db, ctx: RequestContext, projectId: string): Promise<KnowledgeSourceView[]> {
  await loadProject(db, ctx, projectId);
  const rows = await db.select().from(tables.knowledgeSources)
    .where(and(eq(tables.knowledgeSources.projectId, projectId), eq(tables.knowledgeSources.workspaceId, ctx.workspaceId)))
    .orderBy(desc(tables.knowledgeSources.createdAt), desc(tables.knowledgeSources.id));
  return rows.map(sourceView);
}

export async function getSource(db: Db, ctx: RequestContext, sourceId: string): Promise<KnowledgeSourceView> {
  return sourceView(await requireSourceRow(db, ctx.workspaceId, sourceId));
}

/**
 * Adds a web page or document by URL; project editors only. The URL is checked against the SSRF
 * guard now, for a clear answer, and again by the ingestion run when it connects.
 */
export async function addUrlSource(deps: KnowledgeDeps, ctx: RequestContext, projectId: string, input: AddUrlInput): Promise<KnowledgeSourceView> {
  await requireProjectRole(deps.db, ctx, projectId, 'editor', 'add knowledge');
  await checkOutboundUrl(input.url, { allow: ssrfAllowList(deps.ssrfAllow) });
  const row = await deps.db.transaction(async (tx) => {
    const id = newId();
    const runId = await insertIngestionRun(tx, deps.queue, { id, workspaceId: ctx.workspaceId }, ctx.userId);
    const [inserted] = await tx.insert(tables.knowledgeSources).values({
      id, workspaceId: ctx.workspaceId, projectId, kind: 'url', name: input.name ?? input.url, url: input.url, status: 'uploading', runId, createdBy: ctx.userId,
    }).returning();
    await recordAudit(tx, { workspaceId: ctx.workspaceId, actorId: ctx.userId, action: 'knowledge.source_added', targetType: 'knowledge_source', targetId: id, details: { kind: 'url', url: input.url }, requestId: ctx.requestId });
    return inserted!;
  });
  deps.queue.kick?.(row.runId!);
  await publishSourceUpdated(deps.events, row);
  return sourceView(row);
}

/** Reads a source again (a URL is fetched again); editors only. The newest run wins: an older one still going stops writing. */
export async function reingestSource(deps: KnowledgeDeps, ctx: RequestContext, sourceId: string): Promise<KnowledgeSourceView> {
  const source = await requireSourceRow(deps.db, ctx.workspaceId, sourceId);
  await requireProjectRole(deps.db, ctx, source.projectId, 'editor', 're-ingest knowledge');
  if (source.kind === 'file' && source.sha256 === null) {
    throw new ConflictError({ code: 'KNOWLEDGE_SOURCE_UPLOADING', message: 'The file is still being uploaded; it is read as soon as it has arrived.' });
  }
  const row = await deps.db.transaction(async (tx) => {
    const runId = await insertIngestionRun(tx, deps.queue, source, ctx.userId);
    const [updated] = await tx.update(tables.knowledgeSources).set({
      status: source.kind === 'url' ? 'uploading' : 'processing', progress: 0, errorCode: null, errorMessage: null, runId, updatedAt: deps.clock.now(),
    }).where(and(eq(tables.knowledgeSources.id, source.id), eq(tables.knowledgeSources.workspaceId, ctx.workspaceId))).returning();
    await recordAudit(tx, { workspaceId: ctx.workspaceId, actorId: ctx.userId, action: 'knowledge.source_reingested', targetType: 'knowledge_source', targetId: source.id, requestId: ctx.requestId });
    return updated!;
  });
  deps.queue.kick?.(row.runId!);
  await publishSourceUpdated(deps.events, row);
  return sourceView(row);
}

/** Deletes a source and its chunks; editors only. Its bytes stay in the blob store, which other sources or artifacts may share. */
export async function deleteSource(deps: KnowledgeDeps, ctx: RequestContext, sourceId: string): Promise<void> {
  const source = await requireSourceRow(deps.db, ctx.workspaceId, sourceId);
  await requireProjectRole(deps.db, ctx, source.projectId, 'editor', 'delete knowledge');
  await deps.db.transaction(async (tx) => {
    await tx.delete(tables.knowledgeSources).where(and(eq(tables.knowledgeSources.id, source.id), eq(tables.knowledgeSources.workspaceId, ctx.workspaceId)));
    await recordAudit(tx, { workspaceId: ctx.workspaceId, actorId: ctx.userId, action: 'knowledge.source_deleted', targetType: 'knowledge_source', targetId: source.id, details: { name: source.name }, requestId: ctx.requestId });
  });
  deps.runtime.vectors.invalidate(source.projectId);
  await publishSourceDeleted(deps.events, source);
}
