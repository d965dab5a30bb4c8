/**
 * `npm run bench`: cold start, idle memory and API latency of Foundry (embedded and PostgreSQL),
 * against a bare Fastify hello-world measured in the same run. Prints a table and writes
 * bench/results/latest.json. Settings: BENCH_DURATION, BENCH_WARMUP, BENCH_CONNECTIONS (autocannon),
 * BENCH_RUNS (cold starts per kind), BENCH_IDLE (seconds idle before reading RSS),
 * BENCH_DATABASE_URL (the PostgreSQL server of the scaled mode), BENCH_WAIT_QUIET (wait up to this
 * many seconds for the machine to be idle before starting; default 0).
 */
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { stopAllChildren } from './child-process.ts';
import { measureHelloColdStarts, measureModuleLoad } from './cold-start.ts';
import { sampleMachineBusyCores, waitForQuiet } from './cpu.ts';
import { measureFoundryMode } from './measure-foundry.ts';
import { measureLatency } from './measure-latency.ts';
import { stopOrphanPostgres } from './postgres-processes.ts';
import { formatReport, writeJson, type BenchResults, type ModeResults } from './report.ts';
import { processMemory } from './rss.ts';
import { adminUrl, dropScratchDatabases } from './scratch-db.ts';
import { startHello } from './spawn-hello.ts';
import { round, sleep } from './stats.ts';

function setting(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number`);
  return value;
}

const latency = {
  connections: setting('BENCH_CONNECTIONS', 50),
  durationSeconds: setting('BENCH_DURATION', 10),
  warmupSeconds: setting('BENCH_WARMUP', 2),
};
const coldStartRuns = Math.max(1, Math.round(setting('BENCH_RUNS', 3)));
const idleSeconds = setting('BENCH_IDLE', 5);
const waitQuietSeconds = setting('BENCH_WAIT_QUIET', 0);
const resultsPath = new URL('results/latest.json', import.meta.url).pathname;
const log = (line: string) => console.error(line);

const quietness = () => waitForQuiet(waitQuietSeconds, log);

const busyBefore = await quietness();
const began = performance.now();
const loadAverageStart = loadavg()[0] ?? 0;
const tmpRoot = await mkdtemp(join(tmpdir(), 'foundry-bench-'));
// As root the embedded PostgreSQL runs as an unprivileged user, which must traverse this directory.
await chmod(tmpRoot, 0o711);

let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await stopAllChildren();
    for (const mode of ['embedded'] as const) {
      for (let i = 0; i < coldStartRuns; i++) await stopOrphanPostgres(join(tmpRoot, `${mode}-${i}`)).catch(() => undefined);
    }
    await dropScratchDatabases().catch((error: unknown) => log(`! could not drop the scratch databases: ${(error as Error).message}`));
    await rm(tmpRoot, { recursive: true, force: true });
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`\n${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}

try {
  log(`Foundry benchmark: scratch directory ${tmpRoot}, PostgreSQL server ${new URL(adminUrl).host}`);
  log('baseline: cold starts');
  const helloCold = await measureHelloColdStarts(coldStartRuns, log);
  const hello = await startHello();
  let baseline: BenchResults['baseline'];
  try {
    await sleep(idleSeconds * 1000);
    const idle = await processMemory(hello.child.pid);
    log('baseline: GET /hello');
    const helloLatency = await measureLatency({ label: 'baseline GET /hello', url: `${hello.url}/hello`, method: 'GET', cpuGroups: async () => ({ server: [hello.child.pid] }) }, latency);
    baseline = { coldStart: helloCold, idle, latency: helloLatency };
  } finally {
    await hello.stop();
  }
  log('Foundry module loading (node start + imports, no database)');
  const moduleLoad = await measureModuleLoad(coldStartRuns, log);

  const modes: ModeResults[] = [];
  for (const mode of ['embedded', 'postgres'] as const) {
    modes.push(await measureFoundryMode({ mode, tmpRoot, coldStartRuns, idleSeconds, latency, log }));
  }

  const cpuList = cpus();
  const results: BenchResults = {
    machine: {
      date: new Date().toISOString(),
      node: process.version,
      platform: `${platform()} ${release()}`,
      cpus: availableParallelism(),
      cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
      memoryTotalGiB: round(totalmem() / 1024 ** 3, 1),
      loadAverageStart: round(loadAverageStart, 2),
      busyCoresBefore: round(busyBefore, 2),
      loadAverageEnd: round(loadavg()[0] ?? 0, 2),
    },
    settings: { ...latency, coldStartRuns, idleSeconds, pollIntervalMs: 10 },
    baseline,
    moduleLoad,
    modes,
    wallSeconds: (performance.now() - began) / 1000,
  };
  await writeJson(resultsPath, results);
  console.log(`\n${formatReport(results)}\n\nJSON: ${resultsPath}`);
} catch (error) {
  process.exitCode = 1;
  log(`\nBENCHMARK FAILED: ${(error as Error).stack ?? String(error)}`);
} finally {
  await cleanup();
}
