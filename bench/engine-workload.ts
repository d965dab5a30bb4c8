import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { tables } from '../src/db/index.ts';
import { createWorkflow, runEventsBusType, startRun, type WorkflowDefinitionInput } from '../src/engine/index.ts';
import type { FoundryPlugin, RequestContext } from '../src/kernel/index.ts';
import { createFoundry, type Foundry } from '../src/server/index.ts';
import { cpuSnapshot, cpuUsage, type CpuUsage } from './cpu.ts';
import { counterDelta, readCounters } from './engine-db.ts';
import { serverPidsFor } from './scratch-db.ts';
import { startCounting, stopCounting, type TransactionCount } from './engine-profile.ts';
import { percentile, sleep } from './stats.ts';

/**
 * One engine measurement: an in-process Foundry (its own worker) on a fresh database, a no-op
 * tool, and `concurrency` clients that each start a run and wait for it to end, again and again.
 */

export type Shape = 'chain' | 'fanout';
export const actionSteps = 10;

/** trigger → a1 → … → a10 → output: each step starts when the previous one is durably done. */
function chainDefinition(): WorkflowDefinitionInput {
  const actions = Array.from({ length: actionSteps }, (_, i) => ({ id: `a${i + 1}`, type: 'action' as const, name: `Step ${i + 1}`, config: { tool: 'bench.noop', input: {} } }));
  const nodes = [{ id: 'start', type: 'trigger' as const, name: 'Start' }, ...actions, { id: 'done', type: 'output' as const, name: 'Done', config: { value: '"ok"' } }];
  return { name: 'bench chain', nodes, edges: nodes.slice(1).map((n, i) => ({ from: nodes[i]!.id, to: n.id })) };
}

/** trigger → parallel → a1 … a10 → join → output. */
function fanoutDefinition(): WorkflowDefinitionInput {
  const actions = Array.from({ length: actionSteps }, (_, i) => ({ id: `a${i + 1}`, type: 'action' as const, name: `Branch ${i + 1}`, config: { tool: 'bench.noop', input: {} } }));
  return {
    name: 'bench fan-out',
    nodes: [
      { id: 'start', type: 'trigger', name: 'Start' }, { id: 'split', type: 'parallel', name: 'Split' }, ...actions,
      { id: 'join', type: 'join', name: 'Join' }, { id: 'done', type: 'output', name: 'Done', config: { value: '"ok"' } },
    ],
    edges: [
      { from: 'start', to: 'split' },
      ...actions.flatMap((a) => [{ from: 'split', to: a.id }, { from: a.id, to: 'join' }]),
      { from: 'join', to: 'done' },
    ],
  };
}

export const definitions: Record<Shape, () => WorkflowDefinitionInput> = { chain: chainDefinition, fanout: fanoutDefinition };
export const nodesPerRun: Record<Shape, number> = { chain: actionSteps + 2, fanout: actionSteps + 4 };

/** When the no-op tool was called, per run and node (performance.now(), ms). */
const calls = new Map<string, Map<string, number>>();
let recordCalls = false;

export const noopPlugin: FoundryPlugin = {
  name: 'bench-engine',
  tools: [{
    name: 'bench.noop',
    description: 'Does nothing (engine benchmark).',
    concurrency: 10_000,
    async execute(_input, call) {
      if (recordCalls) {
        const node = (calls.get(call.runId) ?? calls.set(call.runId, new Map()).get(call.runId))!;
        if (!node.has(call.stepId)) node.set(call.stepId, performance.now());
      }
      return { output: null };
    },
  }],
};

export interface EngineSettings {
  seconds: number;
  warmupSeconds: number;
}

export interface EngineResult {
  shape: Shape;
  concurrency: number;
  runs: number;
  seconds: number;
  actionStepsPerSecond: number;
  nodesPerSecond: number;
  runsPerSecond: number;
  /** Chain only: from a no-op call returning to the next step's call (ms): the scheduling cost including its commit. */
  callToCall?: Latency;
  /** Chain only: next attempt's startedAt minus the previous attempt's finishedAt, from the tables (ms precision). */
  tableGap?: Latency;
  /** Transactions this process sent during the window, by sender. */
  transactions: TransactionCount[];
  /** From the server's counters during the window (see engine-db.ts). */
  server: { writeTransactions: number; commits: number; walSyncs: number | undefined };
  failedRuns: number;
  /** CPU during the window: `node` is this process (Foundry and the clients), `postgres` the server's processes for this database. */
  cpu: CpuUsage;
}

export interface Latency { p50: number; p99: number; max: number; samples: number }

const latencyOf = (values: number[]): Latency | undefined => {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1]!, samples: sorted.length };
};

async function signUp(foundry: Foundry): Promise<RequestContext> {
  const response = await foundry.app.inject({ method: 'POST', url: '/api/auth/signup', payload: { email: `bench-${Date.now()}@example.com`, password: 'correct horse battery', name: 'Bench' } });
  if (response.statusCode !== 201) throw new Error(`signup failed: ${response.statusCode} ${response.body}`);
  const body = response.json<{ user: { id: string }; workspace: { id: string } }>();
  return { userId: body.user.id, workspaceId: body.workspace.id, role: 'owner' };
}

/** Runs one measurement on a fresh database at `url` (created and dropped by the caller). */
export async function measureEngine(url: string, shape: Shape, concurrency: number, settings: EngineSettings, log: (line: string) => void): Promise<EngineResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'foundry-bench-engine-data-'));
  const foundry = await createFoundry({
    config: {
      databaseUrl: url, dataDir, logLevel: 'warn', webDir: join(dataDir, 'no-web'), worker: true,
      workerConcurrency: Math.max(20, concurrency), workspaceConcurrency: 10_000, toolConcurrency: 10_000, runConcurrency: 16,
    },
    env: {},
    plugins: [noopPlugin],
  });
  try {
    const ctx = await signUp(foundry);
    const deps = { db: foundry.deps.db, queue: foundry.deps.queue, clock: foundry.deps.clock, hasTool: (name: string) => name === 'bench.noop' };
    const workflow = await createWorkflow(deps, ctx, definitions[shape]());
    const waiting = new Map<string, { resolve: (status: string) => void }>();
    const finished = new Map<string, number>();
    const unsubscribe = foundry.deps.events.subscribe(ctx.workspaceId, (event) => {
      if (event.type !== runEventsBusType || !(event.data.types as string[]).includes('run.completed')) return;
      const runId = event.data.runId as string;
      finished.set(runId, performance.now());
      waiting.get(runId)?.resolve('done');
    });
    const runOnce = async (): Promise<string> => {
      const run = await startRun(deps, ctx, { workflowId: workflow.id });
      if (finished.has(run.id)) return run.id;
      await new Promise<string>((resolve) => waiting.set(run.id, { resolve }));
      waiting.delete(run.id);
      return run.id;
    };

    log(`  ${shape}, ${concurrency} at a time: warm-up ${settings.warmupSeconds} s`);
    let stop = false;
    let phase: 'warmup' | 'measure' | 'drain' = 'warmup';
    const measured: string[] = [];
    const clients = Array.from({ length: concurrency }, async () => {
      while (!stop) {
        const startedIn = phase;
        const id = await runOnce();
        if (startedIn === 'measure' && phase === 'measure') measured.push(id);
      }
    });
    await sleep(settings.warmupSeconds * 1000);
    const before = await readCounters(url);
    const cpuGroups = { postgres: await serverPidsFor(url) };
    const cpuBefore = cpuSnapshot(cpuGroups);
    recordCalls = true;
    calls.clear();
    startCounting();
    phase = 'measure';
    const t0 = performance.now();
    await sleep(settings.seconds * 1000);
    const t1 = performance.now();
    const cpuAfter = cpuSnapshot(cpuGroups);
    const completedInWindow = [...finished.values()].filter((t) => t >= t0 && t <= t1).length;
    phase = 'drain';
    const transactions = stopCounting();
    recordCalls = false;
    const after = await readCounters(url);
    stop = true;
    await Promise.all(clients);
    unsubscribe();

    const seconds = (t1 - t0) / 1000;
    const result: EngineResult = {
      shape, concurrency, runs: completedInWindow, seconds,
      runsPerSecond: completedInWindow / seconds,
      actionStepsPerSecond: (completedInWindow * actionSteps) / seconds,
      nodesPerSecond: (completedInWindow * nodesPerRun[shape]) / seconds,
      transactions, server: counterDelta(before, after), failedRuns: 0,
      cpu: cpuUsage(cpuBefore, cpuAfter, completedInWindow * actionSteps),
    };

    const runIds = measured;
    const runs = runIds.length === 0 ? [] : await foundry.deps.db.select({ id: tables.workflowRuns.id, status: tables.workflowRuns.status })
      .from(tables.workflowRuns).where(inArray(tables.workflowRuns.id, runIds));
    result.failedRuns = runs.filter((r) => r.status !== 'succeeded').length;
    if (shape === 'chain' && runIds.length > 0) {
      const callGaps: number[] = [];
      const tableGaps: number[] = [];
      const sample = runIds.slice(0, 2_000);
      const rows = await foundry.deps.db.select({
        runId: tables.workflowSteps.runId, stepId: tables.workflowSteps.id, nodeId: tables.workflowSteps.nodeId,
        startedAt: tables.workflowAttempts.startedAt, finishedAt: tables.workflowAttempts.finishedAt,
      }).from(tables.workflowAttempts).innerJoin(tables.workflowSteps, eq(tables.workflowSteps.id, tables.workflowAttempts.stepId))
        .where(and(inArray(tables.workflowAttempts.runId, sample), eq(tables.workflowAttempts.purpose, 'execute'), eq(tables.workflowAttempts.status, 'succeeded')))
        .orderBy(asc(tables.workflowAttempts.startedAt));
      const byRun = Map.groupBy(rows, (r) => r.runId);
      for (const [runId, attempts] of byRun) {
        const byNode = new Map(attempts.map((a) => [a.nodeId, a]));
        const called = calls.get(runId);
        for (let i = 1; i < actionSteps; i++) {
          const prev = byNode.get(`a${i}`);
          const next = byNode.get(`a${i + 1}`);
          if (prev?.finishedAt && next) tableGaps.push(next.startedAt.getTime() - prev.finishedAt.getTime());
          const c0 = prev ? called?.get(prev.stepId) : undefined;
          const c1 = next ? called?.get(next.stepId) : undefined;
          if (c0 !== undefined && c1 !== undefined) callGaps.push(c1 - c0);
        }
      }
      result.callToCall = latencyOf(callGaps);
      result.tableGap = latencyOf(tableGaps);
    }
    calls.clear();
    return result;
  } finally {
    await foundry.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
