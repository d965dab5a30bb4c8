import { and, asc, eq } from 'drizzle-orm';
import { tables, type Db } from '../../db/index.ts';
import type { ProjectScope } from './dpg-store.ts';

export interface ProjectFile {
  id: string;
  name: string;
  contentType: string | null;
  status: string;
  role: 'logo' | 'brand guide' | 'reference';
}

/** The files a project's knowledge holds, each with the part it plays in the brief. */
export async function projectFiles(db: Db, scope: ProjectScope): Promise<ProjectFile[]> {
  const rows = await db.select({ id: tables.knowledgeSources.id, name: tables.knowledgeSources.name, contentType: tables.knowledgeSources.contentType, status: tables.knowledgeSources.status })
    .from(tables.knowledgeSources)
    .where(and(eq(tables.knowledgeSources.workspaceId, scope.workspaceId), eq(tables.knowledgeSources.projectId, scope.projectId)));
  return rows.map((r) => ({ ...r, role: fileRole(r.name, r.contentType) }));
}

function fileRole(name: string, contentType: string | null): ProjectFile['role'] {
  if (/logo|mark|icon/i.test(name)) return 'logo';
  if (/brand|guide|guideline|style/i.test(name)) return 'brand guide';
  if (contentType?.startsWith('image/') && /logo/i.test(name)) return 'logo';
  return 'reference';
}

/** Waits (a bounded time) for the project's files still being read, so the brief sees them. */
export async function settledFiles(db: Db, scope: ProjectScope, timeoutMs = 60_000, signal?: AbortSignal): Promise<ProjectFile[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const files = await projectFiles(db, scope);
    const pending = files.filter((f) => f.status === 'uploading' || f.status === 'processing');
    if (pending.length === 0 || Date.now() > deadline || signal?.aborted) return files;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The first passages of the project's files, in reading order: what a brief is built from. */
export async function projectText(db: Db, scope: ProjectScope, limit = 20): Promise<string> {
  const c = tables.knowledgeChunks;
  const rows = await db.select({ text: c.text }).from(c)
    .innerJoin(tables.knowledgeSources, eq(tables.knowledgeSources.id, c.sourceId))
    .where(and(eq(c.workspaceId, scope.workspaceId), eq(c.projectId, scope.projectId)))
    .orderBy(asc(tables.knowledgeSources.createdAt), asc(c.sourceId), asc(c.ordinal)).limit(limit);
  return rows.map((r) => r.text).join('\n');
}
