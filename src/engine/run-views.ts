import { and, asc, eq, inArray } from 'drizzle-orm';
import { tables, type Db } from '../db/index.ts';
import type { WorkflowDefinition } from './workflow-definition.ts';
import type { AttemptView, RunErrorView, RunSummaryView, RunView, StepView, TriggerKind } from './run-schemas.ts';
import type { RunState } from './run-state.ts';
import type { StepState } from './step-state.ts';

export type RunRow = typeof tables.workflowRuns.$inferSelect;
export type StepRow = typeof tables.workflowSteps.$inferSelect;

/** A step as it is inserted, pending: for rows a driver or a run start writes without reading them back. */
export function pendingStepRow(fields: Pick<StepRow, 'id' | 'runId' | 'workspaceId' | 'nodeId' | 'itemIndex' | 'input'>, at: Date): StepRow {
  return {
    ...fields, status: 'pending', attempts: 0, compensationAttempts: 0, output: null, error: null, branch: null, takenEdges: null, dueAt: null,
    completedSeq: null, decidedBy: null, startedAt: null, finishedAt: null, updatedAt: at,
  };
}
type AttemptRow = typeof tables.workflowAttempts.$inferSelect;

const iso = (d: Date | null) => (d === null ? null : d.toISOString());
const errorOf = (e: Record<string, unknown> | null): RunErrorView | null =>
  e === null ? null : { code: String(e.code ?? 'STEP_FAILED'), message: String(e.message ?? ''), ...(typeof e.nodeId === 'string' ? { nodeId: e.nodeId } : {}) };

export function runSummaryOf(r: RunRow): RunSummaryView {
  return {
    id: r.id, workflowId: r.workflowId, workflowVersion: r.workflowVersion, name: String(r.definition.name ?? ''),
    status: r.status as RunState, error: errorOf(r.error),
    trigger: { kind: r.triggerKind as TriggerKind, id: r.triggerId },
    progress: { done: r.stepsDone, total: r.stepsTotal }, parentRunId: r.parentRunId,
    createdAt: r.createdAt.toISOString(), startedAt: iso(r.startedAt), finishedAt: iso(r.finishedAt), updatedAt: r.updatedAt.toISOString(),
  };
}

const attemptOf = (a: AttemptRow): AttemptView => ({
  number: a.number, purpose: a.purpose as AttemptView['purpose'], status: a.status as AttemptView['status'], idempotencyKey: a.idempotencyKey,
  input: a.input ?? null, output: a.output ?? null, error: errorOf(a.error), costUsd: a.costUsd, workerId: a.workerId,
  startedAt: a.startedAt.toISOString(), finishedAt: iso(a.finishedAt),
});

/** A run with its steps (in definition order, map items after their node) and their attempts. */
export async function runViewOf(db: Db, run: RunRow): Promise<RunView> {
  const steps = await db.select().from(tables.workflowSteps)
    .where(and(eq(tables.workflowSteps.runId, run.id), eq(tables.workflowSteps.workspaceId, run.workspaceId)));
  const attempts = steps.length === 0 ? [] : await db.select().from(tables.workflowAttempts)
    .where(and(inArray(tables.workflowAttempts.stepId, steps.map((s) => s.id)), eq(tables.workflowAttempts.workspaceId, run.workspaceId)))
    .orderBy(asc(tables.workflowAttempts.id));
  return composeRunView(run, steps, attempts);
}

/** The view of a run from its rows (attempts in id order). */
export function composeRunView(run: RunRow, steps: StepRow[], attempts: AttemptRow[]): RunView {
  const definition = run.definition as unknown as WorkflowDefinition;
  const order = new Map(definition.nodes.map((n, i) => [n.id, i]));
  const nodes = new Map(definition.nodes.map((n) => [n.id, n]));
  steps = [...steps].sort((a, b) => (order.get(a.nodeId) ?? 0) - (order.get(b.nodeId) ?? 0) || a.itemIndex - b.itemIndex);
  const byStep = Map.groupBy(attempts, (a) => a.stepId);
  return {
    ...runSummaryOf(run), input: run.input, output: run.output ?? null,
    steps: steps.map((s): StepView => {
      const node = nodes.get(s.nodeId);
      const isItem = s.itemIndex >= 0;
      const approval = node?.type === 'approval' && !isItem
        ? { message: String((s.input as { message?: unknown } | null)?.message ?? ''), approverRole: node.config.approverRole }
        : null;
      return {
        id: s.id, nodeId: s.nodeId, itemIndex: isItem ? s.itemIndex : null,
        type: isItem && node?.type === 'map' ? node.config.task.type : (node?.type ?? 'unknown'),
        name: isItem ? `${node?.name ?? s.nodeId} #${s.itemIndex + 1}` : (node?.name ?? s.nodeId),
        status: s.status as StepState, branch: s.branch, input: s.input ?? null, output: s.output ?? null, error: errorOf(s.error),
        dueAt: iso(s.dueAt), startedAt: iso(s.startedAt), finishedAt: iso(s.finishedAt), approval,
        attempts: (byStep.get(s.id) ?? []).map(attemptOf),
      };
    }),
  };
}
