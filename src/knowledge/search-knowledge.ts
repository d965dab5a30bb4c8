import { inArray, sql, and, eq } from 'drizzle-orm';
import { tables, type DbExecutor } from '../db/index.ts';
import type { RequestContext } from '../kernel/index.ts';
import type { Passage } from '../models/index.ts';
import { loadProject } from '../projects/index.ts';
import type { KnowledgeDeps } from './knowledge-deps.ts';
import { reciprocalRankFusion } from './reciprocal-rank-fusion.ts';
import { searchVectors } from './vector-search.ts';

export interface SearchKnowledgeOptions {
  /**
   * Passages returned.
   * @default 10
   */
  limit?: number;
  signal?: AbortSignal;
}

type ChunkHit = {
  id: string;
  source_id: string;
  source_name: string;
  text: string;
  heading: string | null;
  page: number | null;
  sheet: string | null;
  char_start: number;
  char_end: number;
  rank?: number;
};

type Scope = { workspaceId: string; projectId: string };

/**
 * Searches a project's knowledge; any project member may. Full text always (PostgreSQL's web search
 * syntax: words, "phrases", `or`, `-word`; ranked by cover density). When the workspace has an
 * embedding model, the query's vector is also compared with every chunk vector of the project
 * (exact cosine, in memory) and the two rankings are merged by reciprocal rank fusion. A passage's
 * score is its fused score, or its full-text rank (0..1) when only full text ran.
 *
 * @example
 * const passages = await searchKnowledge(deps, ctx, projectId, 'battery warranty', { limit: 5 });
 */
export async function searchKnowledge(
  deps: Pick<KnowledgeDeps, 'db' | 'runtime' | 'logger'>, ctx: RequestContext, projectId: string, query: string, options: SearchKnowledgeOptions = {},
): Promise<Passage[]> {
  await loadProject(deps.db, ctx, projectId);
  const text = query.trim();
  const limit = options.limit ?? 10;
  if (!text) return [];
  const scope = { workspaceId: ctx.workspaceId, projectId };
  const candidates = Math.max(limit * 4, 40);
  const fullText = await fullTextSearch(deps.db, scope, text, candidates);
  const nearest = await vectorSearch(deps, scope, text, candidates, options.signal);
  if (nearest.length === 0) return fullText.slice(0, limit).map((hit) => passageOf(hit, hit.rank));
  const fused = reciprocalRankFusion([fullText.map((h) => h.id), nearest]).slice(0, limit);
  const byId = new Map(fullText.map((h) => [h.id, h]));
  const missing = fused.map((f) => f.id).filter((id) => !byId.has(id));
  for (const hit of await chunksByIds(deps.db, scope, missing)) byId.set(hit.id, hit);
  return fused.flatMap((f) => {
    const hit = byId.get(f.id);
    return hit ? [passageOf(hit, f.score)] : [];
  });
}

const chunkColumns = sql`c.id, c.source_id, s.name as source_name, c.text, c.heading, c.page, c.sheet, c.char_start, c.char_end`;

async function fullTextSearch(db: DbExecutor, { workspaceId, projectId }: Scope, text: string, limit: number): Promise<ChunkHit[]> {
  const { rows } = await db.execute<ChunkHit>(sql`
    select ${chunkColumns}, ts_rank_cd(c.tsv, q.query, 32) as rank
      from knowledge_chunks c
      join knowledge_sources s on s.id = c.source_id and s.workspace_id = c.workspace_id
     cross join websearch_to_tsquery('english', ${text}) as q(query)
     where c.workspace_id = ${workspaceId} and c.project_id = ${projectId} and c.tsv @@ q.query
     order by rank desc, c.source_id, c.ordinal
     limit ${limit}`);
  return rows.map((r) => ({ ...r, rank: Number(r.rank) }));
}

/** Chunk ids nearest to the query's vector, best first; none without an embedding model or when embedding fails. */
async function vectorSearch(deps: Pick<KnowledgeDeps, 'db' | 'runtime' | 'logger'>, scope: Scope, text: string, limit: number, signal?: AbortSignal): Promise<string[]> {
  const embed = deps.runtime.embed;
  if (!embed) return [];
  let embedded: Awaited<ReturnType<typeof embed>>;
  try {
    embedded = await embed(scope, [text], signal);
  } catch (error) {
    deps.logger.warn({ err: error }, 'embedding the query failed; searching by full text only');
    return [];
  }
  const vector = embedded?.vectors[0];
  if (!embedded || !vector) return [];
  const index = await deps.runtime.vectors.get(deps.db, scope, embedded.model);
  return searchVectors(index, vector, limit).map((hit) => hit.id);
}

async function chunksByIds(db: DbExecutor, { workspaceId, projectId }: Scope, ids: string[]): Promise<ChunkHit[]> {
  if (ids.length === 0) return [];
  const c = tables.knowledgeChunks;
  const s = tables.knowledgeSources;
  const rows = await db.select({
    id: c.id, source_id: c.sourceId, source_name: s.name, text: c.text, heading: c.heading, page: c.page, sheet: c.sheet, char_start: c.charStart, char_end: c.charEnd,
  }).from(c).innerJoin(s, eq(s.id, c.sourceId))
    .where(and(eq(c.workspaceId, workspaceId), eq(c.projectId, projectId), inArray(c.id, ids)));
  return rows;
}

function passageOf(hit: ChunkHit, score: number | undefined): Passage {
  return {
    text: hit.text,
    citation: {
      sourceId: hit.source_id, sourceName: hit.source_name, chunkId: hit.id,
      ...(hit.page === null ? {} : { page: hit.page }),
      ...(hit.sheet === null ? {} : { sheet: hit.sheet }),
      ...(hit.heading === null ? {} : { heading: hit.heading }),
      charStart: hit.char_start, charEnd: hit.char_end,
    },
    ...(score === undefined ? {} : { score }),
  };
}
