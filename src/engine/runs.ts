import { and, desc, eq, ne, sql, type SQL } from 'drizzle-orm';
import { recordAudit } from '../auth/index.ts';
import { eventChannel, eventPayload, isUniqueViolation, tables, type Db, type DbExecutor, type Tx } from '../db/index.ts';
import { ValidationError, hasWorkspaceRole, isId, newId, requireWorkspaceRole, type Clock, type RequestContext, type WorkspaceRole } from '../kernel/index.ts';
import { RunNotFoundError, StepNotAwaitingApprovalError } from './engine-errors.ts';
import { checkRunInput } from './run-input.ts';
import { recordRunEvents, runEventsAfter, runEventsBusType, type NewRunEvent } from './run-events.ts';
import type { LocalStart, RunQueue } from './run-queue.ts';
import type { RunEventView, RunSummaryView, RunView, StartRunBody, TriggerKind } from './run-schemas.ts';
import { transitionRun, type RunEventType, type RunState } from './run-state.ts';
import { composeRunView, pendingStepRow, runSummaryOf, runViewOf, type RunRow, type StepRow } from './run-views.ts';
import { workflowDefinitionSchema, type WorkflowDefinition } from './workflow-definition.ts';
import { getWorkflow, validateWorkflowFor, type WorkflowDeps } from './workflows.ts';
import { WorkflowInvalidError } from './engine-errors.ts';

export interface RunDeps extends WorkflowDeps {
  queue: RunQueue;
  clock: Clock;
}

export interface NewRun {
  workspaceId: string;
  definition: WorkflowDefinition;
  input: unknown;
  workflowId?: string | null;
  workflowVersion?: number | null;
  trigger: { kind: TriggerKind; id: string | null };
  createdBy: string | null;
  idempotencyKey?: string;
  parent?: { runId: string; stepId: string };
}

/** The audit entry of a run a person started, written with the run. */
export interface RunAudit {
  action: string;
  details: Record<string, unknown>;
}

/**
 * Inserts a queued run with a pending step per node and its `run.queued` event (announced at
 * commit), in one call of `foundry_insert_run` (migration 0009). Without `local`, its queue job is
 * sent in the caller's transaction (`db` must then be one): the run exists exactly when a worker
 * can be told about it. With `local` (a slot of this process's worker) the run is inserted holding
 * that slot's lease instead: if this process dies, the lease expires and the reaper queues it.
 * `audit` records that `run.createdBy` started it.
 */
export async function insertRun(db: DbExecutor, queue: RunQueue, run: NewRun, options: { local?: LocalStart; audit?: RunAudit } = {}): Promise<{ row: RunRow; steps: StepRow[] }> {
  const { local, audit } = options;
  const id = newId();
  const total = run.definition.nodes.length;
  const nodes = run.definition.nodes.map((node) => ({ id: newId(), nodeId: node.id }));
  const input = run.input ?? {};
  const notice = eventPayload({ type: runEventsBusType, workspaceId: run.workspaceId, data: { runId: id, types: ['run.queued'] }, at: new Date().toISOString() });
  const { rows } = await db.execute<{ a: { createdAt: string; leaseExpiresAt: string | null } }>(sql`select foundry_insert_run(${JSON.stringify({
    id, workspaceId: run.workspaceId, workflowId: run.workflowId ?? null, workflowVersion: run.workflowVersion ?? null, definition: run.definition, input,
    triggerKind: run.trigger.kind, triggerId: run.trigger.id, createdBy: run.createdBy, idempotencyKey: run.idempotencyKey ?? null,
    parentRunId: run.parent?.runId ?? null, parentStepId: run.parent?.stepId ?? null, stepsTotal: total,
    leaseOwner: local?.token ?? null, leaseMs: local?.leaseMs ?? null, steps: nodes, queued: { status: 'queued', progress: { done: 0, total } },
    audit: audit ?? null, notify: notice,
  })}::jsonb) as a`);
  if (local === undefined) await queue.enqueue(id, { tx: db as Tx });
  const answer = rows[0]!.a;
  const createdAt = new Date(answer.createdAt);
  const row: RunRow = {
    id, workspaceId: run.workspaceId, workflowId: run.workflowId ?? null, workflowVersion: run.workflowVersion ?? null,
    definition: run.definition as unknown as Record<string, unknown>, status: 'queued', input, output: null, error: null,
    triggerKind: run.trigger.kind, triggerId: run.trigger.id, parentRunId: run.parent?.runId ?? null, parentStepId: run.parent?.stepId ?? null,
    idempotencyKey: run.idempotencyKey ?? null, leaseOwner: local?.token ?? null,
    leaseExpiresAt: answer.leaseExpiresAt === null ? null : new Date(answer.leaseExpiresAt), wakeAt: null, stepsDone: 0, stepsTotal: total,
    createdBy: run.createdBy, createdAt, startedAt: null, finishedAt: null, updatedAt: createdAt,
  };
  // The steps' defaults are the run's: the same transaction.
  const steps = nodes.map((n) => pendingStepRow({ id: n.id, runId: id, workspaceId: run.workspaceId, nodeId: n.nodeId, itemIndex: -1, input: null }, createdAt));
  return { row, steps };
}

async function existingByKey(db: Db, workspaceId: string, key: string | undefined): Promise<RunRow | undefined> {
  if (key === undefined) return undefined;
  const [row] = await db.select().from(tables.workflowRuns)
    .where(and(eq(tables.workflowRuns.workspaceId, workspaceId), eq(tables.workflowRuns.idempotencyKey, key)));
  return row;
}

async function createRun(deps: RunDeps, run: NewRun): Promise<RunView> {
  const existing = await existingByKey(deps.db, run.workspaceId, run.idempotencyKey);
  if (existing) return runViewOf(deps.db, existing);
  checkRunInput(run.definition.inputSchema, run.input ?? {});
  const local = deps.queue.reserve?.();
  const audited = run.createdBy === null ? {} : { audit: { action: 'run.started', details: { workflowId: run.workflowId ?? null, trigger: run.trigger.kind } } };
  try {
    // Inserted holding a local lease, a run needs no job: its one statement is its transaction.
    const { row, steps } = local !== undefined
      ? await insertRun(deps.db, deps.queue, run, { local, ...audited })
      : await deps.db.transaction((tx) => insertRun(tx, deps.queue, run, audited));
    const view = composeRunView(row, steps, []);
    if (local === undefined) deps.queue.kick?.(row.id);
    else local.drive(row, steps);
    return view;
  } catch (error) {
    local?.cancel();
    const raced = isUniqueViolation(error) ? await existingByKey(deps.db, run.workspaceId, run.idempotencyKey) : undefined;
    if (raced) return runViewOf(deps.db, raced);
    throw error;
  }
}

/** Starts a run of a saved workflow (its latest or a given version) or of an ad-hoc definition; editors and above. */
export async function startRun(deps: RunDeps, ctx: RequestContext, body: StartRunBody): Promise<RunView> {
  requireWorkspaceRole(ctx, 'editor', 'start runs');
  if ((body.workflowId === undefined) === (body.definition === undefined)) {
    throw new ValidationError({ code: 'RUN_TARGET_REQUIRED', message: 'Give exactly one of workflowId (a saved workflow) or definition (an ad-hoc one).' });
  }
  const common = { workspaceId: ctx.workspaceId, input: body.input ?? {}, createdBy: ctx.userId, idempotencyKey: body.idempotencyKey, trigger: { kind: 'manual' as const, id: null } };
  if (body.definition !== undefined) {
    const result = await validateWorkflowFor(deps, ctx, body.definition);
    if (!result.ok) throw new WorkflowInvalidError({ problems: result.problems });
    return createRun(deps, { ...common, definition: result.definition });
  }
  return createRun(deps, { ...common, ...(await savedDefinition(deps, ctx, body.workflowId!, body.version)) });
}

async function savedDefinition(deps: RunDeps, ctx: RequestContext, workflowId: string, version?: number) {
  const workflow = await getWorkflow(deps.db, ctx, workflowId, version);
  // Saved versions were valid when saved; a tool or credential may have gone since.
  const result = await validateWorkflowFor(deps, ctx, workflow.definition);
  if (!result.ok) throw new WorkflowInvalidError({ problems: result.problems, message: `Version ${workflow.version} of the workflow can no longer run.` });
  return { definition: result.definition, workflowId, workflowVersion: workflow.version };
}

/** Starts a run for a trigger (schedule, webhook, file, email): no person is acting. */
export async function startSystemRun(deps: RunDeps, request: {
  workspaceId: string; workflowId: string; input: unknown; trigger: { kind: TriggerKind; id: string }; createdBy: string | null; idempotencyKey?: string;
}): Promise<RunView> {
  const ctx: RequestContext = { userId: request.createdBy ?? '', workspaceId: request.workspaceId, role: 'editor' };
  const saved = await savedDefinition(deps, ctx, request.workflowId);
  return createRun(deps, { ...request, ...saved });
}

async function findRun(db: Db | Tx, ctx: RequestContext, id: string, lock = false): Promise<RunRow> {
  if (!isId(id)) throw new RunNotFoundError();
  const query = db.select().from(tables.workflowRuns).where(and(eq(tables.workflowRuns.id, id), eq(tables.workflowRuns.workspaceId, ctx.workspaceId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw new RunNotFoundError();
  return row;
}

export async function getRun(db: Db, ctx: RequestContext, id: string): Promise<RunView> {
  return runViewOf(db, await findRun(db, ctx, id));
}

export async function listRuns(db: Db, ctx: RequestContext, filter: { workflowId?: string; status?: RunState; trigger?: TriggerKind; limit?: number } = {}): Promise<RunSummaryView[]> {
  const where: SQL[] = [eq(tables.workflowRuns.workspaceId, ctx.workspaceId)];
  where.push(filter.trigger === undefined ? ne(tables.workflowRuns.triggerKind, 'system') : eq(tables.workflowRuns.triggerKind, filter.trigger));
  if (filter.workflowId !== undefined) where.push(eq(tables.workflowRuns.workflowId, filter.workflowId));
  if (filter.status !== undefined) where.push(eq(tables.workflowRuns.status, filter.status));
  const rows = await db.select().from(tables.workflowRuns).where(and(...where)).orderBy(desc(tables.workflowRuns.createdAt)).limit(filter.limit ?? 50);
  return rows.map(runSummaryOf);
}

export async function listRunEvents(db: Db, ctx: RequestContext, id: string, afterSeq = 0): Promise<RunEventView[]> {
  return runEventsAfter(db, await findRun(db, ctx, id), afterSeq);
}

/** Checks the run is in the caller's workspace; returns what an event stream needs. */
export async function runForStream(db: Db, ctx: RequestContext, id: string): Promise<{ id: string; workspaceId: string; status: RunState }> {
  const row = await findRun(db, ctx, id);
  return { id: row.id, workspaceId: row.workspaceId, status: row.status as RunState };
}

const controlEvents = { cancel: 'run.completed', pause: 'run.paused', resume: 'run.resumed' } as const;

/**
 * Cancel, pause or resume, guarded by the run state machine (409 INVALID_RUN_TRANSITION). A
 * worker driving the run sees the change at its next commit or heartbeat and stops starting steps.
 */
export async function controlRun(deps: RunDeps, ctx: RequestContext, id: string, action: 'cancel' | 'pause' | 'resume'): Promise<RunView> {
  requireWorkspaceRole(ctx, 'editor', `${action} runs`);
  const row = await deps.db.transaction(async (tx) => {
    const run = await findRun(tx, ctx, id, true);
    const status = transitionRun(run.status as RunState, { type: action as RunEventType } as { type: 'cancel' });
    const now = deps.clock.now();
    const [updated] = await tx.update(tables.workflowRuns).set({
      status, updatedAt: now, ...(status === 'cancelled' ? { finishedAt: now, wakeAt: null, error: { code: 'RUN_CANCELLED', message: 'Cancelled by a person.' } } : {}),
    }).where(eq(tables.workflowRuns.id, run.id)).returning();
    const data = { status, progress: { done: updated!.stepsDone, total: updated!.stepsTotal }, by: ctx.userId };
    if (status === 'cancelled') {
      await failWaitingSteps(tx, run.id, now);
      await cancelChildRuns(tx, run, now);
    }
    await recordRunEvents(tx, run, [{ type: controlEvents[action], data: status === 'cancelled' ? { ...data, error: updated!.error } : data }], true);
    if (status === 'queued') await deps.queue.enqueue(run.id, { tx });
    if (status === 'cancelled') await settleParentStep(tx, deps.queue, updated!);
    await recordAudit(tx, { workspaceId: run.workspaceId, actorId: ctx.userId, action: `run.${action}`, targetType: 'run', targetId: run.id, requestId: ctx.requestId });
    return updated!;
  });
  if (row.status === 'queued') deps.queue.kick?.(row.id);
  return runViewOf(deps.db, row);
}

async function failWaitingSteps(tx: Tx, runId: string, now: Date): Promise<void> {
  await tx.update(tables.workflowSteps).set({ status: 'failed', error: { code: 'RUN_CANCELLED', message: 'The run was cancelled.' }, finishedAt: now, dueAt: null, updatedAt: now })
    .where(and(eq(tables.workflowSteps.runId, runId), eq(tables.workflowSteps.status, 'waiting')));
}

/**
 * Cancels the live sub-workflow runs under a cancelled run, at every depth (a compensating one is
 * left to finish undoing its effects). Their drivers see it through the announced event.
 */
async function cancelChildRuns(tx: Tx, parent: RunRow, now: Date): Promise<void> {
  const { rows } = await tx.execute<{ id: string; steps_done: number; steps_total: number }>(sql`
    with recursive tree as (
      select id from workflow_runs where parent_run_id = ${parent.id}
      union all
      select r.id from workflow_runs r join tree t on r.parent_run_id = t.id
    )
    update workflow_runs set status = 'cancelled', finished_at = ${now}, wake_at = null, updated_at = ${now},
      error = ${JSON.stringify({ code: 'RUN_CANCELLED', message: 'Its parent run was cancelled.' })}::jsonb
    where id in (select id from tree) and status in ('queued', 'running', 'waiting', 'paused')
    returning id, steps_done, steps_total`);
  for (const child of rows) {
    await failWaitingSteps(tx, child.id, now);
    await recordRunEvents(tx, { id: child.id, workspaceId: parent.workspaceId }, [{
      type: 'run.completed', data: { status: 'cancelled', progress: { done: child.steps_done, total: child.steps_total }, error: { code: 'RUN_CANCELLED', message: 'Its parent run was cancelled.' } },
    }], true);
  }
}

/**
 * A person approves or rejects a waiting approval step. The step ends (succeeded, or failed with
 * APPROVAL_REJECTED); a run that was waiting is queued again, a paused one stays paused.
 */
export async function decideApproval(deps: RunDeps, ctx: RequestContext, id: string, decision: { nodeId: string; approve: boolean; comment?: string }): Promise<RunView> {
  const row = await deps.db.transaction(async (tx) => {
    const run = await findRun(tx, ctx, id, true);
    const definition = run.definition as unknown as WorkflowDefinition;
    const node = definition.nodes.find((n) => n.id === decision.nodeId);
    if (node?.type !== 'approval') throw new StepNotAwaitingApprovalError({ nodeId: decision.nodeId });
    const required: WorkspaceRole = node.config.approverRole;
    if (!hasWorkspaceRole(ctx, required)) requireWorkspaceRole(ctx, required, `decide the approval "${node.name}"`);
    const [step] = await tx.select().from(tables.workflowSteps)
      .where(and(eq(tables.workflowSteps.runId, run.id), eq(tables.workflowSteps.nodeId, node.id), eq(tables.workflowSteps.itemIndex, -1))).for('update');
    if (step?.status !== 'waiting') throw new StepNotAwaitingApprovalError({ nodeId: node.id, status: step?.status ?? 'pending' });
    const now = deps.clock.now();
    const comment = decision.comment ?? null;
    await tx.update(tables.workflowSteps).set(decision.approve
      ? { status: 'succeeded', output: { approved: true, by: ctx.userId, comment, at: now.toISOString() }, finishedAt: now, decidedBy: ctx.userId, updatedAt: now, dueAt: null }
      : { status: 'failed', error: { code: 'APPROVAL_REJECTED', message: `Rejected${comment ? `: ${comment}` : ''}.`, nodeId: node.id }, output: { approved: false, by: ctx.userId, comment }, finishedAt: now, decidedBy: ctx.userId, updatedAt: now, dueAt: null })
      .where(eq(tables.workflowSteps.id, step.id));
    const events: NewRunEvent[] = [{ type: decision.approve ? 'step.approved' : 'step.rejected', nodeId: node.id, data: { by: ctx.userId, comment } }];
    let updated = run;
    [updated] = await tx.update(tables.workflowRuns).set({ stepsDone: sql`${tables.workflowRuns.stepsDone} + 1` }).where(eq(tables.workflowRuns.id, run.id)).returning() as [RunRow];
    await tx.update(tables.workflowSteps).set({ completedSeq: updated.stepsDone }).where(eq(tables.workflowSteps.id, step.id));
    if (run.status === 'waiting' || run.status === 'paused') {
      const status = transitionRun(run.status, { type: 'resume_waiting' });
      [updated] = await tx.update(tables.workflowRuns).set({ status, wakeAt: null, updatedAt: now }).where(eq(tables.workflowRuns.id, run.id)).returning() as [RunRow];
      if (status === 'queued') {
        events.push({ type: 'run.queued', data: { status, progress: { done: updated.stepsDone, total: updated.stepsTotal } } });
        await deps.queue.enqueue(run.id, { tx });
      }
    }
    await recordRunEvents(tx, run, events, true);
    await recordAudit(tx, { workspaceId: run.workspaceId, actorId: ctx.userId, action: decision.approve ? 'run.approved' : 'run.rejected', targetType: 'run', targetId: run.id, details: { nodeId: node.id }, requestId: ctx.requestId });
    return updated;
  });
  if (row.status === 'queued') deps.queue.kick?.(row.id);
  return runViewOf(deps.db, row);
}

/**
 * When a sub-workflow's run ends, the parent's waiting step ends with it (its output, or its
 * error) and a waiting parent is queued again. Runs in the child's final transaction.
 */
export async function settleParentStep(tx: Tx, queue: RunQueue, child: RunRow): Promise<void> {
  if (child.parentRunId === null || child.parentStepId === null) return undefined;
  const now = new Date();
  const succeeded = child.status === 'succeeded';
  const [step] = await tx.update(tables.workflowSteps).set(succeeded
    ? { status: 'succeeded', output: child.output ?? null, finishedAt: now, updatedAt: now }
    : { status: 'failed', error: { code: 'SUBWORKFLOW_FAILED', message: `The sub-workflow run ended ${child.status}${child.error?.message ? `: ${String(child.error.message)}` : ''}.`, childRunId: child.id }, finishedAt: now, updatedAt: now })
    .where(and(eq(tables.workflowSteps.id, child.parentStepId), eq(tables.workflowSteps.status, 'waiting'))).returning();
  if (!step) return;
  const [parent] = await tx.update(tables.workflowRuns).set({ stepsDone: sql`${tables.workflowRuns.stepsDone} + 1` })
    .where(eq(tables.workflowRuns.id, child.parentRunId)).returning();
  if (!parent) return;
  await tx.update(tables.workflowSteps).set({ completedSeq: parent.stepsDone }).where(eq(tables.workflowSteps.id, step.id));
  const events: NewRunEvent[] = [{ type: succeeded ? 'step.succeeded' : 'step.failed', nodeId: step.nodeId, data: { childRunId: child.id } }];
  if (parent.status === 'waiting' || parent.status === 'paused') {
    const status = transitionRun(parent.status, { type: 'resume_waiting' });
    await tx.update(tables.workflowRuns).set({ status, wakeAt: null, updatedAt: now }).where(eq(tables.workflowRuns.id, parent.id));
    if (status === 'queued') await queue.enqueue(parent.id, { tx });
  }
  await recordRunEvents(tx, parent, events, true);
}

export const runDefinitionOf = (run: RunRow): WorkflowDefinition => workflowDefinitionSchema.parse(run.definition);
