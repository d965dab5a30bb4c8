/**
 * `npm run bench:engine`: how many durable steps per second the workflow engine drives, against
 * the physical limit of the database it commits to, on the embedded PostgreSQL and on the server
 * PostgreSQL (BENCH_DATABASE_URL, else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test).
 *
 * For each database, every measurement on a fresh database (dropped after):
 *   - the raw commit rate: one connection, sequential autocommit single-row INSERTs;
 *   - no-op steps/s through the engine, a 10-step chain and a 10-wide fan-out, 1 and 20 runs at a time;
 *   - the chain's step-to-step scheduling latency, p50/p99;
 *   - where the commits go: the transactions each sender issued, per step.
 * Target: engine steps/s ≥ 50% of the raw commit rate.
 *
 * Settings: BENCH_ENGINE_SECONDS (measured seconds per run, default 10), BENCH_ENGINE_WARMUP (2),
 * BENCH_ENGINE_CONCURRENCY (comma list, default "1,20"), BENCH_ENGINE_TARGETS ("embedded,postgres"),
 * BENCH_WAIT_QUIET (wait up to this many seconds for the machine to be idle first; default 0).
 * Writes bench/results/engine-latest.json.
 */
import { availableParallelism, cpus, loadavg, platform, release, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { openServerPostgres, startBenchEmbedded, measureCommitRate, type BenchServer, type CommitRate, type EngineTarget } from './engine-db.ts';
import { installTransactionCounter } from './engine-profile.ts';
import { sampleMachineBusyCores, waitForQuiet } from './cpu.ts';
import { formatEngineReport, type EngineBenchResults, type TargetResults } from './engine-report.ts';
import { measureEngine, type Shape } from './engine-workload.ts';
import { writeEngineJson } from './engine-report.ts';
import { round } from './stats.ts';

function setting(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

const seconds = setting('BENCH_ENGINE_SECONDS', 10);
const warmupSeconds = setting('BENCH_ENGINE_WARMUP', 2);
const concurrencies = (process.env.BENCH_ENGINE_CONCURRENCY ?? '1,20,50').split(',').map((v) => Number(v.trim())).filter((v) => Number.isInteger(v) && v > 0);
const targets = (process.env.BENCH_ENGINE_TARGETS ?? 'embedded,postgres').split(',').map((v) => v.trim()).filter((v): v is EngineTarget => v === 'embedded' || v === 'postgres');
const shapes: Shape[] = ['chain', 'fanout'];
/** Connections of the second raw measurement: Foundry's default pool size, the most commits one process has in flight. */
const groupConnections = 10;
const resultsPath = new URL('results/engine-latest.json', import.meta.url).pathname;
const log = (line: string) => console.error(line);

const quietness = (waitSeconds: number) => waitForQuiet(waitSeconds, log);

installTransactionCounter();
const busyBefore = await quietness(Number(process.env.BENCH_WAIT_QUIET ?? 0) || 0);
const began = performance.now();
const loadStart = loadavg()[0] ?? 0;
const servers: BenchServer[] = [];
let cleaning: Promise<void> | undefined;
const cleanup = () => (cleaning ??= (async () => {
  for (const server of servers.splice(0)) await server.close().catch((error: unknown) => log(`! cleanup of ${server.target} failed: ${(error as Error).message}`));
})());
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`\n${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}

try {
  const results: TargetResults[] = [];
  for (const target of targets) {
    log(`${target}: starting`);
    const server = target === 'embedded' ? await startBenchEmbedded() : await openServerPostgres();
    servers.push(server);
    const rawRate = async (connections: number): Promise<CommitRate> => {
      const db = await server.createDatabase();
      try {
        log(`${target}: raw commit rate, ${connections} connection(s) (${seconds} s)`);
        const rate = await measureCommitRate(db.url, seconds, connections);
        log(`    ${Math.round(rate.perSecond)} commits/s`);
        return rate;
      } finally {
        await db.drop();
      }
    };
    const raw = await rawRate(1);
    const rawGrouped = await rawRate(groupConnections);
    const engine = [];
    for (const shape of shapes) {
      for (const concurrency of concurrencies) {
        const db = await server.createDatabase();
        try {
          engine.push(await measureEngine(db.url, shape, concurrency, { seconds, warmupSeconds }, log));
          const last = engine[engine.length - 1]!;
          log(`    ${Math.round(last.actionStepsPerSecond)} steps/s (${last.runs} runs)`);
        } finally {
          await db.drop();
        }
      }
    }
    results.push({ target, settings: server.settings, raw, rawGrouped, engine });
    await server.close();
    servers.splice(servers.indexOf(server), 1);
  }
  const cpuList = cpus();
  const report: EngineBenchResults = {
    machine: {
      date: new Date().toISOString(), node: process.version, platform: `${platform()} ${release()}`, cpus: availableParallelism(),
      cpuModel: cpuList[0]?.model.trim() ?? 'unknown', memoryTotalGiB: round(totalmem() / 1024 ** 3, 1),
      loadAverageStart: round(loadStart, 2), loadAverageEnd: round(loadavg()[0] ?? 0, 2), busyCoresBefore: round(busyBefore, 2),
    },
    settings: { seconds, warmupSeconds, concurrencies },
    targets: results,
    wallSeconds: (performance.now() - began) / 1000,
  };
  await writeEngineJson(resultsPath, report);
  console.log(`\n${formatEngineReport(report)}\n\nJSON: ${resultsPath}`);
} catch (error) {
  process.exitCode = 1;
  log(`\nENGINE BENCHMARK FAILED: ${(error as Error).stack ?? String(error)}`);
} finally {
  await cleanup();
}
