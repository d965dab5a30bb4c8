import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoleSettingView } from '../../src/models/index.ts';
import { as, createTestFoundry, signUpUser, type Account, type TestFoundry } from '../support/test-foundry.ts';

/**
 * The workspace model settings API: the role views and where they come from, saving and removing
 * a role's provider, validation (roles, providers, credentials, SSRF), permissions and tenancy.
 */

const environmentKey = 'sk-ant-environment-secret-77';
let foundry: TestFoundry;
let a: Account;
let b: Account;
let editor: Account;
let viewer: Account;
let credentialOfA: string;
let credentialOfB: string;

async function call<T>(account: Account, method: 'GET' | 'PUT' | 'DELETE' | 'POST', url: string, payload?: object) {
  const response = await foundry.app.inject({ method, url, headers: as(account), ...(payload ? { payload } : {}) });
  expect(response.body).not.toContain(environmentKey);
  return { status: response.statusCode, body: response.json<T & { error?: { code: string; message: string; details?: unknown } }>() };
}
const models = (account: Account, workspaceId = a.workspaceId) => call<{ roles: RoleSettingView[] }>(account, 'GET', `/api/workspaces/${workspaceId}/models`);
const put = (account: Account, role: string, payload: object, workspaceId = a.workspaceId) =>
  call<RoleSettingView>(account, 'PUT', `/api/workspaces/${workspaceId}/models/${role}`, payload);

async function member(role: 'editor' | 'viewer'): Promise<Account> {
  const account = await signUpUser(foundry, `An ${role}`);
  const added = await foundry.app.inject({ method: 'POST', url: '/api/workspace/members', headers: as(a), payload: { email: account.email, role } });
  expect(added.statusCode, added.body).toBe(201);
  return { ...account, workspaceId: a.workspaceId };
}

async function credential(account: Account, secret: string): Promise<string> {
  const response = await foundry.app.inject({ method: 'POST', url: '/api/credentials', headers: as(account), payload: { name: `key ${secret}`, kind: 'api_key', secret } });
  return response.json<{ id: string }>().id;
}

beforeAll(async () => {
  foundry = await createTestFoundry({ anthropicApiKey: environmentKey, openaiBaseUrl: 'http://127.0.0.1:11434/v1' });
  a = await signUpUser(foundry, 'Models A');
  b = await signUpUser(foundry, 'Models B');
  editor = await member('editor');
  viewer = await member('viewer');
  credentialOfA = await credential(a, 'sk-a-openai');
  credentialOfB = await credential(b, 'sk-b-openai');
});
afterAll(async () => {
  await foundry?.dispose();
});

describe('GET /api/workspaces/:id/models', () => {
  it('lists every role with the environment configuration or the built-in default, to any member, without secrets', async () => {
    const { status, body } = await models(viewer);
    expect(status).toBe(200);
    expect(body.roles).toEqual([
      { role: 'chat', provider: 'anthropic', model: 'claude-haiku-4-5', baseUrl: null, credentialId: null, source: 'environment' },
      { role: 'extraction', provider: 'anthropic', model: 'claude-haiku-4-5', baseUrl: null, credentialId: null, source: 'environment' },
      { role: 'coding', provider: 'anthropic', model: 'claude-haiku-4-5', baseUrl: null, credentialId: null, source: 'environment' },
      { role: 'embedding', provider: 'builtin', model: 'builtin-1', baseUrl: null, credentialId: null, source: 'default' },
      { role: 'image', provider: 'builtin', model: 'builtin-1', baseUrl: null, credentialId: null, source: 'default' },
    ]);
  });
});

describe('PUT /api/workspaces/:id/models/:role', () => {
  it("sets a role's provider for the workspace only, and audits it", async () => {
    const saved = await put(a, 'chat', { provider: 'openai', model: 'gpt-4.1', credentialId: credentialOfA });
    expect(saved).toEqual({ status: 200, body: { role: 'chat', provider: 'openai', model: 'gpt-4.1', baseUrl: null, credentialId: credentialOfA, source: 'workspace' } });
    expect((await models(viewer)).body.roles[0]).toMatchObject({ provider: 'openai', source: 'workspace' });
    expect((await models(b, b.workspaceId)).body.roles[0]).toMatchObject({ provider: 'anthropic', source: 'environment' });
    const replaced = await put(a, 'chat', { provider: 'anthropic', model: 'claude-sonnet-4-5' });
    expect(replaced.body).toMatchObject({ provider: 'anthropic', model: 'claude-sonnet-4-5', credentialId: null });
    const audit = await call<{ items: { action: string; details: Record<string, unknown> }[] }>(a, 'GET', '/api/audit?limit=20');
    const entries = audit.body.items.filter((e) => e.action === 'model_settings.updated');
    expect(entries[0]?.details).toMatchObject({ role: 'chat', provider: 'anthropic', model: 'claude-sonnet-4-5' });
  });

  it('accepts an OpenAI-compatible server at the base URL the operator configured, even on loopback', async () => {
    const saved = await put(a, 'embedding', { provider: 'openai-compatible', model: 'nomic-embed-text', baseUrl: 'http://127.0.0.1:11434/v1' });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.baseUrl).toBe('http://127.0.0.1:11434/v1');
  });

  it.each([
    ['a loopback address', 'http://127.0.0.2:11434/v1'],
    ["another port of the operator's host", 'http://127.0.0.1:5432/v1'],
    ['a private address', 'http://10.0.0.5:8000/v1'],
    ['the cloud metadata address', 'http://169.254.169.254/latest'],
  ])('refuses a base URL on %s (FOUNDRY_SSRF_ALLOW would allow it)', async (_label, baseUrl) => {
    const refused = await put(a, 'coding', { provider: 'openai-compatible', model: 'qwen2.5-coder', baseUrl });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.code).toBe('OUTBOUND_URL_REFUSED');
    expect((await models(a)).body.roles[2]).toMatchObject({ source: 'environment' });
  });

  it.each([
    ['an OpenAI-compatible provider without a base URL', 'chat', { provider: 'openai-compatible', model: 'llama3.2' }, 'VALIDATION_FAILED'],
    ['a provider that is not one', 'chat', { provider: 'mistral', model: 'x' }, 'VALIDATION_FAILED'],
    ['a base URL that is not http(s)', 'chat', { provider: 'openai', model: 'x', baseUrl: 'ftp://example.com/v1' }, 'VALIDATION_FAILED'],
    ['the built-in engine with a credential', 'chat', { provider: 'builtin', model: 'builtin', credentialId: '00000000-0000-4000-8000-000000000000' }, 'VALIDATION_FAILED'],
    ['Anthropic for embeddings', 'embedding', { provider: 'anthropic', model: 'claude-haiku-4-5' }, 'PROVIDER_ROLE_UNSUPPORTED'],
    ['an empty model', 'chat', { provider: 'openai', model: '  ' }, 'VALIDATION_FAILED'],
  ])('refuses %s', async (_label, role, payload, code) => {
    const refused = await put(a, role, payload);
    expect(refused.status).toBe(400);
    expect(refused.body.error?.code).toBe(code);
  });

  it('refuses an unknown role', async () => {
    expect((await put(a, 'poetry', { provider: 'openai', model: 'gpt-4.1' })).status).toBe(400);
  });

  it("refuses another workspace's credential as if it did not exist", async () => {
    const refused = await put(a, 'extraction', { provider: 'openai', model: 'gpt-4.1-mini', credentialId: credentialOfB });
    expect(refused.status).toBe(404);
    expect(refused.body.error?.code).toBe('CREDENTIAL_NOT_FOUND');
    expect((await models(a)).body.roles[1]).toMatchObject({ source: 'environment' });
  });

  it('lets only owners and admins change settings', async () => {
    for (const account of [editor, viewer]) {
      expect((await put(account, 'extraction', { provider: 'builtin', model: 'builtin' })).status).toBe(403);
      expect((await call(account, 'DELETE', `/api/workspaces/${a.workspaceId}/models/chat`)).status).toBe(403);
      expect((await call(account, 'POST', `/api/workspaces/${a.workspaceId}/models/chat/test`)).status).toBe(403);
    }
  });
});

describe('tenancy', () => {
  it("answers another workspace's settings 404, and changes nothing", async () => {
    const before = (await models(a)).body;
    expect((await models(b)).body.error?.code).toBe('WORKSPACE_NOT_FOUND');
    expect((await put(b, 'chat', { provider: 'openai', model: 'gpt-4.1', credentialId: credentialOfB })).status).toBe(404);
    expect((await call(b, 'DELETE', `/api/workspaces/${a.workspaceId}/models/chat`)).status).toBe(404);
    expect((await call(b, 'POST', `/api/workspaces/${a.workspaceId}/models/chat/test`)).status).toBe(404);
    expect((await models(a)).body).toEqual(before);
  });
});

describe('DELETE /api/workspaces/:id/models/:role', () => {
  it("returns the role to the environment's configuration", async () => {
    const removed = await call<RoleSettingView>(a, 'DELETE', `/api/workspaces/${a.workspaceId}/models/chat`);
    expect(removed).toEqual({ status: 200, body: { role: 'chat', provider: 'anthropic', model: 'claude-haiku-4-5', baseUrl: null, credentialId: null, source: 'environment' } });
    expect((await models(a)).body.roles[0]).toMatchObject({ source: 'environment' });
    expect((await call<RoleSettingView>(a, 'DELETE', `/api/workspaces/${a.workspaceId}/models/chat`)).body).toEqual(removed.body);
  });
});

describe('POST /api/workspaces/:id/models/:role/test', () => {
  it('reports the built-in engine as working without calling anything', async () => {
    const tested = await call<{ ok: boolean }>(a, 'POST', `/api/workspaces/${a.workspaceId}/models/image/test`);
    expect(tested.status).toBe(200);
    expect(tested.body).toMatchObject({ role: 'image', provider: 'builtin', ok: true, error: null });
  });
});
