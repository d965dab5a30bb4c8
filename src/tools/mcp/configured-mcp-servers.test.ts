import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../kernel/index.ts';
import { configuredMcpServers } from './configured-mcp-servers.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'foundry-mcp-config-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const file = async (name: string, value: unknown) => {
  const path = join(dir, name);
  await writeFile(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};
const config = (env: Record<string, string>) => loadConfig({ env });
const inline = '[{"name":"files","transport":"stdio","command":"mcp-files"}]';

describe('configuredMcpServers', () => {
  it('adds the servers of FOUNDRY_MCP_SERVERS_FILE to those of FOUNDRY_MCP_SERVERS', async () => {
    const path = await file('servers.json', [{ name: 'crm', transport: 'http', url: 'https://crm.example/mcp', headers: { authorization: 'Bearer k' } }]);
    expect((await configuredMcpServers(config({ FOUNDRY_MCP_SERVERS: inline, FOUNDRY_MCP_SERVERS_FILE: path }))).map((s) => [s.name, s.transport])).toEqual([
      ['files', 'stdio'], ['crm', 'http'],
    ]);
    expect(await configuredMcpServers(config({}))).toEqual([]);
  });

  it('refuses a missing file, an invalid file and a name used in both, with CONFIG_INVALID', async () => {
    await expect(configuredMcpServers(config({ FOUNDRY_MCP_SERVERS_FILE: join(dir, 'missing.json') }))).rejects.toMatchObject({
      code: 'CONFIG_INVALID', message: expect.stringContaining('missing.json'),
    });
    const invalid = await file('invalid.json', [{ name: 'x', transport: 'http', url: 'not a url' }]);
    await expect(configuredMcpServers(config({ FOUNDRY_MCP_SERVERS_FILE: invalid }))).rejects.toMatchObject({
      code: 'CONFIG_INVALID', message: expect.stringMatching(/invalid\.json\): \[0\]\.url: must be an http\(s\) URL/),
    });
    const twice = await file('twice.json', [{ name: 'files', transport: 'stdio', command: 'other' }]);
    await expect(configuredMcpServers(config({ FOUNDRY_MCP_SERVERS: inline, FOUNDRY_MCP_SERVERS_FILE: twice }))).rejects.toMatchObject({
      code: 'CONFIG_INVALID', message: expect.stringContaining('twice.json[0].name: "files" is configured twice'),
    });
  });
});
