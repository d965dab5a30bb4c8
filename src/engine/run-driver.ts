import type { Db } from '../db/index.ts';
import { FoundryError, newId, type EventBus, type Logger, type ToolRegistration } from '../kernel/index.ts';
import type { BatchCommitter } from './batch-committer.ts';
import type { CircuitBreakers } from './circuit-breakers.ts';
import { LeaseLostError, NonRetryableStepError } from './engine-errors.ts';
import { evaluateExpression, evaluateMapping, isTruthy, type ExpressionScope } from './expressions.ts';
import { idempotencyKey, type IdempotencyPurpose } from './idempotency-key.ts';
import type { KeyedLimits } from './keyed-limits.ts';
import { readyNodes } from './ready-nodes.ts';
import { retryDelay, shouldRetry } from './retry-delay.ts';
import { RunBatch, commitRunBatch } from './run-commit.ts';
import { edgeTakenOf, errorRecord, incomingOf, nodeStatesOf, scopeOf, stepKey, takenEdgesOf } from './run-scope.ts';
import { acquireConcurrencyLock, extendLease, latestDefinition, loadRunSteps, readRun, readSteps, releaseLease } from './run-store.ts';
import { runEventsBusType } from './run-events.ts';
import type { RunQueue } from './run-queue.ts';
import type { RunState } from './run-state.ts';
import { pendingStepRow, type RunRow, type StepRow } from './run-views.ts';
import { runDefinitionOf } from './runs.ts';
import { runTask, type ModelCaller } from './task-runner.ts';
import { retryPolicySchema, type RetryPolicy, type TaskSpec, type WorkflowDefinition, type WorkflowNode } from './workflow-definition.ts';

export interface DriverDeps {
  db: Db;
  /** Commits the driver's batches, grouped with other runs' of this process. */
  committer: BatchCommitter;
  events: EventBus;
  queue: RunQueue;
  logger: Logger;
  tool: (name: string) => ToolRegistration | undefined;
  callModel?: ModelCaller;
  breakers: CircuitBreakers;
  limits: KeyedLimits;
  workerId: string;
  leaseMs: number;
  runConcurrency: number;
  workspaceConcurrency: number;
  toolConcurrency: number;
  random: () => number;
  /** Aborted when the worker shuts down: in-flight steps stop, nothing more is written. */
  shutdown: AbortSignal;
}

type Outcome = { ok: true; output: unknown; costUsd?: number } | { ok: false; error: unknown };

const defaultRetry: RetryPolicy = retryPolicySchema.parse({});
const instantTypes = new Set(['trigger', 'condition', 'parallel', 'join', 'output']);
/** Waits and retries due sooner than this are awaited in-process; later ones release the run. */
const inlineWaitMs = 2_000;

/**
 * Drives one run while holding its lease: starts ready steps, records every outcome, retries,
 * waits, compensates, and ends or parks the run. All state that matters is in the database; the
 * in-memory copy is rebuilt from it whenever a worker (this one after a restart, or another)
 * takes the run, so a crash at any point resumes from the last commit.
 */
export class RunDriver {
  private readonly deps: DriverDeps;
  private readonly lease: { runId: string; token: string; ms: number };
  private run: RunRow;
  private readonly definition: WorkflowDefinition;
  private readonly nodes: Map<string, WorkflowNode>;
  private readonly steps = new Map<string, StepRow>();
  private readonly failures = new Map<string, number>();
  private readonly inflight = new Map<string, Promise<void>>();
  private readonly settled: { step: StepRow; purpose: IdempotencyPurpose; outcome: Outcome; held: string[]; at: Date }[] = [];
  private batch = new RunBatch();
  private wake: () => void = () => {};
  private readonly abort = new AbortController();
  private lost = false;
  /** The last commit gave up the lease with the run's transition. */
  private released = false;
  private externalCheck = false;
  private inserted: StepRow[] | undefined;

  /** `steps`: the steps of a run this process has just inserted, so they need not be read back. */
  constructor(deps: DriverDeps, run: RunRow, token: string, steps?: StepRow[]) {
    this.deps = deps;
    this.run = run;
    this.inserted = steps;
    this.lease = { runId: run.id, token, ms: deps.leaseMs };
    this.definition = runDefinitionOf(run);
    this.nodes = new Map(this.definition.nodes.map((n) => [n.id, n]));
  }

  /** Drives until the run ends, waits, pauses, is cancelled, or the lease is lost. Releases the lease. */
  async drive(): Promise<void> {
    const unsubscribe = this.deps.events.subscribe(this.run.workspaceId, (event) => {
      // Only changes made elsewhere (a person, a sub-workflow ending) matter; this driver knows its own.
      if (event.type !== runEventsBusType || event.data.runId !== this.run.id || event.data.external !== true) return;
      this.externalCheck = true;
      this.wake();
    });
    const onShutdown = () => this.abort.abort(new Error('worker shutting down'));
    this.deps.shutdown.addEventListener('abort', onShutdown, { once: true });
    const heartbeat = setInterval(() => void this.heartbeat(), Math.max(200, Math.floor(this.deps.leaseMs / 3)));
    const releaseLimits = this.deps.limits.onRelease(() => this.wake());
    try {
      await this.load();
      await this.loop();
    } catch (error) {
      if (!(error instanceof LeaseLostError) && !this.deps.shutdown.aborted) throw error;
      this.deps.logger.warn({ runId: this.run.id, err: error }, 'run driver stopped');
    } finally {
      clearInterval(heartbeat);
      unsubscribe();
      releaseLimits();
      this.deps.shutdown.removeEventListener('abort', onShutdown);
      this.abort.abort(new Error('driver finished'));
      await Promise.allSettled(this.inflight.values());
      // On shutdown the in-flight attempts are left as they are: the next driver records them as lost and runs them again.
      if (!this.lost && !this.released) await this.release();
    }
  }

  private async load(): Promise<void> {
    const { steps, failures } = this.inserted === undefined ? await loadRunSteps(this.deps.db, this.run) : { steps: this.inserted, failures: new Map<string, number>() };
    this.inserted = undefined;
    for (const row of steps) this.steps.set(stepKey(row.nodeId, row.itemIndex), row);
    for (const [k, n] of failures) this.failures.set(k, n);
    const status = this.run.status as RunState;
    if (status === 'queued' || status === 'waiting') {
      const first = this.run.startedAt === null;
      if (status === 'waiting') this.batch.run = { event: { type: 'resume_waiting' }, set: { wakeAt: null } };
      else this.batch.run = { event: { type: 'start' }, set: first ? { startedAt: new Date() } : {} };
      this.batch.events.push({ type: first ? 'run.started' : 'run.resumed', data: { status: 'running' } });
      if (status === 'waiting') {
        await this.flush();
        this.batch.run = { event: { type: 'start' }, set: {} };
      }
      await this.flush();
    }
  }

  private async loop(): Promise<void> {
    for (;;) {
      if (this.deps.shutdown.aborted) return;
      if (this.externalCheck) await this.refreshExternal();
      const status = this.run.status as RunState;
      if (status === 'compensating') return this.compensate();
      if (status !== 'running') return this.stopAndWait(status === 'cancelled');
      const hadSettled = this.settled.length > 0;
      this.applySettled();
      await this.evaluatePendingEdges();
      const fatal = this.fatalStep();
      if (fatal !== undefined) {
        if (this.inflight.size > 0) {
          await this.flush();
          await this.sleep();
          continue;
        }
        const compensable = this.compensableSteps().length > 0;
        const compensating = this.definition.onFailure === 'saga' && compensable;
        this.batch.run = { event: { type: 'fail', onFailure: this.definition.onFailure, hasCompensableSteps: compensable }, set: compensating ? { error: fatal.error } : { finishedAt: new Date(), error: fatal.error } };
        this.batch.events.push(compensating
          ? { type: 'run.compensating', data: { status: 'compensating', error: fatal.error } }
          : { type: 'run.completed', data: { status: 'failed', error: fatal.error } });
        this.batch.release = !compensating;
        await this.flush();
        continue;
      }
      this.blocked = false;
      const progressed = (await this.plan()) || hadSettled;
      if (this.finishedAll()) {
        const output = await this.runOutput();
        this.batch.run = { event: { type: 'succeed' }, set: { output, finishedAt: new Date() } };
        this.batch.events.push({ type: 'run.completed', data: { status: 'succeeded' } });
        this.batch.release = true;
        await this.flush();
        return;
      }
      // Starting work needs the start committed first; instant progress can ride on the next commit.
      if (progressed && this.launches.length === 0) continue;
      await this.flush();
      this.launchAll();
      if (progressed) continue;
      if (this.blocked) {
        await this.sleep(new Date(Date.now() + 1_000));
        continue;
      }
      if (this.inflight.size === 0 && this.settled.length === 0 && this.launches.length === 0) {
        const due = this.nextDue();
        if (due === undefined || due.getTime() - Date.now() > inlineWaitMs) {
          await this.park(due);
          return;
        }
      }
      await this.sleep(this.nextDue());
    }
  }

  /** Starts what is ready. True when something changed that may make more nodes ready at once. */
  private async plan(): Promise<boolean> {
    let progressed = false;
    const now = Date.now();
    for (const step of this.steps.values()) {
      const node = this.nodes.get(step.nodeId)!;
      if (step.status === 'waiting' && node.type === 'wait' && step.dueAt !== null && step.dueAt.getTime() <= now) {
        this.finish(step, 'succeeded', { output: { waitedUntil: step.dueAt.toISOString() } });
        progressed = true;
      }
    }
    const result = readyNodes({ definition: this.definition, states: this.nodeStates(), edgeTaken: this.edgeTaken() });
    for (const id of result.skipped) {
      const step = this.nodeStep(id);
      this.finish(step, 'skipped', {});
      progressed = true;
    }
    for (const id of result.ready) {
      const node = this.nodes.get(id)!;
      const step = this.nodeStep(id);
      if (instantTypes.has(node.type)) {
        await this.runInstant(node, step);
        progressed = true;
      } else if (node.type === 'wait' || node.type === 'approval' || node.type === 'subworkflow') {
        await this.startWaiting(node, step);
        progressed = true;
      } else if (node.type === 'map') {
        await this.startMap(node, step);
        progressed = true;
      } else if (await this.tryStartWork(node, step, 'execute')) {
        progressed = step.status !== 'running';
      }
    }
    for (const step of this.steps.values()) {
      if (this.inflight.has(step.id) || this.starting.has(step.id)) continue;
      const node = this.nodes.get(step.nodeId)!;
      const dueRetry = step.status === 'retrying' && (step.dueAt === null || step.dueAt.getTime() <= now);
      const pendingItem = step.itemIndex >= 0 && step.status === 'pending';
      const orphan = step.status === 'running' && (node.type === 'action' || node.type === 'model' || step.itemIndex >= 0);
      if (dueRetry || orphan || pendingItem) {
        if (pendingItem && !this.mapHasRoom(node, step)) continue;
        await this.tryStartWork(node, step, 'execute');
      }
    }
    for (const step of this.steps.values()) {
      const node = this.nodes.get(step.nodeId)!;
      if (node.type === 'map' && step.itemIndex < 0 && step.status === 'running') progressed = this.settleMap(node, step) || progressed;
    }
    return progressed;
  }

  private nodeStep(nodeId: string): StepRow {
    const step = this.steps.get(stepKey(nodeId, -1));
    if (step === undefined) throw new Error(`run ${this.run.id} has no step for node ${nodeId}`);
    return step;
  }

  private nodeStates() {
    return nodeStatesOf(this.steps);
  }

  private edgeTaken() {
    return edgeTakenOf(this.steps);
  }

  private scope(extra: Partial<ExpressionScope> = {}): ExpressionScope {
    return scopeOf(this.run.input, this.steps, extra);
  }

  private incoming(nodeId: string): Promise<Record<string, unknown>> {
    return incomingOf(this.definition, this.run.input, this.steps, nodeId);
  }

  private takenEdges(nodeId: string): Promise<Record<string, boolean> | null> {
    return takenEdgesOf(this.definition, this.run.input, this.steps, nodeId);
  }

  private finish(step: StepRow, status: 'succeeded' | 'failed' | 'skipped', result: { output?: unknown; error?: Record<string, unknown>; branch?: string; takenEdges?: Record<string, boolean> | null }): void {
    const now = new Date();
    this.batch.updateStep(step, {
      status, finishedAt: now, dueAt: null,
      ...(result.output === undefined ? {} : { output: result.output }),
      ...(result.error === undefined ? {} : { error: result.error }),
      ...(result.branch === undefined ? {} : { branch: result.branch }),
      ...(result.takenEdges ? { takenEdges: result.takenEdges } : {}),
    });
    this.batch.finished.push(step.id);
    const itemIndex = step.itemIndex >= 0 ? { itemIndex: step.itemIndex } : {};
    this.batch.events.push({ type: `step.${status}`, nodeId: step.nodeId, ...itemIndex, data: result.error ? { error: result.error } : {} });
  }

  private async runInstant(node: WorkflowNode, step: StepRow): Promise<void> {
    this.batch.updateStep(step, { status: 'running', startedAt: new Date() });
    try {
      let output: unknown = null;
      let branch: string | undefined;
      if (node.type === 'trigger') output = this.run.input;
      else if (node.type === 'condition') {
        const value = await evaluateExpression(node.config.expression, this.scope({ in: await this.incoming(node.id) }), { nodeId: node.id });
        branch = node.config.mode === 'if' ? String(isTruthy(value)) : (node.config.cases.includes(String(value)) ? String(value) : 'default');
        output = { branch, value: value ?? null };
      } else if (node.type === 'join') {
        output = Object.fromEntries(this.definition.edges.filter((e) => e.to === node.id)
          .map((e) => this.steps.get(stepKey(e.from, -1))).filter((s) => s?.status === 'succeeded').map((s) => [s!.nodeId, s!.output ?? null]));
      } else if (node.type === 'output') {
        output = await evaluateExpression(node.config.value, this.scope({ in: await this.incoming(node.id) }), { nodeId: node.id }) ?? null;
      } else output = await this.incoming(node.id);
      this.finish(step, 'succeeded', { output, ...(branch === undefined ? {} : { branch }) });
      this.pendingEdges.push(step);
    } catch (error) {
      this.finish(step, 'failed', { error: errorRecord(error, node.id) });
    }
  }

  private async startWaiting(node: WorkflowNode, step: StepRow): Promise<void> {
    const now = new Date();
    try {
      if (node.type === 'wait') {
        const until = 'durationMs' in node.config
          ? new Date(now.getTime() + node.config.durationMs)
          : new Date(String(await evaluateExpression(node.config.until, this.scope({ in: await this.incoming(node.id) }), { nodeId: node.id })));
        if (Number.isNaN(until.getTime())) throw new NonRetryableStepError({ message: `Wait "${node.id}": "until" is not a date.` });
        this.batch.updateStep(step, { status: 'waiting', startedAt: now, dueAt: until });
        this.batch.events.push({ type: 'step.waiting', nodeId: node.id, data: { until: until.toISOString() } });
      } else if (node.type === 'approval') {
        const message = String(await evaluateExpression(node.config.message, this.scope({ in: await this.incoming(node.id) }), { nodeId: node.id }) ?? '');
        this.batch.updateStep(step, { status: 'waiting', startedAt: now, input: { message } });
        this.batch.events.push({ type: 'step.waiting', nodeId: node.id, data: { approval: true, message, approverRole: node.config.approverRole } });
      } else if (node.type === 'subworkflow') {
        const input = await evaluateMapping(node.config.input, this.scope({ in: await this.incoming(node.id) }), { nodeId: node.id });
        const definition = await latestDefinition(this.deps.db, this.run.workspaceId, node.config.workflowId);
        this.batch.updateStep(step, { status: 'waiting', startedAt: now, input });
        this.batch.childRuns.push({
          workspaceId: this.run.workspaceId, definition: definition.definition, workflowId: node.config.workflowId, workflowVersion: definition.version,
          input, trigger: { kind: 'subworkflow', id: null }, createdBy: this.run.createdBy, parent: { runId: this.run.id, stepId: step.id },
        });
        this.batch.events.push({ type: 'step.waiting', nodeId: node.id, data: { subworkflow: node.config.workflowId } });
      }
    } catch (error) {
      this.finish(step, 'failed', { error: errorRecord(error, node.id) });
    }
  }

  private async startMap(node: Extract<WorkflowNode, { type: 'map' }>, step: StepRow): Promise<void> {
    try {
      const items = await evaluateExpression(node.config.items, this.scope({ in: await this.incoming(node.id) }), { nodeId: node.id });
      const list = items === undefined ? [] : Array.isArray(items) ? items : [items];
      this.batch.updateStep(step, { status: 'running', startedAt: new Date(), input: { count: list.length } });
      this.batch.events.push({ type: 'step.started', nodeId: node.id, data: { items: list.length } });
      list.forEach((item, index) => {
        const row = pendingStepRow({ id: newId(), runId: this.run.id, workspaceId: this.run.workspaceId, nodeId: node.id, itemIndex: index, input: item ?? null }, new Date());
        this.steps.set(stepKey(node.id, index), row);
        this.batch.newSteps.push({ id: row.id, runId: row.runId, workspaceId: row.workspaceId, nodeId: row.nodeId, itemIndex: index, status: 'pending', input: row.input });
      });
      this.batch.totalDelta += list.length;
    } catch (error) {
      this.finish(step, 'failed', { error: errorRecord(error, node.id) });
    }
  }

  private mapItems(nodeId: string): StepRow[] {
    return [...this.steps.values()].filter((s) => s.nodeId === nodeId && s.itemIndex >= 0).sort((a, b) => a.itemIndex - b.itemIndex);
  }

  private mapHasRoom(node: WorkflowNode, step: StepRow): boolean {
    if (node.type !== 'map') return true;
    const running = this.mapItems(node.id).filter((s) => s.id !== step.id && (s.status === 'running' || this.inflight.has(s.id))).length;
    return running < node.config.concurrency;
  }

  /** A map ends when its items have: all succeeded (output: their outputs in order) or one failed for good. */
  private settleMap(node: Extract<WorkflowNode, { type: 'map' }>, step: StepRow): boolean {
    const items = this.mapItems(node.id);
    const failed = items.find((s) => s.status === 'failed');
    if (failed !== undefined && items.every((s) => s.status !== 'running' || !this.inflight.has(s.id))) {
      this.finish(step, 'failed', { error: { ...(failed.error ?? {}), nodeId: node.id, itemIndex: failed.itemIndex } });
      return true;
    }
    if (items.every((s) => s.status === 'succeeded')) {
      this.finish(step, 'succeeded', { output: items.map((s) => s.output ?? null) });
      return true;
    }
    return false;
  }

  private taskOf(node: WorkflowNode, step: StepRow, purpose: IdempotencyPurpose): TaskSpec {
    if (purpose === 'compensate') return node.policies.compensation!;
    if (node.type === 'map') return node.config.task;
    if (node.type === 'action' || node.type === 'model') return { type: node.type, config: node.config } as TaskSpec;
    throw new Error(`node ${node.id} (${node.type}) of step ${step.id} is not a task`);
  }

  private async taskInput(spec: TaskSpec, node: WorkflowNode, step: StepRow): Promise<Record<string, unknown>> {
    const extra: Partial<ExpressionScope> = { in: await this.incoming(node.id), ...(step.itemIndex >= 0 ? { item: step.input, index: step.itemIndex } : {}) };
    if (spec.type === 'model') return { prompt: await evaluateExpression(spec.config.prompt, this.scope(extra), { nodeId: node.id }) };
    return evaluateMapping(spec.config.input, this.scope(extra), { nodeId: node.id });
  }

  /**
   * Starts an attempt if every limit allows: this run's, the workspace's and the tool's in this
   * process, and the node's concurrency key across the workspace. The start is committed before
   * the task runs. False when a limit said wait.
   */
  private async tryStartWork(node: WorkflowNode, step: StepRow, purpose: IdempotencyPurpose): Promise<boolean> {
    if (this.inflight.size + this.starting.size >= this.deps.runConcurrency) return this.block();
    const spec = this.taskOf(node, step, purpose);
    if (spec.type === 'subworkflow') {
      await this.startWaiting({ ...node, type: 'subworkflow', config: spec.config } as WorkflowNode, step);
      return true;
    }
    const toolName = spec.type === 'action' ? spec.config.tool : `model:${spec.config.role}`;
    const tool = spec.type === 'action' ? this.deps.tool(spec.config.tool) : undefined;
    const held: string[] = [];
    const acquire = (k: string, limit: number) => {
      if (!this.deps.limits.tryAcquire(k, limit)) return false;
      held.push(k);
      return true;
    };
    if (!acquire(`workspace:${this.run.workspaceId}`, this.deps.workspaceConcurrency) || !acquire(`tool:${toolName}`, tool?.concurrency ?? this.deps.toolConcurrency)) {
      for (const k of held) this.deps.limits.release(k);
      return this.block();
    }
    const lockKey = purpose === 'execute' ? node.policies.concurrencyKey : undefined;
    if (lockKey !== undefined && !(await acquireConcurrencyLock(this.deps.db, this.run.workspaceId, lockKey, step.id, this.deps.leaseMs))) {
      for (const k of held) this.deps.limits.release(k);
      return this.block();
    }
    let input: Record<string, unknown>;
    try {
      input = await this.taskInput(spec, node, step);
    } catch (error) {
      for (const k of held) this.deps.limits.release(k);
      if (lockKey !== undefined) this.batch.releasedLocks.push({ key: lockKey, holder: step.id });
      this.finish(step, 'failed', { error: errorRecord(error, node.id) });
      return true;
    }
    const number = (purpose === 'execute' ? step.attempts : step.compensationAttempts) + 1;
    const idemKey = idempotencyKey({ runId: this.run.id, nodeId: node.id, ...(step.itemIndex >= 0 ? { iteration: step.itemIndex } : {}), purpose });
    const now = new Date();
    this.batch.updateStep(step, purpose === 'execute'
      ? { status: 'running', attempts: number, dueAt: null, ...(step.startedAt === null ? { startedAt: now } : {}), ...(step.itemIndex >= 0 ? {} : { input }) }
      : { status: 'compensating', compensationAttempts: number });
    this.batch.attempts.push({ runId: this.run.id, stepId: step.id, workspaceId: this.run.workspaceId, purpose, number, status: 'running', idempotencyKey: idemKey, input, workerId: this.deps.workerId, startedAt: now });
    const itemIndex = step.itemIndex >= 0 ? { itemIndex: step.itemIndex } : {};
    this.batch.events.push({ type: purpose === 'execute' ? 'step.started' : 'step.compensating', nodeId: node.id, ...itemIndex, data: { attempt: number } });
    this.starting.add(step.id);
    this.launches.push(() => this.launch(step, purpose, spec, input, idemKey, node, held, lockKey));
    return true;
  }

  private readonly launches: (() => void)[] = [];
  private readonly starting = new Set<string>();
  /** A step could not start because a limit is full; try again soon. */
  private blocked = false;

  /** Starts the tasks whose attempts the last commit recorded. */
  private launchAll(): void {
    for (const launch of this.launches.splice(0)) launch();
  }

  private launch(step: StepRow, purpose: IdempotencyPurpose, spec: TaskSpec, input: Record<string, unknown>, idemKey: string, node: WorkflowNode, held: string[], lockKey: string | undefined): void {
    this.starting.delete(step.id);
    const promise = runTask({ tool: this.deps.tool, breakers: this.deps.breakers, callModel: this.deps.callModel }, spec, input, {
      workspaceId: this.run.workspaceId, runId: this.run.id, stepId: step.id, nodeId: node.id, idempotencyKey: idemKey,
      signal: this.abort.signal, ...(node.policies.timeoutMs === undefined ? {} : { timeoutMs: node.policies.timeoutMs }),
    }).then((r): Outcome => ({ ok: true, output: r.output ?? null, ...(r.costUsd === undefined ? {} : { costUsd: r.costUsd }) }), (error: unknown): Outcome => ({ ok: false, error }))
      .then((outcome) => {
        this.inflight.delete(step.id);
        for (const k of held) this.deps.limits.release(k);
        this.settled.push({ step, purpose, outcome, held: lockKey === undefined ? [] : [lockKey], at: new Date() });
        this.wake();
      });
    this.inflight.set(step.id, promise);
  }

  private block(): false {
    this.blocked = true;
    return false;
  }

  /** Turns finished attempts into step outcomes in the next batch: success, a retry, or a failure for good. */
  private applySettled(): void {
    for (const { step, purpose, outcome, held, at } of this.settled.splice(0)) {
      const node = this.nodes.get(step.nodeId)!;
      const number = purpose === 'execute' ? step.attempts : step.compensationAttempts;
      const attemptKey = { stepId: step.id, number, purpose };
      for (const lockKey of held) this.batch.releasedLocks.push({ key: lockKey, holder: step.id });
      const now = at;
      if (outcome.ok) {
        this.batch.attemptUpdates.push({ key: attemptKey, set: { status: 'succeeded', output: outcome.output, costUsd: outcome.costUsd ?? null, finishedAt: now } });
        if (purpose === 'compensate') {
          this.batch.updateStep(step, { status: 'compensated' });
          this.batch.events.push({ type: 'step.compensated', nodeId: step.nodeId, data: { attempt: number } });
        } else {
          step.output = outcome.output;
          this.pendingEdges.push(step);
          this.finish(step, 'succeeded', { output: outcome.output });
        }
        continue;
      }
      const error = errorRecord(outcome.error, step.nodeId);
      this.batch.attemptUpdates.push({ key: attemptKey, set: { status: 'failed', error, finishedAt: now } });
      if (this.abort.signal.aborted || (this.run.status !== 'running' && this.run.status !== 'compensating' && this.run.status !== 'paused')) {
        if (purpose === 'execute') this.finish(step, 'failed', { error });
        continue;
      }
      const failures = (this.failures.get(`${step.id}:${purpose}`) ?? 0) + 1;
      this.failures.set(`${step.id}:${purpose}`, failures);
      const policy = node.policies.retry ?? defaultRetry;
      const itemIndex = step.itemIndex >= 0 ? { itemIndex: step.itemIndex } : {};
      if (shouldRetry({ policy, attempt: failures, error: outcome.error })) {
        const delayMs = retryDelay({ policy, attempt: failures, random: this.deps.random });
        const dueAt = new Date(now.getTime() + delayMs);
        if (purpose === 'execute') this.batch.updateStep(step, { status: 'retrying', dueAt, error });
        else this.batch.updateStep(step, { dueAt, error });
        this.batch.events.push({ type: 'step.retrying', nodeId: step.nodeId, ...itemIndex, data: { attempt: number, delayMs, error, purpose } });
      } else if (purpose === 'compensate') {
        this.batch.updateStep(step, { status: 'compensation_failed', error });
        this.batch.events.push({ type: 'step.compensation_failed', nodeId: step.nodeId, data: { attempt: number, error } });
      } else {
        this.finish(step, 'failed', { error });
      }
    }
  }

  /** Steps that just succeeded whose outgoing edge conditions still need evaluating. */
  private readonly pendingEdges: StepRow[] = [];

  private async evaluatePendingEdges(): Promise<void> {
    for (const step of this.pendingEdges.splice(0)) {
      if (step.itemIndex >= 0) continue;
      try {
        const taken = await this.takenEdges(step.nodeId);
        if (taken) this.batch.updateStep(step, { takenEdges: taken });
      } catch (error) {
        this.batch.updateStep(step, { status: 'failed', error: errorRecord(error, step.nodeId), output: null });
        this.batch.events.push({ type: 'step.failed', nodeId: step.nodeId, data: { error: errorRecord(error, step.nodeId) } });
      }
    }
  }

  /** A node-level step that failed and whose failure is not tolerated. */
  private fatalStep(): { step: StepRow; error: Record<string, unknown> } | undefined {
    for (const step of this.steps.values()) {
      if (step.itemIndex >= 0 || step.status !== 'failed') continue;
      if (this.nodes.get(step.nodeId)!.policies.allowFailure) continue;
      return { step, error: { ...(step.error ?? { code: 'STEP_FAILED', message: 'A step failed.' }), nodeId: step.nodeId } };
    }
    return undefined;
  }

  private finishedAll(): boolean {
    if (this.inflight.size > 0 || this.settled.length > 0) return false;
    const result = readyNodes({ definition: this.definition, states: this.nodeStates(), edgeTaken: this.edgeTaken() });
    return result.done && result.ready.length === 0 && this.fatalStep() === undefined;
  }

  private async runOutput(): Promise<Record<string, unknown>> {
    const output: Record<string, unknown> = {};
    for (const node of this.definition.nodes) {
      const step = this.steps.get(stepKey(node.id, -1));
      if (node.type === 'output' && step?.status === 'succeeded') output[node.id] = step.output ?? null;
    }
    return output;
  }

  /** When the run must next look at something by itself: a wait ending or a retry falling due. */
  private nextDue(): Date | undefined {
    let next: Date | undefined;
    for (const step of this.steps.values()) {
      if (step.dueAt === null || !(step.status === 'waiting' || step.status === 'retrying')) continue;
      if (next === undefined || step.dueAt < next) next = step.dueAt;
    }
    return next;
  }

  /** Nothing to do until a wait ends, a retry is due or a person decides: release the run, with a wake-up job. */
  private async park(due: Date | undefined): Promise<void> {
    this.batch.run = { event: { type: 'wait' }, set: { wakeAt: due ?? null } };
    this.batch.events.push({ type: 'run.waiting', data: { status: 'waiting', ...(due ? { until: due.toISOString() } : {}) } });
    if (due !== undefined) this.batch.enqueueAt = due;
    this.batch.release = true;
    await this.flush();
  }

  private compensableSteps(): StepRow[] {
    return [...this.steps.values()]
      .filter((s) => s.itemIndex < 0 && (s.status === 'succeeded' || s.status === 'compensating') && this.nodes.get(s.nodeId)!.policies.compensation !== undefined)
      .sort((a, b) => (b.completedSeq ?? 0) - (a.completedSeq ?? 0));
  }

  /** Undoes completed steps one at a time, newest completion first; each compensation is persisted and retried. */
  private async compensate(): Promise<void> {
    for (;;) {
      if (this.deps.shutdown.aborted) return;
      this.applySettled();
      await this.flush();
      if (this.inflight.size > 0 || this.launches.length > 0) {
        await this.sleep();
        continue;
      }
      const broken = [...this.steps.values()].find((s) => s.status === 'compensation_failed');
      if (broken !== undefined) {
        const error = { code: 'COMPENSATION_FAILED', message: `Compensating "${broken.nodeId}" failed: ${String(broken.error?.message ?? '')}`, nodeId: broken.nodeId };
        this.batch.run = { event: { type: 'fail', onFailure: 'fail', hasCompensableSteps: false }, set: { finishedAt: new Date(), error } };
        this.batch.events.push({ type: 'run.completed', data: { status: 'failed', error } });
        this.batch.release = true;
        await this.flush();
        return;
      }
      const [next] = [...this.compensableSteps().filter((s) => s.status === 'compensating'), ...this.compensableSteps()];
      if (next === undefined) {
        this.batch.run = { event: { type: 'compensation_done' }, set: { finishedAt: new Date() } };
        this.batch.events.push({ type: 'run.completed', data: { status: 'compensated', error: this.run.error } });
        this.batch.release = true;
        await this.flush();
        return;
      }
      if (next.dueAt !== null && next.dueAt.getTime() > Date.now()) {
        await this.sleep(next.dueAt);
        continue;
      }
      if (await this.tryStartWork(this.nodes.get(next.nodeId)!, next, 'compensate')) {
        await this.flush();
        this.launchAll();
      } else await this.sleep(new Date(Date.now() + 200));
    }
  }

  /** Paused or cancelled (or ended elsewhere): start nothing more, record what is in flight, release. */
  private async stopAndWait(cancelled: boolean): Promise<void> {
    if (cancelled) this.abort.abort(new FoundryError({ code: 'RUN_CANCELLED', status: 409, message: 'The run was cancelled.' }));
    for (;;) {
      if (this.deps.shutdown.aborted) return;
      this.applySettled();
      await this.flush();
      if (this.inflight.size === 0) return;
      await this.sleep();
    }
  }

  private async flush(): Promise<void> {
    await this.evaluatePendingEdges();
    if (this.batch.isEmpty) return;
    const batch = this.batch;
    this.batch = new RunBatch();
    try {
      const result = await commitRunBatch(this.deps, this.lease, batch, this.run);
      this.run = result.run;
      if (batch.release && !result.transitionRefused) this.released = true;
      for (const step of this.steps.values()) {
        const seq = result.completedSeqs.get(step.id);
        if (seq !== undefined) step.completedSeq = seq;
      }
    } catch (error) {
      if (error instanceof LeaseLostError) this.lost = true;
      throw error;
    }
  }

  /** Extends the lease; notices cancel, pause and decisions made elsewhere. */
  private async heartbeat(): Promise<void> {
    if (this.lost) return;
    try {
      const status = await extendLease(this.deps.db, this.run, this.lease.token, this.deps.leaseMs, [...this.inflight.keys()]);
      if (status === undefined) {
        this.lost = true;
        this.abort.abort(new LeaseLostError(this.run.id));
        this.wake();
      } else if (status !== this.run.status) {
        this.externalCheck = true;
        this.wake();
      }
    } catch (error) {
      this.deps.logger.warn({ err: error, runId: this.run.id }, 'lease heartbeat failed');
    }
  }

  /** Re-reads the run's status and the steps others may finish (approvals, sub-workflows). */
  private async refreshExternal(): Promise<void> {
    this.externalCheck = false;
    const run = await readRun(this.deps.db, this.run.id);
    if (!run || run.leaseOwner !== this.lease.token) {
      this.lost = true;
      throw new LeaseLostError(this.run.id);
    }
    this.run = run;
    const waiting = [...this.steps.values()].filter((s) => s.status === 'waiting').map((s) => s.id);
    for (const row of await readSteps(this.deps.db, waiting)) {
      if (row.status === 'waiting') continue;
      const step = this.steps.get(stepKey(row.nodeId, row.itemIndex))!;
      Object.assign(step, row);
      if (row.status === 'succeeded') this.pendingEdges.push(step);
    }
  }

  private sleep(until?: Date): Promise<void> {
    if (this.lost) return Promise.reject(new LeaseLostError(this.run.id));
    return new Promise((resolve) => {
      const timer = until === undefined ? undefined : setTimeout(done, Math.max(0, until.getTime() - Date.now()));
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
      if (this.settled.length > 0 || this.lost) done();
    });
  }

  private release(): Promise<void> {
    return releaseLease(this.deps.db, this.deps.queue, this.run.id, this.lease.token);
  }
}

