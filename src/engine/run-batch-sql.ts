import { getTableColumns, type Column } from 'drizzle-orm';
import type pg from 'pg';
import { eventPayload, tables } from '../db/index.ts';
import { LeaseLostError } from './engine-errors.ts';
import type { CommitResult, RunBatch } from './run-commit.ts';
import { runStates, transitionRun, type RunState } from './run-state.ts';
import type { RunRow } from './run-views.ts';

/**
 * A run batch in one call of the `foundry_commit_batch` SQL function (migration 0006): one
 * round trip, one commit, and statement plans that PostgreSQL keeps per connection. This is the
 * engine's hot path (see BENCHMARKS.md); `commitRunBatch` does the same through the query
 * builder for the batches this path leaves out.
 */

/** The run states from which `event` leads to `target`. */
function sourcesOf(event: NonNullable<RunBatch['run']>['event'], target: RunState): RunState[] {
  return runStates.filter((state) => {
    try {
      return transitionRun(state, event) === target;
    } catch {
      return false;
    }
  });
}

const runColumns = Object.entries(getTableColumns(tables.workflowRuns)) as [string, Column][];

function runRowOf(raw: Record<string, unknown>): RunRow {
  const row: Record<string, unknown> = {};
  for (const [key, column] of runColumns) row[key] = raw[column.name] ?? null;
  return row as RunRow;
}

const query = 'select * from foundry_commit_batch($1::jsonb)';

/**
 * Writes the batch if this driver still holds the lease and publishes its events on the bus at
 * commit. Child runs, queue jobs and a parent's step are not handled here: the driver sends
 * those batches through `commitRunBatch`.
 */
export async function commitRunBatchSql(pool: pg.Pool, lease: { runId: string; token: string; ms: number }, batch: RunBatch, known: RunRow): Promise<CommitResult> {
  const target = batch.run === undefined ? undefined : transitionRun(known.status as RunState, batch.run.event);
  const positions = new Map(batch.finished.map((id, i) => [id, i + 1]));
  const types = batch.events.map((e) => e.type);
  const payload = {
    runId: lease.runId, token: lease.token, leaseMs: lease.ms, finished: batch.finished, totalDelta: batch.totalDelta,
    transition: batch.run === undefined ? null : { target, sources: sourcesOf(batch.run.event, target!), set: batch.run.set, release: batch.release },
    newSteps: batch.newSteps,
    stepUpdates: [...batch.stepUpdates].map(([id, set]) => ({ id, s: set, seq: positions.get(id) ?? null })),
    attempts: batch.attempts,
    attemptUpdates: batch.attemptUpdates.map(({ key, set }) => ({ ...key, s: set })),
    locks: batch.releasedLocks,
    events: batch.events.map((e, ord) => ({ ord, ...e })),
    notify: types.length === 0 ? null : eventPayload({ type: 'run.events', workspaceId: known.workspaceId, data: { runId: lease.runId, types }, at: new Date().toISOString() }),
  };
  let rows: Record<string, unknown>[];
  try {
    ({ rows } = await pool.query({ name: 'foundry_commit_batch', text: query, values: [JSON.stringify(payload)] }));
  } catch (error) {
    if ((error as { message?: string }).message?.startsWith('LEASE_LOST')) throw new LeaseLostError(lease.runId);
    throw error;
  }
  const run = runRowOf(rows[0]!);
  const k = batch.finished.length;
  const completedSeqs = new Map([...positions].map(([id, position]) => [id, run.stepsDone - k + position]));
  // The events went out through the function's own NOTIFY.
  return { run, transitionRefused: target !== undefined && run.status !== target, completedSeqs, notices: [] };
}
