import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createCircuitBreakers } from '../../src/engine/index.ts';
import { createLogger, type Config } from '../../src/kernel/index.ts';
import {
  createBuiltinEngine, createModelGateway, createUsageLedger, type FoundryModelGateway, type IntentOption, type UsageScope,
} from '../../src/models/index.ts';
import { openAiSpecAvailable, openAiSpecNotice, specAjv } from '../support/openai-spec.ts';
import { startRecordedModelServer, type RecordedModelServer } from '../support/recorded-model-server.ts';
import { as, createTestFoundry, signUpUser, type Account, type TestFoundry } from '../support/test-foundry.ts';

/**
 * The gateway end to end over HTTP: a real database (settings, vault, usage ledger, budgets), the
 * recorded provider server, the SSRF guard, and the built-in engine as the fallback.
 */

if (!openAiSpecAvailable) console.warn(openAiSpecNotice);

const envKey = 'sk-ant-environment-key-0001';
const workspaceKey = 'sk-workspace-key-0002';
const builtin = createBuiltinEngine();
let foundry: TestFoundry;
let server: RecordedModelServer;
let a: Account;
let b: Account;
let credentialOfA: string;
const logs: string[] = [];
const logger = createLogger({ level: 'debug', destination: new Writable({ write: (chunk, _encoding, done) => done(void logs.push(String(chunk))) }) });

const intents: IntentOption[] = [
  { name: 'quote', description: 'asks for a price', examples: ['how much for 500 cases?'] },
  { name: 'design', description: 'talks about the look', examples: ['make it matte black'] },
];

beforeAll(async () => {
  foundry = await createTestFoundry({ ssrfAllow: ['127.0.0.1'] });
  server = await startRecordedModelServer();
  a = await signUpUser(foundry, 'Gateway A');
  b = await signUpUser(foundry, 'Gateway B');
  const created = await foundry.app.inject({ method: 'POST', url: '/api/credentials', headers: as(a), payload: { name: 'anthropic key', kind: 'api_key', secret: { apiKey: workspaceKey } } });
  credentialOfA = created.json<{ id: string }>().id;
  if (openAiSpecAvailable) specAjv();
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

/** Anthropic from the environment for every chat and extraction call, at the recorded server. */
const anthropicEnv = (): Partial<Config> => ({ anthropicApiKey: envKey, anthropicBaseUrl: `${server.url}/v1` });

function gateway(env: Partial<Config> = {}, options: { threshold?: number } = {}): FoundryModelGateway {
  return createModelGateway({
    db: foundry.database.db, keys: foundry.deps.keys, logger, builtin, ledger: createUsageLedger({ db: foundry.database.db }),
    config: { ...foundry.config, modelRetries: 2, modelTimeoutMs: 5_000, modelCacheEntries: 100, ...env },
    breakers: createCircuitBreakers({ threshold: options.threshold ?? 5, halfOpenAfterMs: 60_000 }), retryDelayMs: 5,
  });
}

interface UsageRow { operation: string; provider: string; model: string; tokens_in: number; tokens_out: number; cost_usd: number; cached: boolean; fell_back: boolean; project_id: string | null; message_id: string | null }
let seen = 0;
/** Usage records written since the last call. */
async function newUsage(workspaceId: string): Promise<UsageRow[]> {
  const { rows } = await foundry.database.pool.query<UsageRow & { id: number }>('select * from model_usage where workspace_id = $1 and id > $2 order by id', [workspaceId, seen]);
  seen = Math.max(seen, ...rows.map((r) => Number(r.id)));
  return rows;
}

const scopeA = (): UsageScope => ({ workspaceId: a.workspaceId });

describe('with nothing configured', () => {
  it('answers every operation with the built-in engine, records zero-cost usage, has no embeddings and no free-form structured output', async () => {
    const models = gateway();
    await newUsage(a.workspaceId);
    const reply = await models.classifyIntent(scopeA(), 'How much would 500 cases cost?', intents);
    expect(reply.engine).toEqual({ provider: 'builtin', model: builtin.model, fellBack: false, cached: false });
    expect(reply.costUsd).toBe(0);
    const entities = await models.extractEntities(scopeA(), 'We need 10,000 units in black');
    expect(entities.value.quantities[0]?.value).toBe(10000);
    expect(await models.embed(scopeA(), ['x'])).toBeUndefined();
    await expect(models.structured(scopeA(), { schema: z.object({ a: z.string() }), instruction: 'x', input: 'y' })).rejects.toMatchObject({ code: 'MODEL_UNSUPPORTED' });
    const usage = await newUsage(a.workspaceId);
    expect(usage.map((u) => [u.operation, u.provider, u.cost_usd, u.fell_back])).toEqual([['classifyIntent', 'builtin', 0, false], ['extractEntities', 'builtin', 0, false]]);
    expect(server.requests).toHaveLength(0);
  });
});

describe('a provider from the environment', () => {
  it('answers through the provider and records its tokens and price against the scope', async () => {
    const models = gateway(anthropicEnv());
    const scope: UsageScope = { workspaceId: a.workspaceId, messageId: '5b0d4c3e-0000-4000-8000-000000000001' };
    server.reply({ output: { intent: 'quote', confidence: 0.9 }, tokens: { in: 1000, out: 100 } });
    const reply = await models.classifyIntent(scope, 'What would 500 cases cost?', intents);
    expect(reply.value.intent).toBe('quote');
    expect(reply.engine).toEqual({ provider: 'anthropic', model: 'claude-haiku-4-5', fellBack: false, cached: false });
    expect(reply.usage).toEqual({ tokensIn: 1000, tokensOut: 100 });
    expect(reply.costUsd).toBeCloseTo(0.0015, 6);
    expect(server.requests[0]!.headers['x-api-key']).toBe(envKey);
    const [usage] = await newUsage(a.workspaceId);
    expect(usage).toMatchObject({ operation: 'classifyIntent', provider: 'anthropic', model: 'claude-haiku-4-5', tokens_in: 1000, tokens_out: 100, cached: false, fell_back: false, message_id: scope.messageId });
    expect(usage!.cost_usd).toBeCloseTo(0.0015, 6);
  });

  describe('falls back to the built-in engine, with a usage record, when the provider', () => {
    const cases = [
      { label: 'rate-limits (429, after 2 retries)', replies: [{ status: 429 }, { status: 429 }, { status: 429 }] as const, requests: 3, code: 'MODEL_RATE_LIMITED' },
      { label: 'fails (500, after 2 retries)', replies: [{ status: 500 }, { status: 500 }, { status: 500 }] as const, requests: 3, code: 'MODEL_PROVIDER_FAILED' },
      { label: 'answers something that is not JSON (not retried)', replies: [{ status: 200, raw: '{"type":"message","content":[' }] as const, requests: 1, code: 'MODEL_RESPONSE_INVALID' },
      { label: 'refuses the key (401, not retried)', replies: [{ status: 401 }] as const, requests: 1, code: 'MODEL_PROVIDER_UNAUTHORIZED' },
    ];
    it.each(cases)('$label', async ({ replies, requests, code }) => {
      const models = gateway(anthropicEnv());
      await newUsage(a.workspaceId);
      logs.length = 0;
      server.reply(...replies);
      const reply = await models.summarize(scopeA(), 'The client wants 500 cases. They ship in March. The colour is black.', { maxSentences: 1 });
      expect(reply.engine).toEqual({ provider: 'builtin', model: builtin.model, fellBack: true, cached: false });
      expect(reply.value.length).toBeGreaterThan(0);
      expect(server.requests).toHaveLength(requests);
      expect(await newUsage(a.workspaceId)).toMatchObject([{ operation: 'summarize', provider: 'builtin', fell_back: true, cost_usd: 0 }]);
      const warning = logs.map((l) => JSON.parse(l) as { msg: string; error?: { code: string } }).find((l) => l.msg.includes('built-in engine answered'));
      expect(warning?.error?.code).toBe(code);
    });

    it('times out (each attempt)', async () => {
      const models = gateway({ ...anthropicEnv(), modelTimeoutMs: 300, modelRetries: 1 });
      server.reply({ hang: true }, { hang: true });
      const reply = await models.answer(scopeA(), 'What does a case cost?', []);
      expect(reply.engine.fellBack).toBe(true);
      expect(server.requests).toHaveLength(2);
      expect(logs.join('\n')).toContain('MODEL_TIMEOUT');
    });

    it('returns output that fails the schema, recording the tokens it cost as well as the fallback', async () => {
      const models = gateway(anthropicEnv());
      await newUsage(a.workspaceId);
      server.reply({ output: { intent: 'refund', confidence: 0.9 }, tokens: { in: 200, out: 10 } });
      const reply = await models.classifyIntent(scopeA(), 'How much would 500 cases cost?', intents);
      expect(reply.engine).toMatchObject({ provider: 'builtin', fellBack: true });
      expect(reply.usage).toEqual({ tokensIn: 200, tokensOut: 10 });
      expect(reply.costUsd).toBeGreaterThan(0);
      expect(server.requests).toHaveLength(1);
      expect(await newUsage(a.workspaceId)).toMatchObject([
        { operation: 'classifyIntent', provider: 'anthropic', tokens_in: 200, tokens_out: 10, fell_back: true },
        { operation: 'classifyIntent', provider: 'builtin', tokens_in: 0, fell_back: true },
      ]);
    });

    it('cites a passage that does not exist', async () => {
      const models = gateway(anthropicEnv());
      server.reply({ output: { answer: 'It costs 9 EUR [4].', citations: [4] } });
      const passage = { text: 'A case costs 2.40 EUR at 1,000 units.', citation: { sourceId: 's', sourceName: 'prices.pdf', chunkId: 'c', charStart: 0, charEnd: 37 } };
      const reply = await models.answer(scopeA(), 'What does a case cost?', [passage]);
      expect(reply.engine.fellBack).toBe(true);
      expect(reply.value.citations.every((c) => c.chunkId === 'c')).toBe(true);
    });
  });

  it('retries a 500 and then succeeds without falling back', async () => {
    const models = gateway(anthropicEnv());
    server.reply({ status: 500 }, { status: 503 }, { output: 'Cases ship in March.' });
    const reply = await models.summarize(scopeA(), 'Long text about shipping. Cases ship in March.', { maxSentences: 1 });
    expect(reply.engine).toMatchObject({ provider: 'anthropic', fellBack: false });
    expect(reply.value).toBe('Cases ship in March.');
    expect(server.requests).toHaveLength(3);
  });

  it('opens the circuit after repeated failures and stops calling the provider', async () => {
    const models = gateway({ ...anthropicEnv(), modelRetries: 0 }, { threshold: 3 });
    server.reply({ status: 500 }, { status: 500 }, { status: 500 });
    for (let i = 0; i < 3; i++) expect((await models.summarize(scopeA(), `Failure ${i}. More text.`, { maxSentences: 1 })).engine.fellBack).toBe(true);
    expect(server.requests).toHaveLength(3);
    logs.length = 0;
    const reply = await models.summarize(scopeA(), 'After the breaker opened. More text.', { maxSentences: 1 });
    expect(reply.engine.fellBack).toBe(true);
    expect(server.requests).toHaveLength(3);
    expect(logs.join('\n')).toContain('CIRCUIT_OPEN');
  });

  it('does not count a refused key (401) against the circuit', async () => {
    const models = gateway({ ...anthropicEnv(), modelRetries: 0 }, { threshold: 2 });
    server.reply({ status: 401 }, { status: 401 }, { status: 401 });
    for (let i = 0; i < 3; i++) await models.summarize(scopeA(), `Attempt ${i}. More.`, { maxSentences: 1 });
    expect(server.requests).toHaveLength(3);
  });

  it('serves an identical deterministic request from the cache, at no cost, per workspace, and never caches compose', async () => {
    const models = gateway(anthropicEnv());
    await newUsage(a.workspaceId);
    server.reply({ output: 'Cases ship in March.' });
    const text = 'Long text about shipping dates. Cases ship in March.';
    const first = await models.summarize(scopeA(), text, { maxSentences: 1 });
    const second = await models.summarize({ workspaceId: a.workspaceId, projectId: undefined }, text, { maxSentences: 1 });
    expect(first.engine.cached).toBe(false);
    expect(second).toMatchObject({ value: 'Cases ship in March.', costUsd: 0, usage: { tokensIn: 0, tokensOut: 0 }, engine: { provider: 'anthropic', cached: true, fellBack: false } });
    expect(server.requests).toHaveLength(1);
    expect((await newUsage(a.workspaceId)).map((u) => [u.provider, u.cached, u.cost_usd > 0])).toEqual([['anthropic', false, true], ['anthropic', true, false]]);

    server.reply({ output: 'Cases ship in March.' });
    expect((await models.summarize({ workspaceId: b.workspaceId }, text, { maxSentences: 1 })).engine.cached).toBe(false);
    server.reply({ output: 'Hello! Your 12 samples ship Monday.' }, { output: 'Hi! Your 12 samples ship Monday.' });
    const draft = { purpose: 'reply', draft: 'Your 12 samples ship Monday.' };
    await models.compose(scopeA(), draft);
    expect((await models.compose(scopeA(), draft)).engine.cached).toBe(false);
    expect(server.requests).toHaveLength(4);
  });

  it('stops with BUDGET_EXCEEDED before calling the provider, never falling back', async () => {
    const models = gateway(anthropicEnv());
    const put = await foundry.app.inject({ method: 'PUT', url: `/api/workspaces/${b.workspaceId}/budgets`, headers: as(b), payload: { scope: 'workspace', scopeId: b.workspaceId, limitUsd: 0 } });
    expect(put.statusCode, put.body).toBe(200);
    await expect(models.classifyIntent({ workspaceId: b.workspaceId }, 'How much for 500?', intents)).rejects.toMatchObject({ code: 'BUDGET_EXCEEDED', status: 402 });
    await expect(models.compose({ workspaceId: b.workspaceId }, { purpose: 'reply', draft: 'Hi.' })).rejects.toMatchObject({ code: 'BUDGET_EXCEEDED' });
    expect(server.requests).toHaveLength(0);
    expect((await gateway().classifyIntent({ workspaceId: b.workspaceId }, 'How much for 500?', intents)).engine.provider).toBe('builtin');
    await foundry.app.inject({ method: 'DELETE', url: `/api/workspaces/${b.workspaceId}/budgets/workspace/${b.workspaceId}`, headers: as(b) });
  });

  it('has no fallback for structured output', async () => {
    const models = gateway({ ...anthropicEnv(), modelRetries: 0 });
    server.reply({ status: 500 });
    await expect(models.structured(scopeA(), { schema: z.object({ name: z.string() }), instruction: 'Name it', input: 'A case' })).rejects.toMatchObject({ code: 'MODEL_PROVIDER_FAILED' });
    server.reply({ output: { name: 'Aurora' } });
    expect((await models.structured(scopeA(), { schema: z.object({ name: z.string() }), instruction: 'Name it', input: 'A case' })).value).toEqual({ name: 'Aurora' });
  });

  it('has no embeddings from Anthropic', async () => {
    expect(await gateway(anthropicEnv()).embed(scopeA(), ['a'])).toBeUndefined();
  });

  it('passes an abort by the caller through instead of falling back', async () => {
    const models = gateway(anthropicEnv());
    server.reply({ hang: true });
    const controller = new AbortController();
    const pending = models.summarize(scopeA(), 'Text. More text.', { maxSentences: 1 }, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 100));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('never writes an API key to the logs', () => {
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.join('\n')).not.toContain(envKey);
    expect(logs.join('\n')).not.toContain(workspaceKey);
  });
});

describe('workspace settings', () => {
  const put = (account: Account, role: string, payload: object) =>
    foundry.app.inject({ method: 'PUT', url: `/api/workspaces/${account.workspaceId}/models/${role}`, headers: as(account), payload });

  it("win over the environment for that workspace, with the workspace's credential", async () => {
    const saved = await put(a, 'chat', { provider: 'anthropic', model: 'claude-sonnet-4-5', baseUrl: `${server.url}/v1`, credentialId: credentialOfA });
    expect(saved.statusCode, saved.body).toBe(200);
    const models = gateway(anthropicEnv());
    server.reply({ output: 'From the workspace model.' }, { output: 'From the environment model.' });
    const mine = await models.summarize(scopeA(), 'Workspace text. More.', { maxSentences: 1 });
    const theirs = await models.summarize({ workspaceId: b.workspaceId }, 'Workspace text. More.', { maxSentences: 1 });
    expect(mine.engine.model).toBe('claude-sonnet-4-5');
    expect(theirs.engine.model).toBe('claude-haiku-4-5');
    expect(server.requests.map((r) => r.headers['x-api-key'])).toEqual([workspaceKey, envKey]);
  });

  it("never lend the environment's key to a base URL the workspace chose", async () => {
    const saved = await put(a, 'extraction', { provider: 'anthropic', model: 'claude-haiku-4-5', baseUrl: `${server.url}/elsewhere/v1` });
    expect(saved.statusCode, saved.body).toBe(200);
    logs.length = 0;
    const reply = await gateway(anthropicEnv()).classifyIntent(scopeA(), 'How much for 500 cases?', intents);
    expect(reply.engine.fellBack).toBe(true);
    expect(server.requests).toHaveLength(0);
    expect(logs.join('\n')).toContain('MODEL_PROVIDER_NOT_CONFIGURED');
  });

  it('can turn a role back to the built-in engine', async () => {
    expect((await put(a, 'extraction', { provider: 'builtin', model: 'builtin' })).statusCode).toBe(200);
    const reply = await gateway(anthropicEnv()).classifyIntent(scopeA(), 'How much for 500 cases?', intents);
    expect(reply.engine).toMatchObject({ provider: 'builtin', fellBack: false });
  });

  it.skipIf(!openAiSpecAvailable)('embed through an OpenAI-compatible server, and refuse a base URL the SSRF guard refuses at call time', async () => {
    expect((await put(a, 'embedding', { provider: 'openai-compatible', model: 'nomic-embed-text', baseUrl: `${server.url}/v1` })).statusCode).toBe(200);
    server.reply({ output: [[0.5, 0.25]] });
    const reply = await gateway().embed(scopeA(), ['black case']);
    expect(reply).toMatchObject({ value: [[0.5, 0.25]], engine: { provider: 'openai-compatible', model: 'nomic-embed-text', fellBack: false } });
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
    // The same setting in a process without FOUNDRY_SSRF_ALLOW: the call is refused, and embeddings have no fallback.
    await expect(gateway({ ssrfAllow: [] }).embed(scopeA(), ['black case'])).rejects.toMatchObject({ code: 'OUTBOUND_URL_REFUSED' });
    expect(server.requests).toHaveLength(1);
  });

  it('report one tiny real call through the test endpoint, recorded as usage', async () => {
    server.reply({ output: 'OK' });
    const response = await foundry.app.inject({ method: 'POST', url: `/api/workspaces/${a.workspaceId}/models/chat/test`, headers: as(a) });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ role: 'chat', provider: 'anthropic', model: 'claude-sonnet-4-5', ok: true, error: null });
    expect(typeof response.json<{ latencyMs: number }>().latencyMs).toBe('number');
    expect(JSON.stringify(server.requests[0]!.body)).toContain('"max_tokens":16');
    server.reply({ status: 401 });
    const failed = await foundry.app.inject({ method: 'POST', url: `/api/workspaces/${a.workspaceId}/models/chat/test`, headers: as(a) });
    expect(failed.json()).toMatchObject({ ok: false, error: { code: 'MODEL_PROVIDER_UNAUTHORIZED' } });
    expect(failed.body).not.toContain(workspaceKey);
    const { rows } = await foundry.database.pool.query<{ n: string }>("select count(*) as n from model_usage where workspace_id = $1 and operation = 'test'", [a.workspaceId]);
    expect(Number(rows[0]!.n)).toBe(1);
  });
});
