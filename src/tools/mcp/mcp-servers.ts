import type { FoundryPlugin, Logger, McpServerConfig } from '../../kernel/index.ts';
import { ssrfAllowList } from '../http-request-tool.ts';
import type { SsrfGuardOptions } from '../ssrf-guard.ts';
import type { McpConnectionOptions } from './mcp-connection.ts';

export interface ConnectMcpServersOptions {
  servers: McpServerConfig[];
  /** FOUNDRY_SSRF_ALLOW: what HTTP servers may be besides public addresses. */
  ssrfAllow: string[];
  logger: Logger;
  /** Test seam for DNS of HTTP servers. */
  resolve?: SsrfGuardOptions['resolve'];
  backoff?: McpConnectionOptions['backoff'];
}

export interface McpServers {
  /** The `mcp` plugin with the tools of every server that connected; none when no server is configured. */
  plugins: FoundryPlugin[];
  /** Disconnects every server (stopping stdio server processes). */
  close(): Promise<void>;
}

/**
 * Connects the configured MCP servers at once and registers their tools. A server that fails to
 * connect is logged and left out (its tools are absent); the others still serve.
 */
export async function connectMcpServers(options: ConnectMcpServersOptions): Promise<McpServers> {
  if (options.servers.length === 0) return { plugins: [], close: async () => undefined };
  // The MCP SDK takes a second to load: only processes with servers configured pay for it.
  const [{ createMcpConnection }, { mcpTool }] = await Promise.all([import('./mcp-connection.ts'), import('./mcp-tool.ts')]);
  const guard: SsrfGuardOptions = { allow: ssrfAllowList(options.ssrfAllow), ...(options.resolve ? { resolve: options.resolve } : {}) };
  const connections = options.servers.map((server) => createMcpConnection({
    server, guard, logger: options.logger, ...(options.backoff ? { backoff: options.backoff } : {}),
  }));
  const listed = await Promise.all(connections.map(async (connection) => {
    try {
      const tools = await connection.connect();
      options.logger.info({ mcpServer: connection.name, tools: tools.length }, 'MCP server connected');
      return tools.map((tool) => mcpTool(connection, tool));
    } catch (error) {
      options.logger.error({ mcpServer: connection.name, err: error }, 'MCP server failed to connect; its tools are not available');
      await connection.close();
      return [];
    }
  }));
  return {
    plugins: [{ name: 'mcp', tools: listed.flat() }],
    close: async () => void (await Promise.all(connections.map((c) => c.close()))),
  };
}
