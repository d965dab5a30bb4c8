import { readFile } from 'node:fs/promises';
import { checkMcpServers, ConfigError, type Config, type McpServerConfig } from '../../kernel/index.ts';

/**
 * The MCP servers of FOUNDRY_MCP_SERVERS followed by those of FOUNDRY_MCP_SERVERS_FILE, checked
 * together; a missing or invalid file, or a name used twice, is CONFIG_INVALID.
 */
export async function configuredMcpServers(config: Pick<Config, 'mcpServers' | 'mcpServersFile'>): Promise<McpServerConfig[]> {
  if (config.mcpServersFile === undefined) return config.mcpServers;
  const path = config.mcpServersFile;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError({ message: `FOUNDRY_MCP_SERVERS_FILE: cannot read ${path}.`, cause: error });
  }
  const fromFile = checkMcpServers(text);
  if ('problems' in fromFile) {
    throw new ConfigError({ message: `FOUNDRY_MCP_SERVERS_FILE (${path}): ${fromFile.problems.join('; ')}`, details: { problems: fromFile.problems } });
  }
  const both = checkMcpServers([...config.mcpServers, ...fromFile.servers]);
  if ('problems' in both) {
    const problems = both.problems.map((p) => p.replace(/^\[(\d+)\]/, (_, i: string) => (Number(i) < config.mcpServers.length ? `FOUNDRY_MCP_SERVERS[${i}]` : `${path}[${Number(i) - config.mcpServers.length}]`)));
    throw new ConfigError({ message: `MCP servers: ${problems.join('; ')}`, details: { problems } });
  }
  return both.servers;
}
