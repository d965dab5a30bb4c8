import type { Readable } from 'node:stream';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { McpServerConfig } from '../../kernel/index.ts';
import { guardedFetch } from '../guarded-fetch.ts';
import type { SsrfGuardOptions } from '../ssrf-guard.ts';

export interface McpTransport {
  transport: Transport;
  /** The server process's stderr (stdio servers), for the logs. */
  stderr: Readable | undefined;
}

/**
 * The client side of one connection. A stdio server is a child process with the few environment
 * variables the SDK passes on (PATH, HOME, ...) plus its configured `env`; an HTTP server is reached
 * through the SSRF guard on every request, the stream included.
 */
export function createMcpTransport(server: McpServerConfig, guard: SsrfGuardOptions): McpTransport {
  if (server.transport === 'stdio') {
    const transport = new StdioClientTransport({
      command: server.command, args: server.args, env: server.env, stderr: 'pipe', ...(server.cwd === undefined ? {} : { cwd: server.cwd }),
    });
    return { transport, stderr: (transport.stderr as Readable | null) ?? undefined };
  }
  const transport = new StreamableHTTPClientTransport(new URL(server.url), {
    requestInit: { headers: server.headers },
    fetch: (url, init) => guardedFetch(url, { ...init, guard }),
  });
  return { transport, stderr: undefined };
}
