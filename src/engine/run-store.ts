import { and, eq, inArray, ne, or, sql } from 'drizzle-orm';
import { tables, type Db } from '../db/index.ts';
import { NonRetryableStepError } from './engine-errors.ts';
import type { RunQueue } from './run-queue.ts';
import type { RunRow, StepRow } from './run-views.ts';
import { runDefinitionOf } from './runs.ts';
import type { WorkflowDefinition } from './workflow-definition.ts';

/** The reads and lease writes a run driver makes outside its batches. */

const inMs = (ms: number) => sql`now() + ${`${ms} milliseconds`}::interval`;

/**
 * A run's steps and, per step and purpose, its failed attempts (those lost with a dead worker do
 * not count). A run that had started may have attempts left running by a dead worker: they are
 * recorded as lost, and their steps run again with the same idempotency key.
 */
export async function loadRunSteps(db: Db, run: RunRow): Promise<{ steps: StepRow[]; failures: Map<string, number> }> {
  const steps = await db.select().from(tables.workflowSteps).where(eq(tables.workflowSteps.runId, run.id));
  const a = tables.workflowAttempts;
  const counts = await db.select({ stepId: a.stepId, purpose: a.purpose, n: sql<number>`count(*)::int` }).from(a)
    .where(and(eq(a.runId, run.id), eq(a.status, 'failed'), ne(sql`${a.error}->>'code'`, 'WORKER_LOST')))
    .groupBy(a.stepId, a.purpose);
  if (run.startedAt !== null) {
    await db.update(a).set({ status: 'failed', error: { code: 'WORKER_LOST', message: 'The worker running this attempt stopped; the step was run again.' }, finishedAt: new Date() })
      .where(and(eq(a.runId, run.id), eq(a.status, 'running')));
  }
  return { steps, failures: new Map(counts.map((c) => [`${c.stepId}:${c.purpose}`, c.n])) };
}

/** The latest version of a saved workflow of the workspace, for a sub-workflow step. */
export async function latestDefinition(db: Db, workspaceId: string, workflowId: string): Promise<{ definition: WorkflowDefinition; version: number }> {
  const [row] = await db.select({ definition: tables.workflowVersions.definition, version: tables.workflowVersions.version })
    .from(tables.workflowVersions).innerJoin(tables.workflows, eq(tables.workflows.id, tables.workflowVersions.workflowId))
    .where(and(eq(tables.workflows.id, workflowId), eq(tables.workflows.workspaceId, workspaceId), eq(tables.workflowVersions.version, tables.workflows.latestVersion)));
  if (!row) throw new NonRetryableStepError({ message: `Sub-workflow ${workflowId} does not exist in this workspace.` });
  return { definition: runDefinitionOf({ definition: row.definition } as RunRow), version: row.version };
}

/** Takes (or re-takes, for the same holder) the workspace-wide lock of a concurrency key; false when another holds it. */
export async function acquireConcurrencyLock(db: Db, workspaceId: string, key: string, holder: string, leaseMs: number): Promise<boolean> {
  const expiresAt = new Date(Date.now() + leaseMs);
  const l = tables.workflowLocks;
  const rows = await db.insert(l).values({ workspaceId, key, holder, expiresAt })
    .onConflictDoUpdate({ target: [l.workspaceId, l.key], set: { holder, expiresAt }, setWhere: or(sql`${l.expiresAt} < now()`, eq(l.holder, holder)) })
    .returning({ holder: l.holder });
  return rows.length > 0;
}

/**
 * Extends the run's lease and the locks its running steps hold. Returns the run's status, or
 * undefined when the lease is no longer this token's.
 */
export async function extendLease(db: Db, run: RunRow, token: string, leaseMs: number, lockHolders: string[]): Promise<string | undefined> {
  const [row] = await db.update(tables.workflowRuns).set({ leaseExpiresAt: inMs(leaseMs) })
    .where(and(eq(tables.workflowRuns.id, run.id), eq(tables.workflowRuns.leaseOwner, token)))
    .returning({ status: tables.workflowRuns.status });
  if (row && lockHolders.length > 0) {
    await db.update(tables.workflowLocks).set({ expiresAt: inMs(leaseMs) })
      .where(and(eq(tables.workflowLocks.workspaceId, run.workspaceId), inArray(tables.workflowLocks.holder, lockHolders)));
  }
  return row?.status;
}

/** Gives up the lease; a run that was queued again meanwhile (resumed, approved) gets a new job. */
export async function releaseLease(db: Db, queue: RunQueue, runId: string, token: string): Promise<void> {
  const [row] = await db.update(tables.workflowRuns).set({ leaseOwner: null, leaseExpiresAt: null })
    .where(and(eq(tables.workflowRuns.id, runId), eq(tables.workflowRuns.leaseOwner, token)))
    .returning({ status: tables.workflowRuns.status });
  if (row?.status === 'queued' || row?.status === 'running' || row?.status === 'compensating') await queue.enqueue(runId);
}

/** The current rows of some steps (to see which of those waiting someone else has finished). */
export async function readSteps(db: Db, ids: string[]): Promise<StepRow[]> {
  return ids.length === 0 ? [] : db.select().from(tables.workflowSteps).where(inArray(tables.workflowSteps.id, ids));
}

export async function readRun(db: Db, runId: string): Promise<RunRow | undefined> {
  const [run] = await db.select().from(tables.workflowRuns).where(eq(tables.workflowRuns.id, runId));
  return run;
}
