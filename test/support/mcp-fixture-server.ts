import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { z } from 'zod';

/**
 * A real MCP server for tests, written with the SDK. Over stdio: `node test/support/mcp-fixture-server.ts`.
 * Over streamable HTTP: `startFixtureHttpServer()` on 127.0.0.1 in the test process.
 *
 * Tools: `echo` (returns its text, the `_meta` idempotency key it received and its pid),
 * `refuse` (an isError result), `crash` (the process exits, stdio only), `wait` (until cancelled,
 * or `ms`), `seen` (the idempotency keys and cancellations so far).
 */

export const fixturePath = fileURLToPath(import.meta.url);
const idempotencyMetaKey = 'dev.foundry/idempotency-key';

interface Seen {
  keys: string[];
  cancelled: number;
}

function fixtureServer(seen: Seen): McpServer {
  const server = new McpServer({ name: 'fixture', version: '1.0.0' });
  const json = (value: Record<string, unknown>) => ({ content: [{ type: 'text' as const, text: JSON.stringify(value) }], structuredContent: value });
  server.registerTool('echo', {
    description: 'Echoes a text, with the idempotency key it received.',
    inputSchema: { text: z.string().min(1), times: z.number().int().min(1).max(5).optional() },
    outputSchema: { text: z.string(), idempotencyKey: z.string().nullable(), pid: z.number() },
  }, async ({ text, times }, extra) => {
    const key = extra._meta?.[idempotencyMetaKey];
    if (typeof key === 'string') seen.keys.push(key);
    return json({ text: text.repeat(times ?? 1), idempotencyKey: typeof key === 'string' ? key : null, pid: process.pid });
  });
  server.registerTool('refuse', { description: 'Always refuses.', inputSchema: { reason: z.string() } }, async ({ reason }) => ({
    isError: true, content: [{ type: 'text', text: `refused: ${reason}` }],
  }));
  server.registerTool('crash', { description: 'Exits the server process.' }, async () => {
    setImmediate(() => process.exit(3));
    return new Promise(() => {});
  });
  server.registerTool('wait', { description: 'Waits until cancelled, or for ms.', inputSchema: { ms: z.number().int().optional() } }, async ({ ms }, extra) => {
    await new Promise<void>((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(resolve, ms);
      extra.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        seen.cancelled += 1;
        resolve();
      }, { once: true });
    });
    return json({ waited: true });
  });
  server.registerTool('seen', { description: 'What this server has seen.' }, async () => json({ ...seen }));
  return server;
}

export interface FixtureHttpServer {
  url: string;
  seen: Seen;
  /** HTTP requests received so far. */
  requests(): number;
  close(): Promise<void>;
}

/** The fixture over stateless streamable HTTP at `http://127.0.0.1:<port>/mcp`. */
export async function startFixtureHttpServer(): Promise<FixtureHttpServer> {
  const seen: Seen = { keys: [], cancelled: 0 };
  let requests = 0;
  const http: Server = createServer((req, res) => {
    requests += 1;
    if (req.url !== '/mcp') return void res.writeHead(404).end();
    const server = fixtureServer(seen);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    void server.connect(transport).then(() => transport.handleRequest(req, res));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`,
    seen,
    requests: () => requests,
    close: async () => {
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
    },
  };
}

if (process.argv[1] === fixturePath) {
  await fixtureServer({ keys: [], cancelled: 0 }).connect(new StdioServerTransport());
}
