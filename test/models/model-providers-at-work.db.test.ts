import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunView } from '../../src/engine/index.ts';
import type { MessageView } from '../../src/projects/index.ts';
import { openAiSpecAvailable, openAiSpecNotice } from '../support/openai-spec.ts';
import { startRecordedModelServer, type RecordedModelServer } from '../support/recorded-model-server.ts';
import { as, createTestFoundry, signUpUser, type Account, type TestFoundry } from '../support/test-foundry.ts';

// The model layer where the rest of Foundry uses it: workflow model nodes and conversation turns,
// with an OpenAI-compatible server (the recorded one) configured for one workspace. The tests that
// reach the server need OpenAI's published spec to check the requests (absent from a plain clone).
if (!openAiSpecAvailable) console.warn(openAiSpecNotice);
const withSpec = it.skipIf(!openAiSpecAvailable);
let foundry: TestFoundry;
let server: RecordedModelServer;
let withModel: Account;
let offline: Account;
beforeAll(async () => {
  foundry = await createTestFoundry({ ssrfAllow: ['127.0.0.1'], modelRetries: 0 });
  server = await startRecordedModelServer();
  withModel = await signUpUser(foundry, 'Has a model');
  offline = await signUpUser(foundry, 'Offline');
  for (const role of ['chat', 'extraction']) {
    const put = await call(withModel, 'PUT', `/api/workspaces/${withModel.workspaceId}/models/${role}`, { provider: 'openai-compatible', model: 'llama3', baseUrl: `${server.url}/v1` });
    expect(put.statusCode, put.body).toBe(200);
  }
}, 180_000);
afterEach(() => {
  const problems = server.problems();
  const pending = server.pending();
  server.clear();
  expect(problems).toEqual([]);
  expect(pending).toBe(0);
});
afterAll(async () => {
  await server?.close();
  await foundry?.dispose();
});

function call(account: Account, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  return foundry.app.inject({ method, url, headers: as(account), ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
}

async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 600; i++) {
    const found = await probe();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const tagline = {
  name: 'Tagline',
  nodes: [
    { id: 'start', type: 'trigger', name: 'Start' },
    { id: 'write', type: 'model', name: 'Write', config: { role: 'chat', prompt: '"Write a tagline for a " & input.product' } },
    { id: 'done', type: 'output', name: 'Done', config: { value: 'steps.write.text' } },
  ],
  edges: [{ from: 'start', to: 'write' }, { from: 'write', to: 'done' }],
};

async function runToEnd(account: Account, definition: unknown, input: unknown): Promise<RunView> {
  const started = await call(account, 'POST', '/api/runs', { definition, input });
  expect(started.statusCode, started.body).toBe(202);
  const id = started.json<RunView>().id;
  return until(`run ${id}`, async () => {
    const run = (await call(account, 'GET', `/api/runs/${id}`)).json<RunView>();
    return ['succeeded', 'failed', 'cancelled', 'compensated'].includes(run.status) ? run : undefined;
  });
}

async function usageOfRun(runId: string) {
  const { rows } = await foundry.database.pool.query<{ operation: string; provider: string; tokens_in: number; tokens_out: number }>(
    'select operation, provider, tokens_in, tokens_out from model_usage where run_id = $1', [runId]);
  return rows;
}

describe('workflow model nodes', () => {
  withSpec('call the workspace\'s model, with the run\'s usage recorded', async () => {
    server.reply({ output: 'Carry more, weigh less.', tokens: { in: 14, out: 6 } });
    const run = await runToEnd(withModel, tagline, { product: 'tote bag' });
    expect(run.status).toBe('succeeded');
    expect(run.output).toEqual({ done: 'Carry more, weigh less.' });
    expect(JSON.stringify(server.requests[0]?.body)).toContain('Write a tagline for a tote bag');
    expect(await usageOfRun(run.id)).toEqual([{ operation: 'generate', provider: 'openai-compatible', tokens_in: 14, tokens_out: 6 }]);
  });

  withSpec('return a checked object when the node gives an output schema', async () => {
    const definition = {
      ...tagline,
      nodes: [tagline.nodes[0], { ...tagline.nodes[1], config: { role: 'extraction', prompt: '"Price this: " & input.product', outputSchema: {
        type: 'object', required: ['usd'], properties: { usd: { type: 'number' } }, additionalProperties: false,
      } } }, { ...tagline.nodes[2], config: { value: 'steps.write.usd' } }],
    };
    server.reply({ output: { usd: 12.5 }, tokens: { in: 20, out: 5 } });
    const run = await runToEnd(withModel, definition, { product: 'tote bag' });
    expect(run.status).toBe('succeeded');
    expect(run.output).toEqual({ done: 12.5 });
  });

  it('fail for good, saying why, when the workspace has no model for the role', async () => {
    const run = await runToEnd(offline, tagline, { product: 'mug' });
    expect(run.status).toBe('failed');
    const step = run.steps.find((s) => s.nodeId === 'write')!;
    expect(step.error).toMatchObject({ code: 'MODEL_UNSUPPORTED' });
    expect(step.attempts).toHaveLength(1);
  });

  it('stop at the run\'s budget without calling the provider', async () => {
    const budget = await call(withModel, 'PUT', `/api/workspaces/${withModel.workspaceId}/budgets`, { scope: 'workspace', scopeId: withModel.workspaceId, limitUsd: 0, period: 'total' });
    expect(budget.statusCode, budget.body).toBe(200);
    try {
      const run = await runToEnd(withModel, tagline, { product: 'mug' });
      expect(run.status).toBe('failed');
      expect(run.steps.find((s) => s.nodeId === 'write')?.error).toMatchObject({ code: 'BUDGET_EXCEEDED' });
      expect(server.requests).toHaveLength(0);
    } finally {
      await foundry.app.inject({ method: 'DELETE', url: `/api/workspaces/${withModel.workspaceId}/budgets/workspace/${withModel.workspaceId}`, headers: as(withModel) });
    }
  });
});

describe('conversation turns with a provider', () => {
  async function say(content: string): Promise<MessageView> {
    const created = await call(withModel, 'POST', '/api/projects', { name: 'Provider chat', studio: 'builder' });
    const projectId = created.json<{ id: string }>().id;
    const posted = await call(withModel, 'POST', `/api/projects/${projectId}/messages`, { content });
    const id = posted.json<{ message: MessageView }>().message.id;
    return until('the reply', async () => (await call(withModel, 'GET', `/api/projects/${projectId}/messages`)).json<{ items: MessageView[] }>().items
      .find((m) => m.metadata.replyTo === id));
  }

  withSpec('classify with the model and let it word the reply, recording the engine and tokens', async () => {
    server.reply({ output: { intent: 'greeting', confidence: 0.93 }, tokens: { in: 300, out: 9 } }, { output: 'Hi! Tell me what you are building.', tokens: { in: 120, out: 10 } });
    const reply = await say('hey there');
    expect(reply.content).toBe('Hi! Tell me what you are building.');
    expect(reply.metadata).toMatchObject({ intent: 'greeting', confidence: 0.93, engine: { provider: 'openai-compatible', model: 'llama3', fellBack: false }, tokensIn: 420, tokensOut: 19 });
  });

  withSpec('fall back to the built-in engine when the provider fails, and say so', async () => {
    server.reply({ status: 500 }, { status: 500 });
    const reply = await say('hello!');
    expect(reply.role).toBe('assistant');
    expect(reply.content).toMatch(/Hello/);
    expect(reply.metadata).toMatchObject({ intent: 'greeting', engine: { provider: 'builtin', fellBack: true } });
  });

  it('stop with a clear system message when the budget is spent', async () => {
    const budget = await call(withModel, 'PUT', `/api/workspaces/${withModel.workspaceId}/budgets`, { scope: 'workspace', scopeId: withModel.workspaceId, limitUsd: 0, period: 'total' });
    expect(budget.statusCode, budget.body).toBe(200);
    try {
      const reply = await say('hi');
      expect(reply.role).toBe('system');
      expect(reply.metadata).toMatchObject({ error: { code: 'BUDGET_EXCEEDED' } });
      expect(reply.content).toMatch(/budget/);
      expect(server.requests).toHaveLength(0);
    } finally {
      await foundry.app.inject({ method: 'DELETE', url: `/api/workspaces/${withModel.workspaceId}/budgets/workspace/${withModel.workspaceId}`, headers: as(withModel) });
    }
  });
});
