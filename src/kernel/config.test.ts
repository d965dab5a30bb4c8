import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configOptions, loadConfig } from './config.ts';
import { ConfigError } from './errors.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'foundry-config-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function configFile(name: string, content: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    const config = loadConfig({ env: {} });
    expect(config).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: resolve('./.foundry'),
      databaseUrl: undefined,
      embeddedPgPort: 0,
      dbPoolSize: 10,
      masterKey: undefined,
      logLevel: 'info',
      bodyLimitBytes: 1024 * 1024,
      artifactMaxBytes: 25 * 1024 * 1024,
      knowledgeMaxBytes: 50 * 1024 * 1024, knowledgeUrlTimeoutMs: 30_000,
      sessionTtlHours: 720,
      authRateLimit: 10,
      trustProxy: false,
      secureCookies: false,
      webDir: resolve('./dist/web'),
      pluginModules: [], ssrfAllow: [], mcpServers: [], mcpServersFile: undefined,
      worker: true, workerConcurrency: 20, runConcurrency: 16, workspaceConcurrency: 64, toolConcurrency: 16, leaseMs: 30_000,
      smtpPort: 0, smtpHost: '127.0.0.1', smtpMaxBytes: 10 * 1024 * 1024,
      modelProvider: undefined, openaiApiKey: undefined, openaiBaseUrl: undefined, anthropicApiKey: undefined, anthropicBaseUrl: undefined,
      modelChat: undefined, modelExtraction: undefined, modelCoding: undefined, modelEmbedding: undefined,
      modelTimeoutMs: 30_000, modelRetries: 2, modelCacheEntries: 1000,
    });
    expect(Object.keys(config).sort()).toEqual(Object.keys(configOptions).sort());
  });

  it('reads every option from its environment variable, coercing types', () => {
    const config = loadConfig({
      env: {
        PORT: '8080', HOST: '0.0.0.0', FOUNDRY_DATA_DIR: '/var/lib/foundry', DATABASE_URL: 'postgres://u:p@db.example:5432/foundry',
        FOUNDRY_PG_PORT: '5433', FOUNDRY_DB_POOL_SIZE: '25', FOUNDRY_LOG_LEVEL: 'debug', FOUNDRY_BODY_LIMIT: '2048',
        FOUNDRY_ARTIFACT_MAX_BYTES: '1000', FOUNDRY_KNOWLEDGE_MAX_BYTES: '2000', FOUNDRY_KNOWLEDGE_URL_TIMEOUT_MS: '5000', FOUNDRY_SESSION_TTL_HOURS: '1', FOUNDRY_AUTH_RATE_LIMIT: '99',
        FOUNDRY_SECURE_COOKIES: 'true', FOUNDRY_WEB_DIR: 'web', FOUNDRY_MASTER_KEY: 'k1:abc', FOUNDRY_TRUST_PROXY: '1',
        FOUNDRY_PLUGINS: 'a.ts, b.ts', FOUNDRY_SSRF_ALLOW: '10.1.0.0/16,api.internal', FOUNDRY_WORKER: 'false',
        FOUNDRY_MCP_SERVERS: '[{"name":"files","transport":"stdio","command":"mcp-files","args":["/srv"]}]', FOUNDRY_MCP_SERVERS_FILE: 'mcp.json', FOUNDRY_WORKER_CONCURRENCY: '5', FOUNDRY_RUN_CONCURRENCY: '4',
        FOUNDRY_WORKSPACE_CONCURRENCY: '8', FOUNDRY_TOOL_CONCURRENCY: '2', FOUNDRY_LEASE_MS: '5000',
        FOUNDRY_SMTP_PORT: '2525', FOUNDRY_SMTP_HOST: '0.0.0.0', FOUNDRY_SMTP_MAX_BYTES: '4096',
        FOUNDRY_MODEL_PROVIDER: 'openai-compatible', FOUNDRY_OPENAI_API_KEY: 'sk-o', FOUNDRY_OPENAI_BASE_URL: 'http://localhost:11434/v1',
        FOUNDRY_ANTHROPIC_API_KEY: 'sk-a', FOUNDRY_ANTHROPIC_BASE_URL: 'https://proxy.example/v1', FOUNDRY_MODEL_CHAT: 'llama3.2:3b',
        FOUNDRY_MODEL_EXTRACTION: 'qwen2.5:7b', FOUNDRY_MODEL_CODING: 'anthropic:claude-sonnet-4-5', FOUNDRY_MODEL_EMBEDDING: 'nomic-embed-text',
        FOUNDRY_MODEL_TIMEOUT_MS: '5000', FOUNDRY_MODEL_RETRIES: '0', FOUNDRY_MODEL_CACHE_ENTRIES: '0',
      },
    });
    expect(config).toEqual({
      port: 8080, host: '0.0.0.0', dataDir: '/var/lib/foundry', databaseUrl: 'postgres://u:p@db.example:5432/foundry',
      embeddedPgPort: 5433, dbPoolSize: 25, logLevel: 'debug', bodyLimitBytes: 2048, artifactMaxBytes: 1000, knowledgeMaxBytes: 2000, knowledgeUrlTimeoutMs: 5000,
      sessionTtlHours: 1, authRateLimit: 99, trustProxy: true, secureCookies: true, webDir: resolve('web'), masterKey: 'k1:abc',
      pluginModules: ['a.ts', 'b.ts'], ssrfAllow: ['10.1.0.0/16', 'api.internal'], worker: false,
      mcpServers: [{ name: 'files', transport: 'stdio', command: 'mcp-files', args: ['/srv'], env: {}, timeoutMs: 60_000 }], mcpServersFile: 'mcp.json', workerConcurrency: 5, runConcurrency: 4, workspaceConcurrency: 8, toolConcurrency: 2, leaseMs: 5000,
      smtpPort: 2525, smtpHost: '0.0.0.0', smtpMaxBytes: 4096,
      modelProvider: 'openai-compatible', openaiApiKey: 'sk-o', openaiBaseUrl: 'http://localhost:11434/v1', anthropicApiKey: 'sk-a',
      anthropicBaseUrl: 'https://proxy.example/v1', modelChat: 'llama3.2:3b', modelExtraction: 'qwen2.5:7b', modelCoding: 'anthropic:claude-sonnet-4-5',
      modelEmbedding: 'nomic-embed-text', modelTimeoutMs: 5000, modelRetries: 0, modelCacheEntries: 0,
    });
  });

  it('parses booleans from true/false/1/0', () => {
    expect(loadConfig({ env: { FOUNDRY_SECURE_COOKIES: '1' } }).secureCookies).toBe(true);
    expect(loadConfig({ env: { FOUNDRY_SECURE_COOKIES: '0' } }).secureCookies).toBe(false);
    expect(loadConfig({ env: { FOUNDRY_SECURE_COOKIES: 'false' } }).secureCookies).toBe(false);
    expect(configError(() => loadConfig({ env: { FOUNDRY_SECURE_COOKIES: 'yes' } })).message).toContain('FOUNDRY_SECURE_COOKIES');
  });

  it('treats an empty environment variable as unset', () => {
    expect(loadConfig({ env: { PORT: '', DATABASE_URL: '' } })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });

  it('reads a JSON file named by FOUNDRY_CONFIG; the environment beats it and overrides beat both', async () => {
    const path = await configFile('foundry.json', { port: 4000, host: '0.0.0.0', logLevel: 'warn', secureCookies: true, dbPoolSize: 3 });
    expect(loadConfig({ env: { FOUNDRY_CONFIG: path } })).toMatchObject({ port: 4000, host: '0.0.0.0', logLevel: 'warn', secureCookies: true, dbPoolSize: 3 });
    const withEnv = loadConfig({ env: { FOUNDRY_CONFIG: path, PORT: '5000' } });
    expect(withEnv).toMatchObject({ port: 5000, host: '0.0.0.0' });
    const withOverride = loadConfig({ env: { FOUNDRY_CONFIG: path, PORT: '5000' }, overrides: { port: 6000 } });
    expect(withOverride).toMatchObject({ port: 6000, host: '0.0.0.0', logLevel: 'warn' });
  });

  it('refuses an unknown key in the file, naming it', async () => {
    const path = await configFile('unknown.json', { port: 4000, prot: 4001, dataDirectory: '/x' });
    const error = configError(() => loadConfig({ env: { FOUNDRY_CONFIG: path } }));
    expect(error.message).toContain('prot');
    expect(error.message).toContain('dataDirectory');
    expect(error.details).toEqual({ unknown: ['prot', 'dataDirectory'] });
  });

  it('refuses a file that is missing, not JSON or not an object', async () => {
    expect(configError(() => loadConfig({ env: { FOUNDRY_CONFIG: join(dir, 'missing.json') } })).message).toContain('missing.json');
    const broken = await configFile('broken.json', '{ "port": 4000,');
    expect(configError(() => loadConfig({ env: { FOUNDRY_CONFIG: broken } })).message).toContain('broken.json');
    const array = await configFile('array.json', [1, 2]);
    expect(configError(() => loadConfig({ env: { FOUNDRY_CONFIG: array } })).message).toContain('array.json');
  });

  it('refuses an invalid value in the file, naming the option', async () => {
    const path = await configFile('bad-value.json', { port: 'eighty' });
    expect(configError(() => loadConfig({ env: { FOUNDRY_CONFIG: path } })).message).toContain('PORT');
  });

  it.each(['abc', '-1', '65536', '80.5'])('refuses PORT=%s with a ConfigError naming PORT', (port) => {
    const error = configError(() => loadConfig({ env: { PORT: port } }));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toMatch(/\bPORT\b/);
    expect(error.details).toEqual({ problems: [expect.stringMatching(/^PORT: /)] });
  });

  it('refuses MCP servers that are not valid JSON or not valid servers, saying where', () => {
    expect(configError(() => loadConfig({ env: { FOUNDRY_MCP_SERVERS: '[{' } })).message).toMatch(/FOUNDRY_MCP_SERVERS: is not valid JSON/);
    const error = configError(() => loadConfig({ env: {}, overrides: { mcpServers: [
      { name: 'ok', transport: 'http', url: 'https://mcp.example/mcp' },
      { name: 'no dots.please', transport: 'stdio' },
      { name: 'ok', transport: 'http', url: 'file:///etc/passwd' },
    ] } }));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.details).toEqual({ problems: [expect.stringMatching(/^FOUNDRY_MCP_SERVERS: \[1\]\.name: must be .*; \[1\]\.command: .*; \[2\]\.url: must be an http\(s\) URL$/)] });
    const twice = configError(() => loadConfig({ env: { FOUNDRY_MCP_SERVERS: '[{"name":"a","transport":"stdio","command":"x"},{"name":"a","transport":"stdio","command":"y"}]' } }));
    expect(twice.message).toContain('[1].name: "a" is configured twice');
  });

  it('names every bad option at once', () => {
    const error = configError(() => loadConfig({ env: { PORT: 'x', FOUNDRY_LOG_LEVEL: 'loud', DATABASE_URL: 'not a url', FOUNDRY_DB_POOL_SIZE: '0' } }));
    const problems = (error.details as { problems: string[] }).problems.map((p) => p.split(':')[0]);
    expect(problems.sort()).toEqual(['DATABASE_URL', 'FOUNDRY_DB_POOL_SIZE', 'FOUNDRY_LOG_LEVEL', 'PORT']);
  });
});

describe('docs/configuration.md', () => {
  const docPath = fileURLToPath(new URL('../../docs/configuration.md', import.meta.url));

  it('documents every option: its environment variable and file key on one table row', () => {
    const doc = readFileSync(docPath, 'utf8');
    const rows = doc.split('\n').filter((line) => line.startsWith('|'));
    const missing = Object.entries(configOptions)
      .filter(([key, option]) => !rows.some((row) => row.includes(`\`${option.env}\``) && row.includes(`\`${key}\``)))
      .map(([key, option]) => `${option.env} (${key})`);
    expect(missing, `options missing from docs/configuration.md (run npm run docs:config)`).toEqual([]);
  });

  it('documents no option that does not exist', () => {
    const doc = readFileSync(docPath, 'utf8');
    const known = new Set<string>(Object.values(configOptions).map((o) => o.env));
    const documented = [...doc.matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)].map((m) => m[1]!);
    expect(documented.length).toBeGreaterThan(0);
    expect(documented.filter((env) => !known.has(env))).toEqual([]);
  });
});

describe('numeric options', () => {
  it('accept whole decimal numbers only', () => {
    expect(loadConfig({ env: { PORT: ' 8080 ' } }).port).toBe(8080);
    expect(loadConfig({ env: { PORT: '   ' } }).port).toBe(3000);
    expect(() => loadConfig({ env: { PORT: '0x50' } })).toThrow(ConfigError);
    expect(() => loadConfig({ env: { PORT: '80.5' } })).toThrow(/PORT/);
    expect(() => loadConfig({ env: { FOUNDRY_BODY_LIMIT: '1e6' } })).toThrow(/FOUNDRY_BODY_LIMIT/);
  });
});
