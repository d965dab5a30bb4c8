import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createFoundry, type Foundry } from '../../../src/server/index.ts';
import recorderPlugin from '../../support/recorder-plugin.ts';
import { createTestDatabaseUrl } from '../../support/test-database.ts';
import { as, signUpUser, type Account } from '../../support/test-foundry.ts';
import { startRecorder, type Recorder } from './recorder.ts';
import { startWorkerPool, type WorkerPool } from './workers.ts';

/**
 * The set-up both crash tests share: a recorder, an API-only Foundry in this process (no worker:
 * it only submits runs and reads them back) and `foundry worker` processes on the same database.
 */

export const terminal = ['succeeded', 'failed', 'compensated', 'cancelled'];

/** A positive integer from the environment (the larger `npm run test:crash` sets them). */
export function envCount(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
}

export const randomBetween = (min: number, max: number) => min + Math.floor(Math.random() * (max - min + 1));
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface CrashRig {
  foundry: Foundry;
  account: Account;
  recorder: Recorder;
  workers: WorkerPool;
  /** Saves a workflow; returns its id. */
  saveWorkflow(definition: unknown): Promise<string>;
  /** Starts a run of a saved workflow (through the API of the in-process Foundry); returns its id. */
  startRun(workflowId: string, input?: unknown): Promise<string>;
  /** Run ids by status. */
  statuses(runIds: string[]): Promise<Map<string, string>>;
  /** What a stuck or failed run looked like: status, lease, steps, its timeline. */
  describeRun(runId: string): Promise<string>;
  dispose(): Promise<void>;
}

/**
 * Drops the test database once every connection to it has gone. Pools that were just ended (and
 * the backends of killed workers) take a moment to leave; dropping WITH (FORCE) before that
 * terminates them, and a pool without an error listener (the event bus's publisher) then throws
 * an unhandled 'error' in this process.
 */
async function dropWhenIdle(database: { url: string; drop(): Promise<void> }): Promise<void> {
  const name = new URL(database.url).pathname.slice(1);
  const admin = new URL(database.url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    for (let i = 0; i < 100; i++) {
      const { rows } = await client.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
      if ((rows[0]?.n ?? 0) === 0) break;
      await sleep(100);
    }
  } finally {
    await client.end();
  }
  await database.drop();
}

export async function startCrashRig(options: { workers: number; leaseMs: number; effectDelayMs?: () => number; env?: Record<string, string> }): Promise<CrashRig> {
  const recorder = await startRecorder(options.effectDelayMs ? { effectDelayMs: options.effectDelayMs } : {});
  const database = await createTestDatabaseUrl();
  const dataDir = await mkdtemp(join(tmpdir(), 'foundry-crash-workers-'));
  let foundry: Foundry | undefined;
  let workers: WorkerPool | undefined;
  const teardown = async () => {
    await workers?.stop();
    await foundry?.close();
    await dropWhenIdle(database);
    await recorder.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    // API only: this process submits runs and reads them; the worker processes drive them.
    foundry = await createFoundry({
      config: { databaseUrl: database.url, dataDir, logLevel: 'silent', webDir: join(dataDir, 'no-web'), authRateLimit: 1000, worker: false },
      env: {}, plugins: [recorderPlugin],
    });
    const account = await signUpUser(foundry, 'Crash Tester');
    const databaseUrl = database.url;
    workers = startWorkerPool(options.workers, { databaseUrl, dataDir, recorderUrl: recorder.url, leaseMs: options.leaseMs, ...(options.env ? { env: options.env } : {}) });
    const pool = foundry.database.pool;
    const app = foundry.app;
    const call = async <T>(method: 'GET' | 'POST', url: string, payload?: unknown): Promise<T> => {
      const response = await app.inject({ method, url, headers: as(account), ...(payload === undefined ? {} : { payload: payload as object }) });
      if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
      return response.json<T>();
    };
    const rig: CrashRig = {
      foundry, account, recorder, workers,
      saveWorkflow: async (definition) => (await call<{ id: string }>('POST', '/api/workflows', { definition })).id,
      startRun: async (workflowId, input = {}) => (await call<{ id: string }>('POST', `/api/workflows/${workflowId}/runs`, { input })).id,
      async statuses(runIds) {
        const { rows } = await pool.query<{ id: string; status: string }>('select id, status from workflow_runs where id = any($1::uuid[])', [runIds]);
        return new Map(rows.map((r) => [r.id, r.status]));
      },
      async describeRun(runId) {
        const run = await call<{ status: string; error: unknown; steps: { nodeId: string; status: string; attempts: { purpose: string; number: number; status: string; workerId: string | null; error: unknown }[] }[] }>('GET', `/api/runs/${runId}`);
        const events = await call<{ items: { seq: number; type: string; nodeId: string | null; data: unknown }[] }>('GET', `/api/runs/${runId}/events`);
        const { rows: [lease] } = await pool.query<{ lease_owner: string | null; lease_expires_at: Date | null; wake_at: Date | null; updated_at: Date }>(
          'select lease_owner, lease_expires_at, wake_at, updated_at from workflow_runs where id = $1', [runId]);
        return [
          `run ${runId}: ${run.status} ${JSON.stringify(run.error)} lease=${lease?.lease_owner ?? 'none'} until ${lease?.lease_expires_at?.toISOString() ?? '-'} wake=${lease?.wake_at?.toISOString() ?? '-'} updated ${lease?.updated_at.toISOString()}`,
          ...run.steps.map((s) => `  step ${s.nodeId}: ${s.status}; attempts ${s.attempts.map((a) => `${a.purpose}#${a.number} ${a.status} by ${a.workerId ?? '?'}${a.error ? ` ${JSON.stringify(a.error)}` : ''}`).join(', ')}`),
          ...events.items.map((e) => `  #${e.seq} ${e.type}${e.nodeId ? ` ${e.nodeId}` : ''} ${JSON.stringify(e.data)}`),
        ].join('\n');
      },
      dispose: teardown,
    };
    return rig;
  } catch (error) {
    await teardown();
    throw error;
  }
}

/**
 * Waits until every run has ended. Gives up only when no run ended for `stallMs` (a liveness
 * check, not a time limit on the engine): then the runs still open are returned.
 */
export async function waitForRuns(rig: CrashRig, runIds: string[], stallMs: number, onProgress?: (open: number) => void): Promise<{ open: string[]; statuses: Map<string, string> }> {
  let lastOpen = Number.POSITIVE_INFINITY;
  let lastChange = Date.now();
  for (;;) {
    const statuses = await rig.statuses(runIds);
    const open = runIds.filter((id) => !terminal.includes(statuses.get(id) ?? 'missing'));
    if (open.length === 0) return { open, statuses };
    if (open.length < lastOpen) {
      lastOpen = open.length;
      lastChange = Date.now();
      onProgress?.(open.length);
    } else if (Date.now() - lastChange > stallMs) return { open, statuses };
    await sleep(250);
  }
}
