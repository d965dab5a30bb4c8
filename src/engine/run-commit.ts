import { and, eq, sql } from 'drizzle-orm';
import { tables, type Db } from '../db/index.ts';
import { FoundryError } from '../kernel/index.ts';
import { LeaseLostError } from './engine-errors.ts';
import { recordRunEvents, type NewRunEvent, type RunEventsNotice } from './run-events.ts';
import type { RunQueue } from './run-queue.ts';
import { transitionRun, type RunEvent, type RunState } from './run-state.ts';
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

  /** Batches that start child runs, queue a job or may end a child run need `commitRunBatch`; the rest take the one-query path. */
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
  notices: RunEventsNotice[];
}

/**
 * Writes a batch if and only if this driver still holds the run's lease (a fencing check on the
 * run row, which also serialises writers of the run; the heartbeat extends the lease). A run transition is
 * re-checked against the state in the database, which a person may have changed meanwhile.
 */
export async function commitRunBatch(db: Db, queue: RunQueue, lease: { runId: string; token: string; ms: number }, batch: RunBatch): Promise<CommitResult> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const [fenced] = await tx.update(tables.workflowRuns).set({
      updatedAt: now,
      stepsDone: sql`${tables.workflowRuns.stepsDone} + ${batch.finished.length}`,
      stepsTotal: sql`${tables.workflowRuns.stepsTotal} + ${batch.totalDelta}`,
    }).where(and(eq(tables.workflowRuns.id, lease.runId), eq(tables.workflowRuns.leaseOwner, lease.token))).returning();
    if (!fenced) throw new LeaseLostError(lease.runId);
    let run = fenced;
    let transitionRefused = false;
    if (batch.run !== undefined) {
      try {
        const status = transitionRun(run.status as RunState, batch.run.event);
        [run] = await tx.update(tables.workflowRuns).set({ ...batch.run.set, status }).where(eq(tables.workflowRuns.id, run.id)).returning() as [RunRow];
      } catch (error) {
        if (!FoundryError.isInstance(error) || error.code !== 'INVALID_RUN_TRANSITION') throw error;
        transitionRefused = true;
      }
    }
    if (batch.release && !transitionRefused && batch.run !== undefined) {
      await tx.update(tables.workflowRuns).set({ leaseOwner: null, leaseExpiresAt: null }).where(and(eq(tables.workflowRuns.id, run.id), eq(tables.workflowRuns.leaseOwner, lease.token)));
    }
    if (batch.newSteps.length > 0) await tx.insert(tables.workflowSteps).values(batch.newSteps);
    const firstSeq = run.stepsDone - batch.finished.length + 1;
    const seqOf = new Map(batch.finished.map((id, i) => [id, firstSeq + i]));
    for (const [id, set] of batch.stepUpdates) {
      const seq = seqOf.get(id);
      await tx.update(tables.workflowSteps).set({ ...set, updatedAt: now, ...(seq === undefined ? {} : { completedSeq: seq }) }).where(eq(tables.workflowSteps.id, id));
    }
    if (batch.attempts.length > 0) await tx.insert(tables.workflowAttempts).values(batch.attempts);
    for (const { key, set } of batch.attemptUpdates) {
      await tx.update(tables.workflowAttempts).set(set).where(and(
        eq(tables.workflowAttempts.stepId, key.stepId), eq(tables.workflowAttempts.number, key.number), eq(tables.workflowAttempts.purpose, key.purpose),
      ));
    }
    for (const { key, holder } of batch.releasedLocks) {
      await tx.delete(tables.workflowLocks).where(and(eq(tables.workflowLocks.workspaceId, run.workspaceId), eq(tables.workflowLocks.key, key), eq(tables.workflowLocks.holder, holder)));
    }
    const notices: RunEventsNotice[] = [];
    const events = transitionRefused ? batch.events.filter((e) => !e.type.startsWith('run.')) : batch.events;
    const own = await recordRunEvents(tx, run, events.map((e) => e.type.startsWith('run.') ? { ...e, data: { ...e.data, progress: { done: run.stepsDone, total: run.stepsTotal } } } : e));
    if (own) notices.push(own);
    for (const child of batch.childRuns) await insertRun(tx, queue, child);
    if (batch.enqueueAt !== undefined) await queue.enqueue(run.id, { tx, startAfter: batch.enqueueAt });
    if (!transitionRefused && batch.run !== undefined && ['succeeded', 'failed', 'compensated'].includes(run.status)) {
      const parent = await settleParentStep(tx, queue, run);
      if (parent) notices.push(parent);
    }
    return { run, transitionRefused, notices, completedSeqs: seqOf };
  });
}
