import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { createLogger, FoundryError } from '../kernel/index.ts';
import { createApiClient, type ApiClientOptions } from './api-client.ts';
import { exitOnSignals } from './exit-on-signals.ts';
import { registerFoundryTools, type ApiFor } from './foundry-mcp-tools.ts';

export interface ServeMcpOptions {
  api: ApiClientOptions;
  /** Serve streamable HTTP on 127.0.0.1 at this port (0: a free one) instead of stdio. */
  httpPort?: number;
}

const instructions = 'Foundry runs projects with AI partners (product, software, builder and brand studios) and durable workflows. '
  + 'Start with list_projects or list_workflows; ids come from those lists. Errors start with a Foundry error code such as NOT_FOUND.';

function foundryMcpServer(api: ApiFor): McpServer {
  const server = new McpServer({ name: 'foundry', version: '0.1.0' }, { instructions });
  registerFoundryTools(server, api);
  return server;
}

/**
 * `foundry mcp`: Foundry as an MCP server for MCP clients (Claude Desktop, IDEs), acting through
 * the HTTP API of a running Foundry with the CLI's URL and token. Over stdio by default (stdout
 * carries the protocol only; messages go to stderr). With `httpPort`, streamable HTTP on
 * 127.0.0.1 at `/mcp`, stateless; callers must send the same token as `Authorization: Bearer`,
 * and requests whose Host is not 127.0.0.1 or localhost are refused (DNS rebinding).
 */
export async function serveMcp(options: ServeMcpOptions): Promise<void> {
  const token = options.api.token;
  if (!token) throw new FoundryError({ code: 'TOKEN_REQUIRED', status: 401, message: 'foundry mcp acts as you: pass --token or set FOUNDRY_TOKEN (create one with `foundry token create`).' });
  const api: ApiFor = (workspace) => createApiClient({ ...options.api, ...(workspace ? { workspace } : {}) });
  const logger = createLogger({ level: 'info', destination: process.stderr });
  if (options.httpPort === undefined) {
    const server = foundryMcpServer(api);
    await server.connect(new StdioServerTransport());
    exitOnSignals(logger, () => server.close());
    return;
  }
  const expected = Buffer.from(`Bearer ${token}`);
  const authorised = (req: IncomingMessage) => {
    const given = Buffer.from(req.headers.authorization ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  let hosts = new Set<string>();
  const http = createServer((req, res) => {
    const refuse = (status: number, message: string) => res.writeHead(status, { 'content-type': 'application/json' })
      .end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== '/mcp') return refuse(404, 'Not found: the endpoint is /mcp.');
    if (!hosts.has(req.headers.host ?? '')) return refuse(403, 'Host not allowed.');
    if (!authorised(req)) return refuse(401, 'Send the Foundry token as Authorization: Bearer <token>.');
    const server = foundryMcpServer(api);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    server.connect(transport).then(() => transport.handleRequest(req, res)).catch((error: unknown) => {
      logger.error({ err: error }, 'MCP request failed');
      if (!res.headersSent) refuse(500, 'Internal error.');
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.httpPort, '127.0.0.1', resolve);
  });
  const { port } = http.address() as AddressInfo;
  hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  process.stderr.write(`Foundry MCP server on http://127.0.0.1:${port}/mcp (acting on ${options.api.url})\n`);
  exitOnSignals(logger, async () => {
    http.closeAllConnections();
    await new Promise((resolve) => http.close(resolve));
  });
}
