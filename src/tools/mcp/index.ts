/** MCP client: the operator's MCP servers, their tools registered as `mcp.<server>.<tool>`. */
export * from './configured-mcp-servers.ts';
export * from './mcp-servers.ts';
export type { McpCall, McpConnection, McpConnectionOptions } from './mcp-connection.ts';
