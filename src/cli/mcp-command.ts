import type { Command } from 'commander';
import { ValidationError } from '../kernel/index.ts';
import type { ApiClientOptions } from './api-client.ts';
import { withApiOptions } from './api-options.ts';
import type { ActionWrapper } from './cli-output.ts';
import { serveMcp } from './mcp-server.ts';

/** `foundry mcp [--http PORT]`: Foundry served to MCP clients. */
export function addMcpCommand(program: Command, action: ActionWrapper): void {
  withApiOptions(program.command('mcp'))
    .description('serve Foundry to MCP clients (Claude Desktop, IDEs) over stdio, acting through the API of a running Foundry with your token')
    .option('--http <port>', 'serve streamable HTTP on 127.0.0.1:<port>/mcp instead of stdio (clients send the token as a bearer)')
    .action(action(async (_options: unknown, command: Command) => {
      const { http, ...api } = command.optsWithGlobals<ApiClientOptions & { http?: string; json?: boolean }>();
      const httpPort = http === undefined ? undefined : Number(http);
      if (httpPort !== undefined && !(Number.isInteger(httpPort) && httpPort >= 0 && httpPort <= 65535)) {
        throw new ValidationError({ message: '--http must be a port number (0 picks a free one).' });
      }
      await serveMcp({ api: { url: api.url, ...(api.token ? { token: api.token } : {}), ...(api.workspace ? { workspace: api.workspace } : {}) }, ...(httpPort === undefined ? {} : { httpPort }) });
    }));
}
