import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import type { Logger, McpServerConfig } from '../../kernel/index.ts';
import type { SsrfGuardOptions } from '../ssrf-guard.ts';
import { McpServerUnavailableError, mcpErrorOf } from './mcp-errors.ts';
import { createMcpTransport } from './mcp-transport.ts';

/** The `_meta` key that carries the step's idempotency key on every tool call. */
export const idempotencyMetaKey = 'dev.foundry/idempotency-key';

export interface McpConnectionOptions {
  server: McpServerConfig;
  guard: SsrfGuardOptions;
  logger: Logger;
  /**
   * Waits before reconnecting after repeated failures: none for the first, then `initialMs`,
   * doubling up to `maxMs`; a successful call starts over.
   * @default { initialMs: 250, maxMs: 30_000 }
   */
  backoff?: { initialMs: number; maxMs: number };
}

export interface McpCall {
  idempotencyKey: string;
  signal: AbortSignal;
}

/** One MCP server: connected at startup, and reconnected (a stdio server restarted) on the next call after the connection died. */
export interface McpConnection {
  readonly name: string;
  /** Connects and lists the server's tools; throws the typed error when it cannot. */
  connect(): Promise<Tool[]>;
  /** Calls a tool with the idempotency key in `_meta`; the signal cancels the request on the server. */
  callTool(tool: string, args: Record<string, unknown>, call: McpCall): Promise<CallToolResult>;
  close(): Promise<void>;
}

const clientInfo = { name: 'foundry', version: '0.1.0' };
const stderrTail = 4_000;

export function createMcpConnection(options: McpConnectionOptions): McpConnection {
  const { server, logger } = options;
  const backoff = options.backoff ?? { initialMs: 250, maxMs: 30_000 };
  const where = { server: server.name };
  let client: Client | undefined;
  let opening: Promise<{ client: Client; tools: Tool[] }> | undefined;
  let failures = 0;
  let failedAt = 0;
  let closed = false;
  const shutdown = new AbortController();

  const fail = (dead: Client) => {
    if (client !== dead) return;
    client = undefined;
    failures += 1;
    failedAt = Date.now();
  };

  const open = async (): Promise<{ client: Client; tools: Tool[] }> => {
    const delay = failures <= 1 ? 0 : Math.min(backoff.maxMs, backoff.initialMs * 2 ** (failures - 2));
    const wait = failedAt + delay - Date.now();
    if (wait > 0) {
      await sleep(wait, undefined, { signal: shutdown.signal }).catch(() => {
        throw new McpServerUnavailableError(where, 'Foundry is shutting down');
      });
    }
    const { transport, stderr } = createMcpTransport(server, options.guard);
    let tail = '';
    stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      tail = (tail + chunk).slice(-stderrTail);
      logger.debug({ mcpServer: server.name, stderr: chunk.trimEnd() }, 'MCP server stderr');
    });
    const connecting = new Client(clientInfo, { capabilities: {} });
    connecting.onclose = () => {
      if (client !== connecting) return;
      fail(connecting);
      if (!closed) logger.warn({ mcpServer: server.name, stderr: tail.trimEnd() || undefined }, 'MCP server connection closed; it reconnects on next use');
    };
    connecting.onerror = (error) => logger.debug({ mcpServer: server.name, err: error }, 'MCP transport error');
    try {
      await connecting.connect(transport, { timeout: server.timeoutMs });
      const tools: Tool[] = [];
      let cursor: string | undefined;
      do {
        const page = await connecting.listTools(cursor === undefined ? undefined : { cursor }, { timeout: server.timeoutMs });
        tools.push(...page.tools);
        cursor = page.nextCursor;
      } while (cursor !== undefined);
      return { client: connecting, tools };
    } catch (error) {
      failures += 1;
      failedAt = Date.now();
      await connecting.close().catch(() => undefined);
      throw mcpErrorOf(error, where);
    }
  };

  /** The one connection attempt in progress, shared by every caller. */
  const opened = (): Promise<{ client: Client; tools: Tool[] }> => {
    opening ??= open().then(async (result) => {
      if (closed) {
        await result.client.close().catch(() => undefined);
        throw new McpServerUnavailableError(where, 'Foundry is shutting down');
      }
      client = result.client;
      return result;
    }).finally(() => {
      opening = undefined;
    });
    return opening;
  };

  const ready = async (signal: AbortSignal): Promise<Client> => {
    if (closed) throw new McpServerUnavailableError(where, 'Foundry is shutting down');
    if (client) return client;
    signal.throwIfAborted();
    const pending = opened();
    return new Promise<Client>((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      pending.then((r) => resolve(r.client), reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  };

  return {
    name: server.name,
    connect: async () => (await opened()).tools,
    async callTool(tool, args, call) {
      const connected = await ready(call.signal);
      try {
        const result = await connected.callTool(
          { name: tool, arguments: args, _meta: { [idempotencyMetaKey]: call.idempotencyKey } },
          undefined,
          { signal: call.signal, timeout: server.timeoutMs, resetTimeoutOnProgress: true },
        );
        failures = 0;
        return result as CallToolResult;
      } catch (error) {
        if (call.signal.aborted) throw call.signal.reason;
        const mapped = mcpErrorOf(error, { ...where, tool });
        if (mapped instanceof McpServerUnavailableError && client === connected) {
          fail(connected);
          void connected.close().catch(() => undefined);
        }
        throw mapped;
      }
    },
    async close() {
      closed = true;
      shutdown.abort();
      await opening?.catch(() => undefined);
      const current = client;
      client = undefined;
      await current?.close().catch(() => undefined);
    },
  };
}
