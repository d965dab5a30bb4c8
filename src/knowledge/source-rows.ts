import { and, eq } from 'drizzle-orm';
import { tables, type DbExecutor } from '../db/index.ts';
import { NotFoundError, isId, type EventBus } from '../kernel/index.ts';
import { publishProjectEvent } from '../projects/index.ts';
import type { KnowledgeSourceView, SourceStatus } from './knowledge-schemas.ts';

export type SourceRow = typeof tables.knowledgeSources.$inferSelect;
export type SourcePatch = Partial<Pick<SourceRow,
  'status' | 'progress' | 'errorCode' | 'errorMessage' | 'name' | 'contentType' | 'size' | 'sha256' | 'chunkCount' | 'metadata' | 'runId'>>;

export const sourceView = (r: SourceRow): KnowledgeSourceView => ({
  id: r.id, projectId: r.projectId, kind: r.kind as KnowledgeSourceView['kind'], name: r.name, url: r.url, contentType: r.contentType,
  size: r.size, status: r.status as SourceStatus, progress: r.progress, errorCode: r.errorCode, errorMessage: r.errorMessage,
  chunkCount: r.chunkCount, metadata: r.metadata, runId: r.runId, createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
});

/** A source of the workspace, or undefined. */
export async function findSourceRow(db: DbExecutor, workspaceId: string, sourceId: string, options: { lock?: boolean } = {}): Promise<SourceRow | undefined> {
  if (!isId(sourceId)) return undefined;
  const query = db.select().from(tables.knowledgeSources)
    .where(and(eq(tables.knowledgeSources.id, sourceId), eq(tables.knowledgeSources.workspaceId, workspaceId)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row;
}

export async function requireSourceRow(db: DbExecutor, workspaceId: string, sourceId: string): Promise<SourceRow> {
  const row = await findSourceRow(db, workspaceId, sourceId);
  if (!row) throw new NotFoundError({ code: 'KNOWLEDGE_SOURCE_NOT_FOUND', message: 'No such knowledge source in this workspace.' });
  return row;
}

/** Changes a source (stamping updated_at); undefined when it is gone. */
export async function updateSourceRow(db: DbExecutor, row: Pick<SourceRow, 'id' | 'workspaceId'>, patch: SourcePatch, now: Date): Promise<SourceRow | undefined> {
  const [updated] = await db.update(tables.knowledgeSources).set({ ...patch, updatedAt: now })
    .where(and(eq(tables.knowledgeSources.id, row.id), eq(tables.knowledgeSources.workspaceId, row.workspaceId))).returning();
  return updated;
}

/** `knowledge.source.updated` on the project's event stream, with the source as it now is. */
export async function publishSourceUpdated(events: EventBus, row: SourceRow): Promise<void> {
  await publishProjectEvent(events, { type: 'knowledge.source.updated', workspaceId: row.workspaceId, projectId: row.projectId, data: { source: sourceView(row) } });
}

export async function publishSourceDeleted(events: EventBus, row: Pick<SourceRow, 'id' | 'workspaceId' | 'projectId'>): Promise<void> {
  await publishProjectEvent(events, { type: 'knowledge.source.deleted', workspaceId: row.workspaceId, projectId: row.projectId, data: { sourceId: row.id } });
}
