import { sql } from 'drizzle-orm';
import { PgBoss, fromDrizzle } from 'pg-boss';
import type { Tx } from '../db/index.ts';
import type { Logger } from '../kernel/index.ts';
import type { RunRow, StepRow } from './run-views.ts';

const queueName = 'foundry-runs';

export interface EnqueueOptions {
  /** Send inside this transaction: the job exists exactly when the transaction commits (an outbox). */
  tx?: Tx;
  /** Not before this time (a wait ending, a retry backoff). */
  startAfter?: Date;
}

/**
 * A free slot of this process's worker, taken before a run is inserted. The run is inserted
 * holding a lease for `token` (so no other worker takes it, and the reaper re-queues it if this
 * process dies), then handed to the worker with the rows just written: no job, no claim, no reads.
 */
export interface LocalStart {
  readonly token: string;
  readonly leaseMs: number;
  /** After the insert committed. */
  drive(run: RunRow, steps: StepRow[]): void;
  /** The insert did not happen: the slot is free again. */
  cancel(): void;
}

/** Asks a worker to drive a run. A duplicate request is harmless: the run's lease admits one driver. */
export interface RunQueue {
  enqueue(runId: string, options?: EnqueueOptions): Promise<void>;
  /**
   * After the commit that queued a run: hands it at once to this process's worker, if it has one,
   * instead of waiting for the job to be fetched. The job stays as the fallback (its drive then
   * finds the lease taken or the run done, and does nothing).
   */
  kick?(runId: string): void;
  /** A slot of this process's worker for a run about to be inserted, if one is free now. */
  reserve?(): LocalStart | undefined;
}

export interface RunJobQueue extends RunQueue {
  /** Calls `handle` for each run job, with `pollers` fetch loops in this process; `reserve` takes a slot for a run inserted here. */
  work(pollers: number, handle: (runId: string) => Promise<void>, reserve?: () => LocalStart | undefined): Promise<void>;
  /** Stops taking jobs; waits for handlers to finish. */
  stopWorking(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The run queue on pg-boss, in the same PostgreSQL as everything else (embedded or server).
 * Jobs carry only the run id; the run's state lives in our tables, so a lost or duplicated job
 * never loses or repeats work: the reaper re-sends jobs for runs nobody drives.
 */
export async function createRunJobQueue({ url, logger }: { url: string; logger: Logger }): Promise<RunJobQueue> {
  const boss = new PgBoss({ connectionString: url, max: 4, useListenNotify: true, schedule: false, application_name: 'foundry-queue' });
  boss.on('error', (error: unknown) => logger.error({ err: error }, 'run queue error'));
  await boss.start();
  // A handler drives its run until it waits or ends; the run lease, not the job, detects dead workers.
  await boss.createQueue(queueName, { retryLimit: 3, retryDelay: 1, expireInSeconds: 24 * 3600, deleteAfterSeconds: 3600, notify: true });
  let local: ((runId: string) => Promise<void>) | undefined;
  let reserveLocal: (() => LocalStart | undefined) | undefined;
  return {
    kick(runId) {
      local?.(runId).catch((error: unknown) => logger.warn({ err: error, runId }, 'local hand-off of a run failed; its job will deliver it'));
    },
    reserve: () => reserveLocal?.(),
    async enqueue(runId, options = {}) {
      const send = { ...(options.tx ? { db: fromDrizzle(options.tx, sql) } : {}), ...(options.startAfter ? { startAfter: options.startAfter } : {}) };
      await boss.send(queueName, { runId }, send);
    },
    async work(pollers, handle, reserve) {
      local = handle;
      reserveLocal = reserve;
      await boss.work<{ runId: string }>(queueName, { localConcurrency: pollers, pollingIntervalSeconds: 0.5 }, async ([job]) => {
        if (job) await handle(job.data.runId);
      });
    },
    async stopWorking() {
      local = undefined;
      reserveLocal = undefined;
      await boss.offWork(queueName, { wait: true });
    },
    async close() {
      await boss.stop({ graceful: true, close: true, timeout: 10_000 });
    },
  };
}
