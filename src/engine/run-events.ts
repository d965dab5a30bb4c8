import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { eventChannel, eventPayload, tables, type Db, type DbExecutor } from '../db/index.ts';
import type { RunEventName, RunEventView } from './run-schemas.ts';

export interface NewRunEvent {
  type: RunEventName;
  nodeId?: string;
  itemIndex?: number;
  data?: Record<string, unknown>;
}

/** The bus event that tells other processes a run has new timeline entries (read them from the table). */
export const runEventsBusType = 'run.events';

export interface RunEventsNotice {
  runId: string;
  types: RunEventName[];
  /** Written by someone other than the run's driver (a person's decision, a sub-workflow ending): the driver re-reads the run. */
  external?: boolean;
}

type EventRow = typeof tables.workflowRunEvents.$inferSelect;

export const runEventViewOf = (r: EventRow): RunEventView => ({
  seq: r.seq, runId: r.runId, type: r.type as RunEventName, nodeId: r.nodeId, itemIndex: r.itemIndex, data: r.data, at: r.createdAt.toISOString(),
});

/**
 * Appends events to a run's timeline inside the caller's transaction and announces them on the bus
 * when, and only if, it commits (NOTIFY is transactional). `external`: written by someone other
 * than the run's driver (a person's decision, a sub-workflow ending), which makes the driver re-read.
 */
export async function recordRunEvents(tx: DbExecutor, run: { id: string; workspaceId: string }, events: NewRunEvent[], external = false): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(tables.workflowRunEvents).values(events.map((e) => ({
    runId: run.id, workspaceId: run.workspaceId, type: e.type, nodeId: e.nodeId ?? null, itemIndex: e.itemIndex ?? null, data: e.data ?? {},
  })));
  const notice: RunEventsNotice = { runId: run.id, types: events.map((e) => e.type), ...(external ? { external } : {}) };
  const payload = eventPayload({ type: runEventsBusType, workspaceId: run.workspaceId, data: { ...notice }, at: new Date().toISOString() });
  await tx.execute(sql`select pg_notify(${eventChannel}, ${payload})`);
}

/** The timeline of a run after `afterSeq`, oldest first. The caller has checked the run's workspace. */
export async function runEventsAfter(db: Db, run: { id: string; workspaceId: string }, afterSeq: number, limit = 1000): Promise<RunEventView[]> {
  const rows = await db.select().from(tables.workflowRunEvents)
    .where(and(eq(tables.workflowRunEvents.runId, run.id), eq(tables.workflowRunEvents.workspaceId, run.workspaceId), gt(tables.workflowRunEvents.seq, afterSeq)))
    .orderBy(asc(tables.workflowRunEvents.seq)).limit(limit);
  return rows.map(runEventViewOf);
}
