import { sql } from 'drizzle-orm';
import { eventPayload, tables, type Db } from '../db/index.ts';
import type { BatchAnswer, BatchCommitter } from './batch-committer.ts';
import { LeaseLostError } from './engine-errors.ts';
import { runEventsBusType, type NewRunEvent } from './run-events.ts';
import type { RunQueue } from './run-queue.ts';
import { runStates, transitionRun, type RunEvent, type RunState } from './run-state.ts';
import type { RunRow, StepRow } from './run-views.ts';
import { insertRun, settleParentStep, type NewRun } from './runs.ts';

type StepInsert = typeof tables.workflowSteps.$inferInsert;
type AttemptInsert = typeof tables.workflowAttempts.$inferInsert;
type AttemptKey = { stepId: string; number: number; purpose: string };

/**
 * Everything one commit of a run driver writes. The driver gathers the outcomes of steps that
 * finished and the starts of steps it is about to launch, then writes them in one transaction:
 * a durable step costs about one commit, and several finishing together share it.
 */
export class RunBatch {
  readonly stepUpdates = new Map<string, Partial<StepInsert>>();
  readonly newSteps: StepInsert[] = [];
  readonly attempts: AttemptInsert[] = [];
  readonly attemptUpdates: { key: AttemptKey; set: Partial<AttemptInsert> }[] = [];
  readonly events: NewRunEvent[] = [];
  /** Steps that reached succeeded, failed or skipped, in order: they count as done and get a completion sequence. */
  readonly finished: string[] = [];
  readonly childRuns: NewRun[] = [];
  readonly releasedLocks: { key: string; holder: string }[] = [];
  totalDelta = 0;
  run: { event: RunEvent; set: Partial<RunRow> } | undefined;
  enqueueAt: Date | undefined;
  /** Give up the lease with the run transition (the run ends or waits): the driver is done with it. */
  release = false;

  /** Batches that start child runs, queue a job or may end a child run need more than the batch function. */
  needsTransaction(run: RunRow): boolean {
    return this.childRuns.length > 0 || this.enqueueAt !== undefined || (this.run !== undefined && run.parentRunId !== null);
  }

  updateStep(step: StepRow, set: Partial<StepRow>): void {
    Object.assign(step, set);
    this.stepUpdates.set(step.id, { ...this.stepUpdates.get(step.id), ...set });
  }

  get isEmpty(): boolean {
    return this.stepUpdates.size === 0 && this.newSteps.length === 0 && this.attempts.length === 0 && this.attemptUpdates.length === 0
      && this.events.length === 0 && this.childRuns.length === 0 && this.run === undefined && this.enqueueAt === undefined && this.releasedLocks.length === 0;
  }
}

export interface CommitResult {
  run: RunRow;
  /** The run transition asked for was refused because someone else changed the run (cancel, pause). */
  transitionRefused: boolean;
  /** The completion sequence given to each finished step. */
  completedSeqs: Map<string, number>;
}

export interface CommitDeps {
  db: Db;
  /** Sends plain batches, grouped with other runs' (group commit). */
  committer: BatchCommitter;
  queue: RunQueue;
}

const sourcesCache = new Map<string, RunState[]>();

/** The run states from which `event` leads to `target` (asked on every run's start and end: kept). */
function sourcesOf(event: RunEvent, target: RunState): RunState[] {
  const key = `${JSON.stringify(event)}>${target}`;
  let sources = sourcesCache.get(key);
  if (sources === undefined) {
    sources = runStates.filter((state) => {
      try {
        return transitionRun(state, event) === target;
      } catch {
        return false;
      }
    });
    sourcesCache.set(key, sources);
  }
  return sources;
}

const dateOf = (value: string | null): Date | null => value === null ? null : new Date(value);

/** The run after a batch: what the driver knew, with the columns the batch may have changed. */
function runAfter(known: RunRow, answer: Extract<BatchAnswer, { lost: false }>): RunRow {
  return {
    ...known, status: answer.status, stepsDone: answer.stepsDone, stepsTotal: answer.stepsTotal, error: answer.error, leaseOwner: answer.leaseOwner,
    startedAt: dateOf(answer.startedAt), finishedAt: dateOf(answer.finishedAt), wakeAt: dateOf(answer.wakeAt), updatedAt: new Date(answer.updatedAt),
    ...(answer.output === null || answer.output === undefined ? {} : { output: answer.output }),
  };
}

/**
 * Writes a batch through the `foundry_commit_batches` SQL function (migration 0009): one call, one
 * commit, shared with the batches of other runs that are ready at the same moment, the run's events
 * announced on the bus at commit. Nothing is written unless this driver still holds the run's lease
 * (LeaseLostError), and a run transition is re-checked against the state in the database, which a
 * person may have changed. A batch that starts child runs, schedules a wake-up or ends a
 * sub-workflow's run does that in a transaction of its own.
 */
export async function commitRunBatch(deps: CommitDeps, lease: { runId: string; token: string; ms: number }, batch: RunBatch, known: RunRow): Promise<CommitResult> {
  const target = batch.run === undefined ? undefined : transitionRun(known.status as RunState, batch.run.event);
  const positions = new Map(batch.finished.map((id, i) => [id, i + 1]));
  const types = batch.events.map((e) => e.type);
  const payload = JSON.stringify({
    runId: lease.runId, token: lease.token, finished: batch.finished, totalDelta: batch.totalDelta,
    transition: batch.run === undefined ? null : { target, sources: sourcesOf(batch.run.event, target!), set: batch.run.set, release: batch.release },
    newSteps: batch.newSteps,
    stepUpdates: [...batch.stepUpdates].map(([id, set]) => ({ id, s: set, seq: positions.get(id) ?? null })),
    attempts: batch.attempts,
    attemptUpdates: batch.attemptUpdates.map(({ key, set }) => ({ ...key, s: set })),
    locks: batch.releasedLocks,
    events: batch.events.map((e, ord) => ({ ord, ...e })),
    notify: types.length === 0 ? null : eventPayload({ type: runEventsBusType, workspaceId: known.workspaceId, data: { runId: lease.runId, types }, at: new Date().toISOString() }),
  });
  const lost = () => new LeaseLostError(lease.runId);
  const run = batch.needsTransaction(known)
    ? await deps.db.transaction(async (tx) => {
      const { rows } = await tx.execute<{ a: BatchAnswer }>(sql`select foundry_commit_batches(${`[${payload}]`}::jsonb) as a`);
      const answer = rows[0]!.a;
      if (answer.lost) throw lost();
      const after = runAfter(known, answer);
      for (const child of batch.childRuns) await insertRun(tx, deps.queue, child);
      if (batch.enqueueAt !== undefined) await deps.queue.enqueue(after.id, { tx, startAfter: batch.enqueueAt });
      if (after.status === target && ['succeeded', 'failed', 'compensated'].includes(target)) await settleParentStep(tx, deps.queue, after);
      return after;
    })
    : await deps.committer.commit(payload).then((answer) => {
      if (answer.lost) throw lost();
      return runAfter(known, answer);
    });
  const k = batch.finished.length;
  const completedSeqs = new Map([...positions].map(([id, position]) => [id, run.stepsDone - k + position]));
  return { run, transitionRefused: target !== undefined && run.status !== target, completedSeqs };
}
