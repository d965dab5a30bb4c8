import { Writable } from 'node:stream';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePath, startFixtureHttpServer, type FixtureHttpServer } from '../../../test/support/mcp-fixture-server.ts';
import { createLogger, type McpServerConfig, type ToolCallContext, type ToolRegistration } from '../../kernel/index.ts';
import { mcpErrorOf } from './mcp-errors.ts';
import { connectMcpServers, type McpServers } from './mcp-servers.ts';

/** A logger whose JSON lines the test can read. */
function recordingLogger() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger({ level: 'info', destination }), lines };
}

const stdioFixture: McpServerConfig = { name: 'fixture', transport: 'stdio', command: process.execPath, args: [fixturePath], env: {}, timeoutMs: 30_000 };
const call = (over: Partial<ToolCallContext> = {}): ToolCallContext => ({
  workspaceId: 'w', runId: 'r', stepId: 's', idempotencyKey: 'fdy-key-1', signal: new AbortController().signal, ...over,
});
const toolOf = (servers: McpServers, name: string): ToolRegistration => {
  const tool = servers.plugins.flatMap((p) => p.tools ?? []).find((t) => t.name === name);
  if (!tool?.execute) throw new Error(`no tool ${name}`);
  return tool;
};
const run = (tool: ToolRegistration, input: Record<string, unknown>, context = call()) => tool.execute!(input, context);

describe('MCP servers over stdio', { timeout: 60_000 }, () => {
  let servers: McpServers;
  const log = recordingLogger();
  beforeAll(async () => {
    servers = await connectMcpServers({ servers: [stdioFixture], ssrfAllow: [], logger: log.logger, backoff: { initialMs: 10, maxMs: 50 } });
  }, 60_000);
  afterAll(async () => servers?.close());

  it('registers every tool of the server as mcp.<server>.<tool>, with its JSON Schema', () => {
    const [plugin] = servers.plugins;
    expect(plugin?.name).toBe('mcp');
    expect(plugin?.tools?.map((t) => t.name).sort()).toEqual(['mcp.fixture.crash', 'mcp.fixture.echo', 'mcp.fixture.refuse', 'mcp.fixture.seen', 'mcp.fixture.wait']);
    const echo = toolOf(servers, 'mcp.fixture.echo');
    expect(echo.description).toBe('Echoes a text, with the idempotency key it received.');
    expect(echo.jsonSchemas?.input).toMatchObject({ type: 'object', properties: { text: { type: 'string', minLength: 1 } }, required: ['text'] });
    expect(echo.jsonSchemas?.output).toMatchObject({ properties: { structuredContent: { properties: { idempotencyKey: expect.any(Object) } } } });
  });

  it("checks the input against the server's schema before calling", () => {
    const checked = toolOf(servers, 'mcp.fixture.echo').inputSchema!.safeParse({ times: 9 });
    expect(checked.success).toBe(false);
    expect(checked.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['text', 'times']);
  });

  it('calls the tool with the idempotency key in _meta and returns text, content and structured content', async () => {
    const { output } = await run(toolOf(servers, 'mcp.fixture.echo'), { text: 'ab', times: 2 }, call({ idempotencyKey: 'fdy-run-1-echo' }));
    expect(output).toMatchObject({ text: expect.stringContaining('"abab"'), content: [{ type: 'text' }], structuredContent: { text: 'abab', idempotencyKey: 'fdy-run-1-echo' } });
  });

  it('maps an isError result to MCP_TOOL_ERROR, which is not retried', async () => {
    await expect(run(toolOf(servers, 'mcp.fixture.refuse'), { reason: 'no stock' })).rejects.toMatchObject({
      code: 'MCP_TOOL_ERROR', retryable: false, message: expect.stringContaining('refused: no stock'), details: { server: 'fixture', tool: 'refuse' },
    });
  });

  it('cancels the request on the server when the step is aborted', async () => {
    const controller = new AbortController();
    const pending = run(toolOf(servers, 'mcp.fixture.wait'), {}, call({ signal: controller.signal }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    controller.abort(new Error('step cancelled'));
    await expect(pending).rejects.toThrow('step cancelled');
    for (let i = 0; i < 100; i++) {
      const { output } = await run(toolOf(servers, 'mcp.fixture.seen'), {});
      if ((output as { structuredContent: { cancelled: number } }).structuredContent.cancelled === 1) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('the server never saw the cancellation');
  });

  it('fails the calls in flight when the server process dies (retryable), and restarts it on next use', async () => {
    const echo = toolOf(servers, 'mcp.fixture.echo');
    const before = ((await run(echo, { text: 'x' })).output as { structuredContent: { pid: number } }).structuredContent.pid;
    await expect(run(toolOf(servers, 'mcp.fixture.crash'), {})).rejects.toMatchObject({ code: 'MCP_SERVER_UNAVAILABLE', retryable: true });
    const after = ((await run(echo, { text: 'y' })).output as { structuredContent: { pid: number; text: string } }).structuredContent;
    expect(after.text).toBe('y');
    expect(after.pid).not.toBe(before);
    expect(log.lines.some((l) => l.mcpServer === 'fixture' && String(l.msg).includes('connection closed'))).toBe(true);
  });
});

describe('MCP servers that cannot be used', { timeout: 60_000 }, () => {
  it('leaves out a server that fails to start, logs it, and keeps the others', async () => {
    const log = recordingLogger();
    const servers = await connectMcpServers({
      servers: [{ ...stdioFixture, name: 'missing', command: '/nonexistent/mcp-server' }, stdioFixture], ssrfAllow: [], logger: log.logger,
    });
    try {
      expect(servers.plugins[0]?.tools?.map((t) => t.name)).not.toContain(expect.stringMatching(/^mcp\.missing\./));
      expect(servers.plugins[0]?.tools?.length).toBe(5);
      expect(log.lines).toContainEqual(expect.objectContaining({ level: 50, mcpServer: 'missing', err: expect.objectContaining({ code: 'MCP_SERVER_UNAVAILABLE' }) }));
    } finally {
      await servers.close();
    }
  });

  it('registers nothing when no server is configured', async () => {
    expect((await connectMcpServers({ servers: [], ssrfAllow: [], logger: recordingLogger().logger })).plugins).toEqual([]);
  });
});

describe('MCP servers over streamable HTTP', { timeout: 60_000 }, () => {
  let fixture: FixtureHttpServer;
  beforeAll(async () => {
    fixture = await startFixtureHttpServer();
  });
  afterAll(async () => fixture?.close());
  const httpServer = (url = fixture.url): McpServerConfig => ({ name: 'remote', transport: 'http', url, headers: {}, timeoutMs: 30_000 });

  it('connects through the SSRF guard when FOUNDRY_SSRF_ALLOW allows the address, and calls tools', async () => {
    const servers = await connectMcpServers({ servers: [httpServer()], ssrfAllow: ['127.0.0.1/32'], logger: recordingLogger().logger });
    try {
      const { output } = await run(toolOf(servers, 'mcp.remote.echo'), { text: 'over http' }, call({ idempotencyKey: 'fdy-http-1' }));
      expect(output).toMatchObject({ structuredContent: { text: 'over http', idempotencyKey: 'fdy-http-1' } });
      expect(fixture.seen.keys).toContain('fdy-http-1');
      await expect(run(toolOf(servers, 'mcp.remote.refuse'), { reason: 'closed' })).rejects.toMatchObject({ code: 'MCP_TOOL_ERROR', retryable: false });
    } finally {
      await servers.close();
    }
  });

  it('refuses a loopback server without the allow list, leaving its tools out', async () => {
    const log = recordingLogger();
    const before = fixture.requests();
    const servers = await connectMcpServers({ servers: [httpServer()], ssrfAllow: [], logger: log.logger });
    expect(servers.plugins[0]?.tools).toEqual([]);
    expect(log.lines).toContainEqual(expect.objectContaining({ mcpServer: 'remote', err: expect.objectContaining({ code: 'OUTBOUND_URL_REFUSED' }) }));
    expect(fixture.requests()).toBe(before);
    await servers.close();
  });

  it('reports a server that went away as unavailable (retryable)', async () => {
    const gone = await startFixtureHttpServer();
    const servers = await connectMcpServers({ servers: [httpServer(gone.url)], ssrfAllow: ['127.0.0.1/32'], logger: recordingLogger().logger });
    try {
      await gone.close();
      await expect(run(toolOf(servers, 'mcp.remote.echo'), { text: 'hello?' })).rejects.toMatchObject({ code: 'MCP_SERVER_UNAVAILABLE', retryable: true });
    } finally {
      await servers.close();
    }
  });
});

describe('mcpErrorOf', () => {
  const where = { server: 's', tool: 't' };
  it('retries what a retry can fix and not what it cannot', () => {
    expect(mcpErrorOf(new McpError(ErrorCode.ConnectionClosed, 'closed'), where)).toMatchObject({ code: 'MCP_SERVER_UNAVAILABLE', retryable: true });
    expect(mcpErrorOf(new McpError(ErrorCode.RequestTimeout, 'slow'), where)).toMatchObject({ code: 'MCP_PROTOCOL_ERROR', retryable: true, details: { mcpCode: -32001 } });
    expect(mcpErrorOf(new McpError(ErrorCode.InternalError, 'boom'), where)).toMatchObject({ retryable: true });
    expect(mcpErrorOf(new McpError(ErrorCode.InvalidParams, 'bad'), where)).toMatchObject({ code: 'MCP_PROTOCOL_ERROR', retryable: false });
    expect(mcpErrorOf(new McpError(ErrorCode.MethodNotFound, 'no'), where)).toMatchObject({ retryable: false });
    expect(mcpErrorOf(new StreamableHTTPError(503, 'down'), where)).toMatchObject({ code: 'MCP_PROTOCOL_ERROR', retryable: true, details: { httpStatus: 503 } });
    expect(mcpErrorOf(new StreamableHTTPError(401, 'who?'), where)).toMatchObject({ retryable: false, details: { httpStatus: 401 } });
    expect(mcpErrorOf(new StreamableHTTPError(404, 'session'), where)).toMatchObject({ code: 'MCP_SERVER_UNAVAILABLE', retryable: true });
    expect(mcpErrorOf(new TypeError('fetch failed'), where)).toMatchObject({ code: 'MCP_SERVER_UNAVAILABLE', retryable: true });
  });
});
