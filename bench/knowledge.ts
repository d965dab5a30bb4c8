/**
 * `npm run bench:knowledge`: how fast knowledge is ingested and searched, on the embedded
 * PostgreSQL and on the server PostgreSQL (BENCH_DATABASE_URL, else TEST_DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/test), each on a fresh database.
 *
 *   - ingestion: real files generated here (PDF, DOCX, XLSX, CSV, Markdown, HTML, text and one image
 *     for OCR) through the production ingestion code (read, extract, chunk, write the passages and
 *     the source's status in one transaction), MB/s of file per format; baseline: the same passages
 *     written by plain batched INSERTs with nothing parsed;
 *   - search at 100,000 passages in one project: p50/p95 of searchKnowledge over a query mix
 *     (common, mid-frequency and rare words, word pairs, phrases), full text only, then hybrid with a
 *     SYNTHETIC embedder (feature-hashed bag of words, 384 dimensions) that stands in for an
 *     embedding model to measure the in-process vector search and rank fusion, not retrieval
 *     quality; baseline: a primary-key lookup of one passage through the same pool.
 *
 * Settings: BENCH_KNOWLEDGE_CHUNKS (100000), BENCH_KNOWLEDGE_QUERIES (per class, 40),
 * BENCH_KNOWLEDGE_DIMENSIONS (384), BENCH_KNOWLEDGE_REPEATS (3), BENCH_KNOWLEDGE_TARGETS
 * ("embedded,postgres"). Writes bench/results/knowledge-latest.json.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, platform, release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/db/index.ts';
import { createLogger } from '../src/kernel/index.ts';
import { createProjectVectorCache } from '../src/knowledge/index.ts';
import { makeCsv, makeDocx, makePdf, makeTextPng, makeXlsx, prose } from '../test/support/knowledge-fixtures.ts';
import { sampleMachineBusyCores } from './cpu.ts';
import { openServerPostgres, startBenchEmbedded, type BenchServer, type EngineTarget } from './engine-db.ts';
import {
  ingestDeps, makeVocabulary, matchCounts, measureIngestion, measurePrimaryKeyLookup, measureRawChunkInsert, measureSearch, populateProject, queryMix,
  seedTenant, syntheticRuntime, type BenchFile,
} from './knowledge-workload.ts';
import { round } from './stats.ts';

function setting(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number`);
  return value;
}

const chunkTotal = setting('BENCH_KNOWLEDGE_CHUNKS', 100_000);
const perClass = setting('BENCH_KNOWLEDGE_QUERIES', 40);
const dimensions = setting('BENCH_KNOWLEDGE_DIMENSIONS', 384);
const repeats = setting('BENCH_KNOWLEDGE_REPEATS', 3);
const targets = (process.env.BENCH_KNOWLEDGE_TARGETS ?? 'embedded,postgres').split(',').map((v) => v.trim()).filter((v): v is EngineTarget => v === 'embedded' || v === 'postgres');
const resultsPath = new URL('results/knowledge-latest.json', import.meta.url).pathname;
const embeddingModel = `synthetic-hashed-${dimensions}`;
const log = (line: string) => console.error(line);

/** The files ingested: sizes typical of a price list, a spec, a handbook. */
async function benchFiles(): Promise<BenchFile[]> {
  const sections = (n: number, seed: number) => Array.from({ length: n }, (_, i) => ({ heading: `Section ${i + 1}`, paragraphs: [prose(12, seed + i), prose(10, seed + i + 1000)] }));
  const markdown = sections(600, 1).map((s) => `## ${s.heading}\n\n${s.paragraphs.join('\n\n')}`).join('\n\n');
  const html = `<!doctype html><html><body>${sections(300, 2).map((s) => `<h2>${s.heading}</h2>${s.paragraphs.map((p) => `<p>${p}</p>`).join('')}`).join('')}</body></html>`;
  const rows = (n: number) => Array.from({ length: n }, (_, i) => [`SKU-${10_000 + i}`, prose(1, i).slice(0, 60), String(5 + (i % 90)), i % 3 === 0 ? 'in stock' : 'on order']);
  return [
    { format: 'pdf', name: 'handbook.pdf', contentType: 'application/pdf', bytes: await makePdf(sections(60, 3).map((s) => ({ heading: s.heading, paragraphs: s.paragraphs }))) },
    { format: 'docx', name: 'spec.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes: await makeDocx(sections(150, 4)) },
    { format: 'xlsx', name: 'prices.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes: await makeXlsx([{ name: 'Prices', rows: [['SKU', 'Description', 'Price', 'Stock'], ...rows(8_000)] }]) },
    { format: 'csv', name: 'catalogue.csv', contentType: 'text/csv', bytes: makeCsv([['SKU', 'Description', 'Price', 'Stock'], ...rows(20_000)]) },
    { format: 'markdown', name: 'guide.md', contentType: 'text/markdown', bytes: Buffer.from(markdown) },
    { format: 'html', name: 'page.html', contentType: 'text/html', bytes: Buffer.from(html) },
    { format: 'text', name: 'notes.txt', contentType: 'text/plain', bytes: Buffer.from(sections(600, 5).map((s) => `${s.heading}\n\n${s.paragraphs.join('\n\n')}`).join('\n\n')) },
    { format: 'image', name: 'label.png', contentType: 'image/png', bytes: makeTextPng(['SHIPPING LABEL', 'ORDER 10234 - 48 CASES', 'DELIVER BY 12/03']) },
  ];
}

async function measureTarget(server: BenchServer, files: BenchFile[]) {
  const scratch = await server.createDatabase();
  const dir = await mkdtemp(join(tmpdir(), 'foundry-bench-knowledge-'));
  const database = await openDatabase({ config: { databaseUrl: scratch.url, dataDir: dir, embeddedPgPort: 0, dbPoolSize: 10 }, logger: createLogger({ level: 'warn' }) });
  try {
    log(`${server.target}: ingestion (${repeats} times per file)`);
    const deps = ingestDeps(database, join(dir, 'blobs'), { vectors: createProjectVectorCache() });
    const ingestTenant = await seedTenant(database.pool, 'ingestion');
    const ingestion = await measureIngestion(deps, ingestTenant, files, repeats, log);
    const documents = ingestion.filter((r) => r.format !== 'image');
    const totalBytes = documents.reduce((s, r) => s + r.bytes, 0);
    const totalSeconds = documents.reduce((s, r) => s + r.seconds, 0);
    const rawInsert = await measureRawChunkInsert(deps, ingestTenant, files.find((f) => f.format === 'markdown')!);
    log(`    baseline: plain INSERT of the Markdown file's ${rawInsert.chunks} passages: ${rawInsert.chunksPerSecond} passages/s`);

    log(`${server.target}: writing ${chunkTotal.toLocaleString('en')} passages with ${dimensions}-dimension vectors`);
    const tenant = await seedTenant(database.pool, 'search');
    const vocabulary = makeVocabulary(50_000);
    const corpus = { vocabulary, chunks: chunkTotal, sources: Math.max(1, Math.round(chunkTotal / 1000)), wordsPerChunk: 200, dimensions, embeddingModel };
    const populated = await populateProject(database.pool, tenant, corpus, log);
    const mix = queryMix(vocabulary, populated.phrases, perClass);
    const matches = await matchCounts(database.pool, tenant, mix);

    log(`${server.target}: ${mix.queries.length} full-text searches`);
    const fullText = await measureSearch(database, { vectors: createProjectVectorCache() }, tenant, mix, 10);
    log(`    p50 ${fullText.p50Ms} ms, p95 ${fullText.p95Ms} ms`);

    log(`${server.target}: ${mix.queries.length} hybrid searches (synthetic embedder)`);
    const runtime = syntheticRuntime(dimensions, embeddingModel);
    const loadBegan = performance.now();
    await runtime.vectors.get(database.db, { workspaceId: tenant.workspaceId, projectId: tenant.projectId }, embeddingModel);
    const cacheLoadSeconds = round((performance.now() - loadBegan) / 1000, 2);
    const hybrid = await measureSearch(database, runtime, tenant, mix, 10);
    log(`    vector cache load ${cacheLoadSeconds} s; p50 ${hybrid.p50Ms} ms, p95 ${hybrid.p95Ms} ms`);
    const lookup = await measurePrimaryKeyLookup(database.pool, tenant, mix.queries.length);

    return {
      target: server.target, settings: server.settings,
      ingestion: { files: ingestion, documentsMbPerSecond: round(totalBytes / 1024 / 1024 / totalSeconds, 2), rawInsertBaseline: rawInsert },
      search: {
        passages: chunkTotal, wordsPerPassage: corpus.wordsPerChunk, vocabulary: vocabulary.words.length, populateSeconds: populated.seconds,
        meanMatchesByClass: matches, fullText, hybrid: { embedder: `${embeddingModel} (synthetic stand-in)`, cacheLoadSeconds, ...hybrid },
        primaryKeyBaseline: lookup,
      },
    };
  } finally {
    await database.close();
    await scratch.drop();
    await rm(dir, { recursive: true, force: true });
  }
}

function report(results: Awaited<ReturnType<typeof measureTarget>>[]): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`${r.target} (PostgreSQL ${r.settings.server_version})`);
    lines.push('  ingestion        file KiB  passages   seconds   MB/s  passages/s  (extract+chunk s)');
    for (const f of r.ingestion.files) {
      lines.push(`  ${f.format.padEnd(14)} ${String(Math.round(f.bytes / 1024)).padStart(9)} ${String(f.chunks).padStart(9)} ${f.seconds.toFixed(3).padStart(9)} ${f.mbPerSecond.toFixed(2).padStart(6)} ${String(f.chunksPerSecond).padStart(11)}  (${f.parseSeconds.toFixed(3)})`);
    }
    lines.push(`  all documents (image left out): ${r.ingestion.documentsMbPerSecond} MB/s`);
    lines.push(`  baseline, plain INSERT of the same passages: ${r.ingestion.rawInsertBaseline.chunksPerSecond} passages/s`);
    const s = r.search;
    lines.push(`  search at ${s.passages.toLocaleString('en')} passages (mean matches per class: ${Object.entries(s.meanMatchesByClass).map(([k, v]) => `${k} ${v}`).join(', ')})`);
    lines.push(`    full text:             p50 ${s.fullText.p50Ms} ms  p95 ${s.fullText.p95Ms} ms`);
    for (const [name, c] of Object.entries(s.fullText.byClass)) lines.push(`      ${name.padEnd(12)} p50 ${c.p50Ms} ms  p95 ${c.p95Ms} ms`);
    lines.push(`    hybrid (synthetic embedder, ${dimensions} dims): p50 ${s.hybrid.p50Ms} ms  p95 ${s.hybrid.p95Ms} ms  (vector cache load ${s.hybrid.cacheLoadSeconds} s)`);
    lines.push(`    baseline, primary-key lookup: p50 ${s.primaryKeyBaseline.p50Ms} ms  p95 ${s.primaryKeyBaseline.p95Ms} ms`);
  }
  return lines.join('\n');
}

const busyBefore = await sampleMachineBusyCores(2000);
const began = performance.now();
const loadStart = loadavg()[0] ?? 0;
const servers: BenchServer[] = [];
try {
  const files = await benchFiles();
  const results = [];
  for (const target of targets) {
    log(`${target}: starting`);
    const server = target === 'embedded' ? await startBenchEmbedded() : await openServerPostgres();
    servers.push(server);
    results.push(await measureTarget(server, files));
    await server.close();
    servers.splice(servers.indexOf(server), 1);
  }
  const output = {
    machine: {
      date: new Date().toISOString(), node: process.version, platform: `${platform()} ${release()}`, cpus: availableParallelism(),
      cpuModel: cpus()[0]?.model.trim() ?? 'unknown', loadAverageStart: round(loadStart, 2), loadAverageEnd: round(loadavg()[0] ?? 0, 2), busyCoresBefore: round(busyBefore, 2),
    },
    settings: { chunkTotal, perClass, dimensions, repeats },
    targets: results,
    wallSeconds: round((performance.now() - began) / 1000, 1),
  };
  await mkdir(join(resultsPath, '..'), { recursive: true });
  await writeFile(resultsPath, `${JSON.stringify(output, null, 2)}\n`);
  console.log(`\n${report(results)}\n\nMachine: ${output.machine.cpus} cores, busy ${output.machine.busyCoresBefore} cores before the run, load ${output.machine.loadAverageStart} → ${output.machine.loadAverageEnd}\nJSON: ${resultsPath}`);
} catch (error) {
  process.exitCode = 1;
  log(`\nKNOWLEDGE BENCHMARK FAILED: ${(error as Error).stack ?? String(error)}`);
} finally {
  for (const server of servers) await server.close().catch(() => undefined);
}
