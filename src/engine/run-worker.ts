import { hostname } from 'node:os';
import { and, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type pg from 'pg';
import { tables, type Db } from '../db/index.ts';
import { newId, type EventBus, type Logger, type ToolRegistration } from '../kernel/index.ts';
import { BatchCommitter } from './batch-committer.ts';
import { createCircuitBreakers, type CircuitBreakers } from './circuit-breakers.ts';
import { createKeyedLimits } from './keyed-limits.ts';
import { RunDriver } from './run-driver.ts';
import { releaseLease } from './run-store.ts';
import type { LocalStart, RunJobQueue } from './run-queue.ts';
import type { RunRow, StepRow } from './run-views.ts';
import type { ModelCaller } from './task-runner.ts';

export interface RunWorkerOptions {
  db: Db;
  /** The pool under `db`: run drivers write their batches through it in one query. */
  pool: pg.Pool;
  events: EventBus;
  queue: RunJobQueue;
  logger: Logger;
  tools: () => ToolRegistration[];
  callModel?: ModelCaller;
  /** Shared with the model gateway, so one metric shows every breaker of the process. @default new ones */
  breakers?: CircuitBreakers;
  /** Runs this process drives at once. */
  concurrency: number;
  runConcurrency: number;
  workspaceConcurrency: number;
  toolConcurrency: number;
  leaseMs: number;
}

export interface RunWorker {
  readonly id: string;
  readonly breakers: CircuitBreakers;
  /** Runs being driven by this process now. */
  active(): number;
  /** Stops taking runs and gives up the ones it drives (another worker, or this process restarted, continues them). */
  stop(): Promise<void>;
}

/**
 * A workflow worker: takes run jobs from the queue, claims each run's lease and drives it. A
 * reaper re-queues runs whose lease expired (their worker died) and waiting runs that are due,
 * so no run depends on a job surviving.
 */
export async function startRunWorker(options: RunWorkerOptions): Promise<RunWorker> {
  const id = `${hostname()}:${process.pid}:${newId().slice(0, 8)}`;
  const shutdown = new AbortController();
  const breakers = options.breakers ?? createCircuitBreakers();
  const limits = createKeyedLimits();
  const toolIndex = () => new Map(options.tools().map((t) => [t.name, t]));
  let tools = toolIndex();
  const drivers = new Set<Promise<void>>();
  const committer = new BatchCommitter(options.pool);
  /** A lease token names this worker and is new for every run it takes. */
  const leaseToken = () => `${id}:${newId()}`;

  // Drivers run detached from the job: a job is done once the run's lease is ours. `free` caps the
  // runs driven at once; a handler waiting for a slot holds its poller, so the queue stops fetching.
  let free = options.concurrency;
  const waiting: (() => void)[] = [];
  const takeSlot = async () => {
    while (free === 0) await new Promise<void>((resolve) => waiting.push(resolve));
    free -= 1;
  };
  const freeSlot = () => {
    free += 1;
    waiting.shift()?.();
  };
  const handle = async (runId: string) => {
    if (shutdown.signal.aborted) throw new Error('worker stopping; the job goes back to the queue');
    await takeSlot();
    let run: Awaited<ReturnType<typeof claim>>;
    try {
      run = await claim(options.db, runId, leaseToken(), options.leaseMs);
    } catch (error) {
      freeSlot();
      throw error;
    }
    if (run === undefined) {
      freeSlot();
      return;
    }
    drive(run.row, run.token);
  };
  /** Drives a run whose lease this process holds, in a slot already taken. */
  const drive = (row: RunRow, token: string, steps?: StepRow[]) => {
    tools = toolIndex();
    const driver = new RunDriver({
      db: options.db, committer, events: options.events, queue: options.queue, logger: options.logger,
      tool: (name) => tools.get(name), ...(options.callModel ? { callModel: options.callModel } : {}), breakers, limits, workerId: id,
      leaseMs: options.leaseMs, runConcurrency: options.runConcurrency, workspaceConcurrency: options.workspaceConcurrency,
      toolConcurrency: options.toolConcurrency, random: Math.random, shutdown: shutdown.signal,
    }, row, token, steps);
    const driving: Promise<void> = driver.drive()
      .catch((error: unknown) => options.logger.error({ err: error, runId: row.id }, 'run driver failed; the run is retried when its lease expires'))
      .finally(() => {
        drivers.delete(driving);
        freeSlot();
      });
    drivers.add(driving);
  };
  const reserve = (): LocalStart | undefined => {
    if (shutdown.signal.aborted || free === 0) return undefined;
    free -= 1;
    const token = leaseToken();
    let open = true;
    return {
      token,
      leaseMs: options.leaseMs,
      drive(row, steps) {
        if (!open) return;
        open = false;
        if (!shutdown.signal.aborted) return drive(row, token, steps);
        freeSlot();
        releaseLease(options.db, options.queue, row.id, token).catch((error: unknown) => options.logger.warn({ err: error, runId: row.id }, 'could not hand back a run; the reaper will'));
      },
      cancel() {
        if (!open) return;
        open = false;
        freeSlot();
      },
    };
  };
  // Two pollers are enough: handlers return as soon as they hold the lease.
  await options.queue.work(Math.min(2, options.concurrency), handle, reserve);

  const reapEveryMs = Math.max(500, Math.floor(options.leaseMs / 2));
  const reaper = setInterval(() => {
    reap(options.db, options.queue, options.leaseMs).catch((error: unknown) => options.logger.warn({ err: error }, 'run reaper failed'));
  }, reapEveryMs);
  reaper.unref();

  return {
    id,
    breakers,
    active: () => drivers.size,
    async stop() {
      clearInterval(reaper);
      shutdown.abort();
      await Promise.allSettled(drivers);
      await options.queue.stopWorking();
    },
  };
}

/** Takes the run's lease if nobody holds a live one and the run has something to do now. */
async function claim(db: Db, runId: string, token: string, leaseMs: number) {
  const runs = tables.workflowRuns;
  const [row] = await db.update(runs).set({ leaseOwner: token, leaseExpiresAt: sql`now() + ${`${leaseMs} milliseconds`}::interval` })
    .where(and(
      eq(runs.id, runId),
      or(isNull(runs.leaseOwner), lt(runs.leaseExpiresAt, sql`now()`)),
      or(inArray(runs.status, ['queued', 'running', 'compensating']), and(eq(runs.status, 'waiting'), lte(runs.wakeAt, sql`now()`))),
    )).returning();
  return row === undefined ? undefined : { row, token };
}

/**
 * Re-queues runs nobody is driving: a live run whose lease expired (its worker died), a queued or
 * live run without a lease for longer than a lease (its job was lost), a waiting run that is due.
 */
async function reap(db: Db, queue: RunJobQueue, leaseMs: number): Promise<void> {
  const runs = tables.workflowRuns;
  const stale = sql`now() - ${`${leaseMs} milliseconds`}::interval`;
  const rows = await db.select({ id: runs.id }).from(runs).where(or(
    and(inArray(runs.status, ['queued', 'running', 'compensating']), or(
      lt(runs.leaseExpiresAt, sql`now()`),
      and(isNull(runs.leaseOwner), lt(runs.updatedAt, stale)),
    )),
    and(eq(runs.status, 'waiting'), lt(runs.wakeAt, sql`now() - interval '2 seconds'`), isNull(runs.leaseOwner)),
  )).limit(200);
  for (const { id } of rows) await queue.enqueue(id);
}
