import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { createFileBlobStore } from '../src/artifacts/index.ts';
import { tables, type Database } from '../src/db/index.ts';
import { createLocalEventBus, createLogger, systemClock, type RequestContext } from '../src/kernel/index.ts';
import { chunkDocument } from '../src/knowledge/chunk-document.ts';
import { extractDocument } from '../src/knowledge/extract/extract-document.ts';
import { ingestSource, type IngestDeps } from '../src/knowledge/ingest-source.ts';
import { createProjectVectorCache, searchKnowledge, type KnowledgeRuntime } from '../src/knowledge/index.ts';
import { hashedEmbedding, makeVocabulary, passage, seededRandom, type Vocabulary } from './knowledge-corpus.ts';
import { median, percentile, round } from './stats.ts';

export interface Tenant {
  workspaceId: string;
  userId: string;
  projectId: string;
  ctx: RequestContext;
}

/** A workspace, its owner and a project, written directly (no password hashing in a benchmark). */
export async function seedTenant(pool: pg.Pool, name: string): Promise<Tenant> {
  const workspaceId = randomUUID();
  const userId = randomUUID();
  const projectId = randomUUID();
  await pool.query('insert into workspaces (id, name) values ($1, $2)', [workspaceId, name]);
  await pool.query('insert into users (id, email, name, password_hash) values ($1, $2, $3, $4)', [userId, `${userId}@bench.example`, name, 'x']);
  await pool.query("insert into memberships (workspace_id, user_id, role) values ($1, $2, 'owner')", [workspaceId, userId]);
  await pool.query("insert into projects (id, workspace_id, name, studio, created_by) values ($1, $2, $3, 'product', $4)", [projectId, workspaceId, name, userId]);
  return { workspaceId, userId, projectId, ctx: { userId, workspaceId, role: 'owner' } };
}

export function ingestDeps(database: Database, blobDir: string, runtime: KnowledgeRuntime): IngestDeps {
  return {
    db: database.db, blobs: createFileBlobStore(blobDir), events: createLocalEventBus(), clock: systemClock,
    logger: createLogger({ level: 'silent' }), limits: { maxBytes: 200 * 1024 * 1024, urlTimeoutMs: 30_000 }, ssrfAllow: [], runtime,
  };
}

export interface BenchFile {
  format: string;
  name: string;
  contentType: string;
  bytes: Buffer;
}

export interface IngestionResult {
  format: string;
  bytes: number;
  chunks: number;
  /** Median of the repetitions, seconds for the whole ingestion (read, extract, chunk, write, status). */
  seconds: number;
  /** Of which extraction and chunking alone (measured apart, same median). */
  parseSeconds: number;
  mbPerSecond: number;
  chunksPerSecond: number;
}

/** Ingests each file `repeats` times, each time as a new source, through the production ingestion code. */
export async function measureIngestion(deps: IngestDeps, tenant: Tenant, files: BenchFile[], repeats: number, log: (line: string) => void): Promise<IngestionResult[]> {
  const results: IngestionResult[] = [];
  for (const file of files) {
    const blob = await deps.blobs.put(Readable.from([file.bytes]), { maxBytes: deps.limits.maxBytes });
    const times: number[] = [];
    const parseTimes: number[] = [];
    let chunks = 0;
    const runs = file.format === 'image' ? 1 : repeats;
    for (let i = 0; i < runs; i++) {
      const sourceId = randomUUID();
      const runId = randomUUID();
      await deps.db.insert(tables.knowledgeSources).values({
        id: sourceId, workspaceId: tenant.workspaceId, projectId: tenant.projectId, kind: 'file', name: file.name, contentType: file.contentType,
        size: file.bytes.length, sha256: blob.sha256, status: 'processing', runId, createdBy: tenant.userId,
      });
      const began = performance.now();
      const outcome = await ingestSource(deps, sourceId, { workspaceId: tenant.workspaceId, runId, signal: new AbortController().signal });
      times.push((performance.now() - began) / 1000);
      if (outcome.status !== 'ready') throw new Error(`${file.name}: ingestion ended ${outcome.status}`);
      chunks = outcome.chunkCount;
      const parseBegan = performance.now();
      chunkDocument(await extractDocument({ bytes: file.bytes, filename: file.name, contentType: file.contentType }));
      parseTimes.push((performance.now() - parseBegan) / 1000);
    }
    const seconds = median(times);
    const result: IngestionResult = {
      format: file.format, bytes: file.bytes.length, chunks, seconds: round(seconds, 3), parseSeconds: round(median(parseTimes), 3),
      mbPerSecond: round(file.bytes.length / 1024 / 1024 / seconds, 2), chunksPerSecond: round(chunks / seconds, 0),
    };
    log(`    ${file.format.padEnd(9)} ${(file.bytes.length / 1024).toFixed(0).padStart(6)} KiB  ${String(chunks).padStart(5)} chunks  ${result.seconds.toFixed(3)} s  ${result.mbPerSecond} MB/s`);
    results.push(result);
  }
  return results;
}

/** The baseline of writing chunks: the same rows in plain batched INSERTs, one transaction, nothing parsed. */
export async function measureRawChunkInsert(deps: IngestDeps, tenant: Tenant, file: BenchFile): Promise<{ chunks: number; seconds: number; chunksPerSecond: number; mbPerSecond: number }> {
  const chunks = chunkDocument(await extractDocument({ bytes: file.bytes, filename: file.name, contentType: file.contentType }));
  const sourceId = randomUUID();
  await deps.db.insert(tables.knowledgeSources).values({ id: sourceId, workspaceId: tenant.workspaceId, projectId: tenant.projectId, kind: 'file', name: `raw ${file.name}`, status: 'ready' });
  const began = performance.now();
  await deps.db.transaction(async (tx) => {
    for (let start = 0; start < chunks.length; start += 500) {
      await tx.insert(tables.knowledgeChunks).values(chunks.slice(start, start + 500).map((c) => ({
        id: randomUUID(), workspaceId: tenant.workspaceId, projectId: tenant.projectId, sourceId, ordinal: c.ordinal, text: c.text, heading: c.heading ?? null,
        page: c.page ?? null, sheet: c.sheet ?? null, charStart: c.charStart, charEnd: c.charEnd, tokens: c.tokens,
      })));
    }
  });
  const seconds = (performance.now() - began) / 1000;
  return { chunks: chunks.length, seconds: round(seconds, 3), chunksPerSecond: round(chunks.length / seconds, 0), mbPerSecond: round(file.bytes.length / 1024 / 1024 / seconds, 2) };
}

export interface Corpus {
  vocabulary: Vocabulary;
  chunks: number;
  sources: number;
  wordsPerChunk: number;
  dimensions: number;
  embeddingModel: string;
  /** Two-word phrases taken from stored passages, for phrase queries that find something. */
  phrases: string[];
}

/**
 * Fills a project with `chunks` synthetic passages (and a vector each, from the stand-in embedder),
 * in sources of 1,000 passages. The full-text index is dropped for the load and built after it,
 * as one would for a bulk import; the figures measured afterwards do not depend on how it was built.
 */
export async function populateProject(pool: pg.Pool, tenant: Tenant, corpus: Omit<Corpus, 'phrases' | 'vocabulary'> & { vocabulary: Vocabulary }, log: (line: string) => void): Promise<{ phrases: string[]; seconds: number }> {
  const began = performance.now();
  const random = seededRandom(99);
  const phrases: string[] = [];
  await pool.query('drop index if exists knowledge_chunks_tsv_idx');
  const perSource = Math.ceil(corpus.chunks / corpus.sources);
  for (let s = 0, written = 0; s < corpus.sources && written < corpus.chunks; s++) {
    const sourceId = randomUUID();
    const count = Math.min(perSource, corpus.chunks - written);
    await pool.query(
      "insert into knowledge_sources (id, workspace_id, project_id, kind, name, status, progress, chunk_count, created_by) values ($1, $2, $3, 'file', $4, 'ready', 1, $5, $6)",
      [sourceId, tenant.workspaceId, tenant.projectId, `synthetic-${String(s + 1).padStart(3, '0')}.md`, count, tenant.userId],
    );
    for (let start = 0; start < count; start += 1000) {
      const n = Math.min(1000, count - start);
      const ids: string[] = [];
      const ordinals: number[] = [];
      const texts: string[] = [];
      const headings: string[] = [];
      const lengths: number[] = [];
      const tokens: number[] = [];
      const embeddings: string[] = [];
      for (let i = 0; i < n; i++) {
        const text = passage(corpus.vocabulary, random, corpus.wordsPerChunk);
        const heading = passage(corpus.vocabulary, random, 3).replace(/\.$/, '');
        ids.push(randomUUID());
        ordinals.push(start + i);
        texts.push(text);
        headings.push(heading);
        lengths.push(text.length);
        tokens.push(Math.round(corpus.wordsPerChunk * 1.3));
        embeddings.push(`{${hashedEmbedding(`${heading}\n${text}`, corpus.dimensions).map((v) => round(v, 3)).join(',')}}`);
        if (phrases.length < 200 && random() < 0.01) {
          const words = text.replace(/[.]/g, '').toLowerCase().split(' ');
          const at = Math.floor(random() * (words.length - 1));
          phrases.push(`${words[at]} ${words[at + 1]}`);
        }
      }
      await pool.query(`
        insert into knowledge_chunks (id, workspace_id, project_id, source_id, ordinal, text, heading, char_start, char_end, tokens, embedding, embedding_model)
        select t.id, $1, $2, $3, t.ordinal, t.text, t.heading, 0, t.length, t.tokens, t.embedding::real[], $4
          from unnest($5::uuid[], $6::int[], $7::text[], $8::text[], $9::int[], $10::int[], $11::text[]) as t(id, ordinal, text, heading, length, tokens, embedding)`,
      [tenant.workspaceId, tenant.projectId, sourceId, corpus.embeddingModel, ids, ordinals, texts, headings, lengths, tokens, embeddings]);
      written += n;
    }
    if ((s + 1) % 10 === 0) log(`    ${written.toLocaleString('en')} passages written`);
  }
  log('    building the full-text index');
  await pool.query('create index knowledge_chunks_tsv_idx on knowledge_chunks using gin (tsv)');
  await pool.query('analyze knowledge_chunks');
  await pool.query('analyze knowledge_sources');
  return { phrases, seconds: round((performance.now() - began) / 1000, 1) };
}

export type QueryClass = 'common word' | 'mid word' | 'rare word' | 'two words' | 'phrase';

export interface QueryMix {
  queries: { text: string; class: QueryClass }[];
}

/** The query mix: words picked by their frequency rank, pairs of mid-frequency words, and phrases from the text. */
export function queryMix(vocabulary: Vocabulary, phrases: string[], perClass: number): QueryMix {
  const random = seededRandom(7);
  const word = (from: number, to: number) => vocabulary.words[from + Math.floor(random() * (to - from))]!;
  const queries: QueryMix['queries'] = [];
  for (let i = 0; i < perClass; i++) {
    queries.push({ text: word(80, 300), class: 'common word' });
    queries.push({ text: word(1_000, 3_000), class: 'mid word' });
    queries.push({ text: word(20_000, vocabulary.words.length), class: 'rare word' });
    queries.push({ text: `${word(300, 2_000)} ${word(300, 2_000)}`, class: 'two words' });
    queries.push({ text: `"${phrases[i % Math.max(1, phrases.length)] ?? word(80, 300)}"`, class: 'phrase' });
  }
  return { queries };
}

export interface LatencyResult {
  queries: number;
  p50Ms: number;
  p95Ms: number;
  meanResults: number;
  byClass: Record<string, { p50Ms: number; p95Ms: number; meanMatches?: number }>;
}

function summarize(samples: { ms: number; class: string; results: number }[]): LatencyResult {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const byClass: LatencyResult['byClass'] = {};
  for (const name of new Set(samples.map((s) => s.class))) {
    const times = samples.filter((s) => s.class === name).map((s) => s.ms).sort((a, b) => a - b);
    byClass[name] = { p50Ms: round(percentile(times, 50), 2), p95Ms: round(percentile(times, 95), 2) };
  }
  return {
    queries: samples.length, p50Ms: round(percentile(sorted, 50), 2), p95Ms: round(percentile(sorted, 95), 2),
    meanResults: round(samples.reduce((sum, s) => sum + s.results, 0) / Math.max(1, samples.length), 1), byClass,
  };
}

/** Runs every query of the mix through searchKnowledge (as the API does), after a warm-up, one at a time. */
export async function measureSearch(database: Database, runtime: KnowledgeRuntime, tenant: Tenant, mix: QueryMix, limit: number): Promise<LatencyResult> {
  const deps = { db: database.db, runtime, logger: createLogger({ level: 'silent' }) };
  for (const q of mix.queries.slice(0, 20)) await searchKnowledge(deps, tenant.ctx, tenant.projectId, q.text, { limit });
  const samples: { ms: number; class: string; results: number }[] = [];
  for (const q of mix.queries) {
    const began = performance.now();
    const results = await searchKnowledge(deps, tenant.ctx, tenant.projectId, q.text, { limit });
    samples.push({ ms: performance.now() - began, class: q.class, results: results.length });
  }
  return summarize(samples);
}

/** How many passages the queries of each class match (context for the latencies: ranking cost grows with matches). */
export async function matchCounts(pool: pg.Pool, tenant: Tenant, mix: QueryMix, perClass = 5): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const name of new Set(mix.queries.map((q) => q.class))) {
    const sample = mix.queries.filter((q) => q.class === name).slice(0, perClass);
    let total = 0;
    for (const q of sample) {
      const { rows } = await pool.query<{ n: number }>(
        "select count(*)::int as n from knowledge_chunks where project_id = $1 and tsv @@ websearch_to_tsquery('english', $2)", [tenant.projectId, q.text]);
      total += rows[0]?.n ?? 0;
    }
    out[name] = Math.round(total / sample.length);
  }
  return out;
}

/** The baseline of a query: fetching one passage by its primary key through the same pool, same mix size. */
export async function measurePrimaryKeyLookup(pool: pg.Pool, tenant: Tenant, count: number): Promise<{ p50Ms: number; p95Ms: number }> {
  const { rows } = await pool.query<{ id: string }>('select id from knowledge_chunks where project_id = $1 order by random() limit $2', [tenant.projectId, count + 20]);
  const lookup = (id: string) => pool.query('select id, source_id, text, heading from knowledge_chunks where id = $1 and workspace_id = $2', [id, tenant.workspaceId]);
  for (const row of rows.slice(0, 20)) await lookup(row.id);
  const times: number[] = [];
  for (const row of rows.slice(20)) {
    const began = performance.now();
    await lookup(row.id);
    times.push(performance.now() - began);
  }
  times.sort((a, b) => a - b);
  return { p50Ms: round(percentile(times, 50), 3), p95Ms: round(percentile(times, 95), 3) };
}

/** The stand-in embedder wired as Foundry wires a real one. */
export function syntheticRuntime(dimensions: number, model: string): KnowledgeRuntime {
  return {
    vectors: createProjectVectorCache(),
    embed: async (_scope, texts) => ({ vectors: texts.map((t) => hashedEmbedding(t, dimensions)), model }),
  };
}

export { makeVocabulary };
