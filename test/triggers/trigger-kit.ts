import { startSystemRun, type RunDeps, type StartTriggerRun, type SystemRunRequest } from '../../src/engine/index.ts';
import type { Foundry } from '../../src/server/index.ts';
import { workflowDefinition } from '../support/route-fixtures.ts';
import { as, type Account } from '../support/test-foundry.ts';

/** Helpers shared by the trigger tests: API calls, workflows, and waiting for runs. */

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export function apiAs(foundry: Foundry, account: Account, workspaceId?: string) {
  return (method: Method, url: string, payload?: unknown) =>
    foundry.app.inject({ method, url, headers: as(account, workspaceId), ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
}

/** Saves a trigger → output workflow whose output is its input; optionally with an input schema. */
export async function createWorkflow(foundry: Foundry, account: Account, name: string, inputSchema?: Record<string, unknown>): Promise<string> {
  const response = await apiAs(foundry, account)('POST', '/api/workflows', { definition: { ...workflowDefinition(name), ...(inputSchema ? { inputSchema } : {}) } });
  if (response.statusCode !== 201) throw new Error(`workflow: ${response.statusCode} ${response.body}`);
  return response.json<{ id: string }>().id;
}

export async function createTrigger(foundry: Foundry, account: Account, workflowId: string, body: Record<string, unknown>) {
  const response = await apiAs(foundry, account)('POST', `/api/workflows/${workflowId}/triggers`, body);
  if (response.statusCode !== 201) throw new Error(`trigger: ${response.statusCode} ${response.body}`);
  return response.json<{ id: string; webhook?: { path: string; secret?: string }; nextFireAt: string | null }>();
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RunSummary {
  id: string;
  status: string;
  trigger: { kind: string; id: string | null };
}

/** Polls the runs of a workflow until there are at least `count` (the test's timeout bounds the wait). */
export async function waitForRuns(foundry: Foundry, account: Account, workflowId: string, count: number): Promise<RunSummary[]> {
  for (;;) {
    const response = await apiAs(foundry, account)('GET', `/api/runs?workflowId=${workflowId}`);
    const runs = response.json<{ items: RunSummary[] }>().items;
    if (runs.length >= count) return runs;
    await pause(50);
  }
}

const terminal = new Set(['succeeded', 'failed', 'compensated', 'cancelled']);

/** Polls a run until it ends; returns its view. */
export async function waitForRunEnd(foundry: Foundry, account: Account, runId: string): Promise<{ status: string; input: unknown; output: unknown; trigger: RunSummary['trigger'] }> {
  for (;;) {
    const run = (await apiAs(foundry, account)('GET', `/api/runs/${runId}`)).json<{ status: string; input: unknown; output: unknown; trigger: RunSummary['trigger'] }>();
    if (terminal.has(run.status)) return run;
    await pause(50);
  }
}

/** What startSystemRun needs, from a test Foundry. */
export function runDepsOf(foundry: Foundry): RunDeps {
  const names = new Set(foundry.deps.plugins.tools().map((t) => t.name));
  return { db: foundry.deps.db, queue: foundry.deps.queue, clock: foundry.deps.clock, hasTool: (name) => names.has(name) };
}

/** The real startSystemRun, recording each request. */
export function recordingStartRun(foundry: Foundry): { startRun: StartTriggerRun; calls: SystemRunRequest[] } {
  const calls: SystemRunRequest[] = [];
  const deps = runDepsOf(foundry);
  return {
    calls,
    startRun: async (request) => {
      calls.push(request);
      return startSystemRun(deps, request);
    },
  };
}
