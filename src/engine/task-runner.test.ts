import { describe, expect, it } from 'vitest';
import { z } from 'zod';
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

  it('checks the output against the output schema and fails for good when it does not fit', async () => {
    const tool = (output: unknown): ToolRegistration => ({
      name: 'shaped', description: '', outputSchema: z.object({ total: z.coerce.number() }), execute: async () => ({ output }),
    });
    await expect(runTask(deps([tool({ total: '12' })]), action('shaped'), {}, call())).resolves.toEqual({ output: { total: 12 } });
    await expect(runTask(deps([tool({ sum: 1 })]), action('shaped'), {}, call())).rejects.toMatchObject({
      code: 'TOOL_OUTPUT_INVALID', retryable: false, details: { tool: 'shaped', problems: [{ path: 'total', message: expect.any(String) }] },
    });
  });

  it('records the price per call when the result does not say what it cost', async () => {
    const priced = (costUsd?: number): ToolRegistration => ({
      name: 'priced', description: '', costPerCallUsd: 0.02, execute: async () => ({ output: 1, ...(costUsd === undefined ? {} : { costUsd }) }),
    });
    await expect(runTask(deps([priced()]), action('priced'), {}, call())).resolves.toEqual({ output: 1, costUsd: 0.02 });
    await expect(runTask(deps([priced(0.5)]), action('priced'), {}, call())).resolves.toEqual({ output: 1, costUsd: 0.5 });
  });

  it('makes calls beyond the rate limit wait, within the step timeout, instead of calling the tool', async () => {
    let calls = 0;
    const tool: ToolRegistration = { name: 'limited', description: '', rateLimit: { perMinute: 1 }, execute: async () => ({ output: ++calls }) };
    const limited = deps([tool]);
    await expect(runTask(limited, action('limited'), {}, call())).resolves.toEqual({ output: 1 });
    await expect(runTask(limited, action('limited'), {}, call({ timeoutMs: 30 }))).rejects.toMatchObject({ code: 'STEP_TIMEOUT' });
    expect(calls).toBe(1);
  });

  it('stops when the run is cancelled', async () => {
    const controller = new AbortController();
    const tool: ToolRegistration = { name: 'slow', description: '', execute: () => new Promise(() => {}) };
    const pending = runTask(deps([tool]), action('slow'), {}, call({ signal: controller.signal }));
    controller.abort(new Error('cancelled'));
    await expect(pending).rejects.toThrow('cancelled');
  });
});
