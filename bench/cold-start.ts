import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { spawnChild } from './child-process.ts';
import { createScratchDatabase } from './scratch-db.ts';
import { startFoundry, type FoundryMode } from './spawn-foundry.ts';
import { startHello } from './spawn-hello.ts';
import { median, round } from './stats.ts';

export interface Samples {
  samplesMs: number[];
  medianMs: number;
  minMs: number;
  maxMs: number;
}

export function samples(values: number[]): Samples {
  return {
    samplesMs: values.map((v) => round(v, 1)),
    medianMs: round(median(values), 1),
    minMs: round(Math.min(...values), 1),
    maxMs: round(Math.max(...values), 1),
  };
}

export interface FoundryColdStarts {
  mode: FoundryMode;
  /** Empty data directory (embedded: initdb, server start, migrations) or empty database (migrations). */
  firstStart: Samples;
  /** Same data directory / database again: nothing to initialise or migrate. */
  restart: Samples;
  /** SIGTERM to exit (embedded: includes stopping PostgreSQL). */
  shutdown: Samples;
  /** Where the last restart ran, reused by the latency phase. */
  dataDir: string;
  databaseUrl?: string;
}

/**
 * `runs` times: start Foundry on a fresh data directory (and, for the postgres mode, a fresh
 * database), stop it, start it again on the same ones, stop it.
 */
export async function measureFoundryColdStarts(mode: FoundryMode, tmpRoot: string, runs: number, log: (line: string) => void): Promise<FoundryColdStarts> {
  const first: number[] = [];
  const restart: number[] = [];
  const shutdown: number[] = [];
  let dataDir = '';
  let databaseUrl: string | undefined;
  for (let i = 0; i < runs; i++) {
    dataDir = join(tmpRoot, `${mode}-${i}`);
    await mkdir(dataDir, { recursive: true });
    databaseUrl = mode === 'postgres' ? await createScratchDatabase() : undefined;
    const a = await startFoundry({ mode, dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
    first.push(a.coldStartMs);
    shutdown.push(await a.stop());
    const b = await startFoundry({ mode, dataDir, ...(databaseUrl ? { databaseUrl } : {}) });
    restart.push(b.coldStartMs);
    shutdown.push(await b.stop());
    log(`  ${mode} run ${i + 1}/${runs}: first start ${round(a.coldStartMs, 0)} ms, restart ${round(b.coldStartMs, 0)} ms`);
  }
  return { mode, firstStart: samples(first), restart: samples(restart), shutdown: samples(shutdown), dataDir, ...(databaseUrl ? { databaseUrl } : {}) };
}

/** Spawn-to-first-200 of the bare Fastify baseline, `runs` times. */
export async function measureHelloColdStarts(runs: number, log: (line: string) => void): Promise<Samples> {
  const values: number[] = [];
  for (let i = 0; i < runs; i++) {
    const hello = await startHello();
    values.push(hello.coldStartMs);
    await hello.stop();
  }
  log(`  baseline: ${values.map((v) => round(v, 0)).join(', ')} ms`);
  return samples(values);
}

/**
 * Node start plus loading Foundry's module graph (bench/import-time.ts), without a database or a
 * port: the part of a restart that is not database and HTTP set-up.
 */
export async function measureModuleLoad(runs: number, log: (line: string) => void): Promise<Samples> {
  const values: number[] = [];
  for (let i = 0; i < runs; i++) {
    const child = spawnChild('module load', ['bench/import-time.ts'], { ...process.env });
    const exit = await child.exited;
    const line = child.output().trim().split('\n').at(-1) ?? '';
    if (exit.code !== 0 || !line.startsWith('{')) throw new Error(`bench/import-time.ts failed (${JSON.stringify(exit)}):\n${child.output()}`);
    values.push((JSON.parse(line) as { processToLoadedMs: number }).processToLoadedMs);
  }
  log(`  module load: ${values.map((v) => round(v, 0)).join(', ')} ms`);
  return samples(values);
}
