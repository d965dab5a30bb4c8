import { describe, expect, it } from 'vitest';
import type { ToolRegistration } from '../kernel/index.ts';
import { createCircuitBreakers } from './circuit-breakers.ts';
import { runTask, type TaskCall } from './task-runner.ts';

const call = (over: Partial<TaskCall> = {}): TaskCall => ({
  workspaceId: 'w', runId: 'r', stepId: 's', nodeId: 'n', idempotencyKey: 'fdy-1', signal: new AbortController().signal, ...over,
});
const deps = (tools: ToolRegistration[]) => ({ tool: (name: string) => tools.find((t) => t.name === name), breakers: createCircuitBreakers() });
const action = (tool: string) => ({ type: 'action' as const, config: { tool, input: {} } });

describe('runTask', () => {
  it('calls the tool with its input and the idempotency key', async () => {
    const seen: unknown[] = [];
    const tool: ToolRegistration = { name: 'echo', description: '', execute: async (input, c) => {
      seen.push([input, c.idempotencyKey]);
      return { output: input, costUsd: 0.5 };
    } };
    await expect(runTask(deps([tool]), action('echo'), { a: 1 }, call())).resolves.toEqual({ output: { a: 1 }, costUsd: 0.5 });
    expect(seen).toEqual([[{ a: 1 }, 'fdy-1']]);
  });

  it('fails for good when the tool is not registered, and when a model node has no model layer', async () => {
    await expect(runTask(deps([]), action('nope'), {}, call())).rejects.toMatchObject({ code: 'STEP_FAILED_PERMANENTLY', retryable: false });
    await expect(runTask(deps([]), { type: 'model', config: { role: 'chat', prompt: '"hi"' } }, { prompt: 'hi' }, call())).rejects.toMatchObject({ retryable: false });
  });

  it('times out a tool that ignores its signal, and aborts the signal it was given', async () => {
    let aborted = false;
    const tool: ToolRegistration = { name: 'slow', description: '', execute: (_input, c) => {
      c.signal.addEventListener('abort', () => (aborted = true));
      return new Promise(() => {});
    } };
    await expect(runTask(deps([tool]), action('slow'), {}, call({ timeoutMs: 20 }))).rejects.toMatchObject({ code: 'STEP_TIMEOUT', retryable: true });
    expect(aborted).toBe(true);
  });

  it('stops when the run is cancelled', async () => {
    const controller = new AbortController();
    const tool: ToolRegistration = { name: 'slow', description: '', execute: () => new Promise(() => {}) };
    const pending = runTask(deps([tool]), action('slow'), {}, call({ signal: controller.signal }));
    controller.abort(new Error('cancelled'));
    await expect(pending).rejects.toThrow('cancelled');
  });
});
