import { sql } from 'drizzle-orm';
import type { Db, DbExecutor } from '../db/index.ts';
import { decodeFloat4Array } from './float4-array.ts';
import { vectorIndexOf, type VectorIndex } from './vector-search.ts';

/**
 * The vectors of a project's chunks, held in memory per project and embedding model so a search
 * compares against one typed array instead of reading every vector again. An entry is reused while
 * the project's sources are unchanged: each lookup compares a cheap signature of the sources (how
 * many, how many ready, the last time a ready one changed), so ingestions and deletions by other
 * processes are seen too; this process's own ingestions and deletions also drop the entry at once.
 */
export interface ProjectVectorCache {
  get(db: Db, scope: { workspaceId: string; projectId: string }, model: string): Promise<VectorIndex>;
  invalidate(projectId: string): void;
}

interface Entry {
  projectId: string;
  signature: string;
  index: Promise<VectorIndex>;
}

export interface ProjectVectorCacheOptions {
  /**
   * Project-and-model entries kept; the least recently used goes first.
   * @default 16
   */
  maxEntries?: number;
}

export function createProjectVectorCache({ maxEntries = 16 }: ProjectVectorCacheOptions = {}): ProjectVectorCache {
  const entries = new Map<string, Entry>();
  return {
    async get(db, scope, model) {
      const key = `${scope.projectId}\n${model}`;
      const signature = await sourcesSignature(db, scope);
      const cached = entries.get(key);
      entries.delete(key);
      if (cached?.signature === signature) {
        entries.set(key, cached);
        return cached.index;
      }
      const entry: Entry = { projectId: scope.projectId, signature, index: loadVectors(db, scope, model) };
      entries.set(key, entry);
      entry.index.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      for (const oldest of entries.keys()) {
        if (entries.size <= maxEntries) break;
        entries.delete(oldest);
      }
      return entry.index;
    },
    invalidate(projectId) {
      for (const [key, entry] of entries) if (entry.projectId === projectId) entries.delete(key);
    },
  };
}

async function sourcesSignature(db: DbExecutor, { workspaceId, projectId }: { workspaceId: string; projectId: string }): Promise<string> {
  const { rows } = await db.execute<{ n: number; ready: number; changed: string | null }>(sql`
    select count(*)::int as n, count(*) filter (where status = 'ready')::int as ready,
           max(updated_at) filter (where status = 'ready')::text as changed
      from knowledge_sources where workspace_id = ${workspaceId} and project_id = ${projectId}`);
  const row = rows[0];
  return `${row?.n ?? 0}/${row?.ready ?? 0}/${row?.changed ?? ''}`;
}

const pageRows = 2_000;

/**
 * Reads the vectors of one model (of the length most of them have) through a cursor, page by page,
 * straight into one matrix: memory stays near the size of the matrix, whatever the project's size.
 * The binary form of each array (array_send) is far cheaper to transfer and decode than its text.
 */
async function loadVectors(db: Db, { workspaceId, projectId }: { workspaceId: string; projectId: string }, model: string): Promise<VectorIndex> {
  const where = sql`workspace_id = ${workspaceId} and project_id = ${projectId} and embedding_model = ${model} and embedding is not null`;
  return db.transaction(async (tx) => {
    const { rows: [shape] } = await tx.execute<{ dimensions: number; n: number }>(sql`
      select array_length(embedding, 1) as dimensions, count(*)::int as n from knowledge_chunks
       where ${where} group by 1 order by 2 desc limit 1`);
    const dimensions = shape?.dimensions ?? 0;
    const matrix = new Float32Array((shape?.n ?? 0) * dimensions);
    const ids: string[] = [];
    if (dimensions === 0) return vectorIndexOf(model, 0, ids, matrix);
    await tx.execute(sql`declare knowledge_vectors no scroll cursor for
      select id, array_send(embedding) as embedding from knowledge_chunks where ${where} and array_length(embedding, 1) = ${dimensions}`);
    for (;;) {
      const { rows } = await tx.execute<{ id: string; embedding: Buffer }>(sql`fetch forward ${sql.raw(String(pageRows))} from knowledge_vectors`);
      for (const row of rows) {
        const at = ids.length * dimensions;
        if (at + dimensions > matrix.length) break;
        if (decodeFloat4Array(row.embedding, matrix.subarray(at, at + dimensions))) ids.push(row.id);
      }
      if (rows.length < pageRows) break;
    }
    return vectorIndexOf(model, dimensions, ids, matrix.subarray(0, ids.length * dimensions));
  }, { isolationLevel: 'repeatable read', accessMode: 'read only' });
}
