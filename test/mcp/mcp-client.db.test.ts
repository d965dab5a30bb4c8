import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunView } from '../../src/engine/index.ts';
import type { McpServerConfig } from '../../src/kernel/index.ts';
import { fixturePath, startFixtureHttpServer, type FixtureHttpServer } from '../support/mcp-fixture-server.ts';
import { as, createTestFoundry, signUpUser, type Account, type TestFoundry } from '../support/test-foundry.ts';

/** Foundry as an MCP client: a real fixture server over stdio and over streamable HTTP, used by workflow runs. */

let http: FixtureHttpServer;
let foundry: TestFoundry;
let owner: Account;

const stdio = (): McpServerConfig => ({ name: 'fixture', transport: 'stdio', command: process.execPath, args: [fixturePath], env: {}, timeoutMs: 30_000 });
const remote = (): McpServerConfig => ({ name: 'remote', transport: 'http', url: http.url, headers: {}, timeoutMs: 30_000 });

beforeAll(async () => {
  http = await startFixtureHttpServer();
  foundry = await createTestFoundry({ mcpServers: [stdio(), remote()], ssrfAllow: ['127.0.0.1/32'] });
  owner = await signUpUser(foundry, 'MCP User');
});
afterAll(async () => {
  await foundry?.dispose();
  await http?.close();
});

async function runToEnd(nodes: Record<string, unknown>[], input: Record<string, unknown> = {}): Promise<RunView> {
  const definition = {
    name: 'MCP', nodes: [{ id: 'start', type: 'trigger', name: 'Start' }, ...nodes],
    edges: ['start', ...nodes.map((n) => n.id as string)].slice(1).map((to, i, all) => ({ from: i === 0 ? 'start' : all[i - 1]!, to })),
  };
  const started = await foundry.app.inject({ method: 'POST', url: '/api/runs', headers: as(owner), payload: { definition, input } });
  expect(started.statusCode, started.body).toBe(202);
  for (let i = 0; i < 600; i++) {
    const run = (await foundry.app.inject({ method: 'GET', url: `/api/runs/${started.json().id}`, headers: as(owner) })).json<RunView>();
    if (['succeeded', 'failed', 'compensated', 'cancelled'].includes(run.status)) return run;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('run did not end');
}

const action = (id: string, tool: string, input: Record<string, string>, policies?: Record<string, unknown>) => ({
  id, type: 'action', name: id, config: { tool, input }, ...(policies ? { policies } : {}),
});

describe('MCP servers configured by the operator', () => {
  it('lists their tools in /api/plugins with the JSON Schema of each', async () => {
    const listed = (await foundry.app.inject({ method: 'GET', url: '/api/plugins', headers: as(owner) })).json<{ plugins: string[]; tools: { name: string; inputSchema: unknown }[] }>();
    expect(listed.plugins).toContain('mcp');
    const names = listed.tools.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['mcp.fixture.echo', 'mcp.fixture.refuse', 'mcp.remote.echo', 'mcp.remote.seen']));
    expect(listed.tools.find((t) => t.name === 'mcp.fixture.echo')?.inputSchema).toMatchObject({ type: 'object', required: ['text'] });
  });

  it('runs a workflow whose action calls an MCP tool over stdio, forwarding the step idempotency key', async () => {
    const run = await runToEnd([
      action('echo', 'mcp.fixture.echo', { text: 'input.word', times: '2' }),
      { id: 'out', type: 'output', name: 'Out', config: { value: 'steps.echo.structuredContent' } },
    ], { word: 'case' });
    expect(run.status).toBe('succeeded');
    const attempt = run.steps.find((s) => s.nodeId === 'echo')!.attempts[0]!;
    expect(run.output).toEqual({ out: { text: 'casecase', idempotencyKey: attempt.idempotencyKey, pid: expect.any(Number) } });
  });

  it('runs the same over streamable HTTP, and the remote server saw the key', async () => {
    const run = await runToEnd([action('echo', 'mcp.remote.echo', { text: '"remote"' })]);
    expect(run.status).toBe('succeeded');
    const attempt = run.steps.find((s) => s.nodeId === 'echo')!.attempts[0]!;
    expect(http.seen.keys).toContain(attempt.idempotencyKey);
  });

  it('fails the step for good on a tool error or an input the server schema refuses', async () => {
    const refused = await runToEnd([action('ask', 'mcp.fixture.refuse', { reason: '"out of stock"' })]);
    expect(refused.status).toBe('failed');
    expect(refused.error).toMatchObject({ code: 'MCP_TOOL_ERROR', nodeId: 'ask' });
    expect(refused.steps.find((s) => s.nodeId === 'ask')!.attempts).toHaveLength(1);
    const invalid = await runToEnd([action('echo', 'mcp.fixture.echo', { text: '""' })]);
    expect(invalid.error).toMatchObject({ code: 'TOOL_INPUT_INVALID' });
  });

  it('restarts a stdio server that died, on the next call', async () => {
    const run = await runToEnd([
      action('before', 'mcp.fixture.echo', { text: '"one"' }),
      action('crash', 'mcp.fixture.crash', {}, { retry: { maxAttempts: 1 }, allowFailure: true }),
      action('after', 'mcp.fixture.echo', { text: '"two"' }),
    ]);
    expect(run.status).toBe('succeeded');
    const step = (id: string) => run.steps.find((s) => s.nodeId === id)!;
    expect(step('crash').error).toMatchObject({ code: 'MCP_SERVER_UNAVAILABLE' });
    const pid = (id: string) => (step(id).output as { structuredContent: { pid: number } }).structuredContent.pid;
    expect(pid('after')).not.toBe(pid('before'));
  });
});

describe('an HTTP MCP server on a private address without FOUNDRY_SSRF_ALLOW', () => {
  it('is refused: Foundry starts without its tools', async () => {
    const strict = await createTestFoundry({ mcpServers: [remote()] });
    try {
      const user = await signUpUser(strict);
      const listed = (await strict.app.inject({ method: 'GET', url: '/api/plugins', headers: as(user) })).json<{ tools: { name: string }[] }>();
      expect(listed.tools.map((t) => t.name).filter((n) => n.startsWith('mcp.'))).toEqual([]);
    } finally {
      await strict.dispose();
    }
  });
});
