import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { ConfigError } from './errors.ts';
import { mcpServersOption, type McpServerConfig } from './mcp-server-config.ts';

const bool = z.union([z.boolean(), z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1')]);
const int = (min: number, max: number) =>
  z.union([z.number(), z.string().trim().regex(/^\d+$/, 'must be a whole number').transform(Number)]).pipe(z.number().int().min(min).max(max));

/**
 * Every option: its environment variable, its meaning and its default. docs/configuration.md is
 * generated from this table (`npm run docs:config`) and a test keeps the two in step.
 */
export const configOptions = {
  port: { env: 'PORT', schema: int(0, 65535), default: 3000, doc: 'TCP port of the HTTP server (0 picks a free port).' },
  host: { env: 'HOST', schema: z.string().min(1), default: '127.0.0.1', doc: 'Interface to listen on; `0.0.0.0` to accept connections from other machines.' },
  dataDir: { env: 'FOUNDRY_DATA_DIR', schema: z.string().min(1), default: './.foundry', doc: 'Directory for the embedded database, artifacts and the generated master key.' },
  databaseUrl: { env: 'DATABASE_URL', schema: z.string().url().optional(), default: undefined, doc: 'PostgreSQL (>= 15) connection URL. Unset: Foundry runs its embedded PostgreSQL in the data directory.' },
  embeddedPgPort: { env: 'FOUNDRY_PG_PORT', schema: int(0, 65535), default: 0, doc: 'Port of the embedded PostgreSQL on 127.0.0.1 (0 picks a free port at each start).' },
  dbPoolSize: { env: 'FOUNDRY_DB_POOL_SIZE', schema: int(1, 500), default: 10, doc: 'Maximum connections in the database pool of one process.' },
  masterKey: { env: 'FOUNDRY_MASTER_KEY', schema: z.string().min(1).optional(), default: undefined, secret: true, doc: 'Vault master keys, `id:base64key[,id:base64key...]` (32-byte keys, the first encrypts). Unset: a key is generated once into `<dataDir>/master-keys.json` (mode 0600).' },
  logLevel: { env: 'FOUNDRY_LOG_LEVEL', schema: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), default: 'info', doc: 'Log level of the structured JSON logs.' },
  bodyLimitBytes: { env: 'FOUNDRY_BODY_LIMIT', schema: int(1024, 100 * 1024 * 1024), default: 1024 * 1024, doc: 'Largest JSON request body in bytes.' },
  artifactMaxBytes: { env: 'FOUNDRY_ARTIFACT_MAX_BYTES', schema: int(1, 2 * 1024 * 1024 * 1024), default: 25 * 1024 * 1024, doc: 'Largest uploaded artifact file in bytes.' },
  knowledgeMaxBytes: { env: 'FOUNDRY_KNOWLEDGE_MAX_BYTES', schema: int(1, 2 * 1024 * 1024 * 1024), default: 50 * 1024 * 1024, doc: 'Largest knowledge file (upload or downloaded URL) in bytes; extraction also caps each format (PDF 50 MiB, DOCX/XLSX/CSV 25 MiB, images 20 MiB, HTML/Markdown/text 10 MiB).' },
  knowledgeUrlTimeoutMs: { env: 'FOUNDRY_KNOWLEDGE_URL_TIMEOUT_MS', schema: int(1000, 600_000), default: 30_000, doc: 'Time allowed to download a knowledge URL (a timeout is retried by the ingestion run).' },
  sessionTtlHours: { env: 'FOUNDRY_SESSION_TTL_HOURS', schema: int(1, 24 * 365), default: 24 * 30, doc: 'Lifetime of a browser session.' },
  authRateLimit: { env: 'FOUNDRY_AUTH_RATE_LIMIT', schema: int(1, 100000), default: 10, doc: 'Log-in, sign-up and token-creation attempts allowed per client address per minute.' },
  trustProxy: { env: 'FOUNDRY_TRUST_PROXY', schema: bool, default: false, doc: 'Take the client address from `X-Forwarded-For` (set it only behind a reverse proxy that overwrites that header; otherwise clients could dodge rate limits).' },
  secureCookies: { env: 'FOUNDRY_SECURE_COOKIES', schema: bool, default: false, doc: 'Mark the session cookie `Secure` (set it when Foundry is served over HTTPS).' },
  webDir: { env: 'FOUNDRY_WEB_DIR', schema: z.string().min(1), default: './dist/web', doc: 'Directory of the built web UI served at `/`.' },
  pluginModules: { env: 'FOUNDRY_PLUGINS', schema: z.union([z.array(z.string().min(1)), z.string().transform((v) => v.split(',').map((p) => p.trim()).filter(Boolean))]), default: [] as string[], doc: 'Extra plugin modules to load, comma-separated paths; each default-exports a plugin or a list of plugins (tools, routes, studios).' },
  ssrfAllow: { env: 'FOUNDRY_SSRF_ALLOW', schema: z.union([z.array(z.string().min(1)), z.string().transform((v) => v.split(',').map((p) => p.trim()).filter(Boolean))]), default: [] as string[], doc: 'Hosts (`api.internal`, `*.corp.example`) and CIDR ranges (`10.1.0.0/16`) that outbound requests (the `http.request` tool, webhooks out) may reach although they are private, loopback or link-local. Empty: public addresses only.' },
  mcpServers: { env: 'FOUNDRY_MCP_SERVERS', schema: mcpServersOption, default: [] as McpServerConfig[], secret: true, doc: 'MCP servers whose tools Foundry registers as `mcp.<server>.<tool>`: a JSON array of `{"name", "transport": "stdio", "command", "args"?, "env"?, "cwd"?, "timeoutMs"?}` or `{"name", "transport": "http", "url", "headers"?, "timeoutMs"?}` (see docs/mcp.md). Stdio servers are programs Foundry runs on this host.' },
  mcpServersFile: { env: 'FOUNDRY_MCP_SERVERS_FILE', schema: z.string().min(1).optional(), default: undefined, doc: 'A JSON file holding more MCP servers in the same form as `FOUNDRY_MCP_SERVERS`; read at startup.' },
  worker: { env: 'FOUNDRY_WORKER', schema: bool, default: true, doc: 'Run a workflow worker inside `foundry serve` (`--no-worker` turns it off for API-only processes; `foundry worker` runs one on its own).' },
  workerConcurrency: { env: 'FOUNDRY_WORKER_CONCURRENCY', schema: int(1, 1000), default: 20, doc: 'Runs one worker process drives at once.' },
  runConcurrency: { env: 'FOUNDRY_RUN_CONCURRENCY', schema: int(1, 1000), default: 16, doc: 'Steps of one run that execute at once (parallel branches, map items).' },
  workspaceConcurrency: { env: 'FOUNDRY_WORKSPACE_CONCURRENCY', schema: int(1, 10000), default: 64, doc: 'Steps of one workspace that one worker process executes at once.' },
  toolConcurrency: { env: 'FOUNDRY_TOOL_CONCURRENCY', schema: int(1, 10000), default: 16, doc: 'Calls of one tool that one worker process makes at once, unless the tool sets its own limit.' },
  leaseMs: { env: 'FOUNDRY_LEASE_MS', schema: int(1000, 3_600_000), default: 30_000, doc: 'How long a worker\'s claim on a run lasts without a heartbeat; a run whose worker died is taken over after this.' },
  smtpPort: { env: 'FOUNDRY_SMTP_PORT', schema: int(0, 65535), default: 0, doc: 'Port of the inbound SMTP listener for email triggers (0: no listener). It has no TLS and no authentication: keep it on loopback behind your mail relay.' },
  smtpHost: { env: 'FOUNDRY_SMTP_HOST', schema: z.string().min(1), default: '127.0.0.1', doc: 'Interface the SMTP listener for email triggers listens on.' },
  smtpMaxBytes: { env: 'FOUNDRY_SMTP_MAX_BYTES', schema: int(1024, 100 * 1024 * 1024), default: 10 * 1024 * 1024, doc: 'Largest inbound email in bytes; larger messages are refused (552).' },
  modelProvider: { env: 'FOUNDRY_MODEL_PROVIDER', schema: z.enum(['builtin', 'openai', 'anthropic', 'openai-compatible']).optional(), default: undefined, doc: 'Model provider of every role that a workspace has not configured itself: `builtin` (offline), `openai`, `anthropic` or `openai-compatible` (Ollama, vLLM, LM Studio, llama.cpp server). Unset: `openai` when `FOUNDRY_OPENAI_API_KEY` is set, else `anthropic` when `FOUNDRY_ANTHROPIC_API_KEY` is set, else `builtin`.' },
  openaiApiKey: { env: 'FOUNDRY_OPENAI_API_KEY', schema: z.string().min(1).optional(), default: undefined, secret: true, doc: 'API key for `openai`, and the optional key of an `openai-compatible` server. A secret: never logged or returned.' },
  openaiBaseUrl: { env: 'FOUNDRY_OPENAI_BASE_URL', schema: z.url().optional(), default: undefined, doc: 'Base URL of the OpenAI API (default `https://api.openai.com/v1`) or of an OpenAI-compatible server (`http://localhost:11434/v1` for Ollama; required for `openai-compatible`). Set by the operator, so its host passes the SSRF guard even when it is private or loopback.' },
  anthropicApiKey: { env: 'FOUNDRY_ANTHROPIC_API_KEY', schema: z.string().min(1).optional(), default: undefined, secret: true, doc: 'API key for `anthropic`. A secret: never logged or returned.' },
  anthropicBaseUrl: { env: 'FOUNDRY_ANTHROPIC_BASE_URL', schema: z.url().optional(), default: undefined, doc: 'Base URL of the Anthropic API (default `https://api.anthropic.com/v1`); trusted like `FOUNDRY_OPENAI_BASE_URL`.' },
  modelChat: { env: 'FOUNDRY_MODEL_CHAT', schema: z.string().trim().min(1).optional(), default: undefined, doc: 'Model of the `chat` role (summaries, answers, replies). Default: `gpt-4.1-mini` with openai, `claude-haiku-4-5` with anthropic; an `openai-compatible` role without a model stays built-in. `provider:model` picks another provider for this role (`anthropic:claude-sonnet-4-5`); `none` keeps the role built-in.' },
  modelExtraction: { env: 'FOUNDRY_MODEL_EXTRACTION', schema: z.string().trim().min(1).optional(), default: undefined, doc: 'Model of the `extraction` role (intents, entities, structured output). Default: the chat model.' },
  modelCoding: { env: 'FOUNDRY_MODEL_CODING', schema: z.string().trim().min(1).optional(), default: undefined, doc: 'Model of the `coding` role. Default: the chat model.' },
  modelEmbedding: { env: 'FOUNDRY_MODEL_EMBEDDING', schema: z.string().trim().min(1).optional(), default: undefined, doc: 'Model of the `embedding` role (knowledge vectors). Default: `text-embedding-3-small` with openai, none otherwise (search is then full-text only); `none` turns embeddings off.' },
  modelTimeoutMs: { env: 'FOUNDRY_MODEL_TIMEOUT_MS', schema: int(100, 600_000), default: 30_000, doc: 'Time one provider call may take before it is abandoned (and retried, then answered by the built-in engine).' },
  modelRetries: { env: 'FOUNDRY_MODEL_RETRIES', schema: int(0, 10), default: 2, doc: 'Retries of a provider call that failed in a retryable way (429, 5xx, timeout, connection error), with exponential backoff.' },
  modelCacheEntries: { env: 'FOUNDRY_MODEL_CACHE_ENTRIES', schema: int(0, 1_000_000), default: 1000, doc: 'Replies of deterministic model calls (temperature 0) kept in memory per process, least recently used dropped first; 0 turns the cache off.' },
} as const;

type Options = typeof configOptions;
export type Config = { [K in keyof Options]: z.output<Options[K]['schema']> };
export type ConfigInput = Partial<{ [K in keyof Options]: z.input<Options[K]['schema']> }>;

export interface LoadConfigOptions {
  env?: NodeJS.ProcessEnv;
  /** Values that win over the environment and the file (used by the CLI flags and tests). */
  overrides?: ConfigInput;
}

/**
 * Builds the configuration: defaults, then the JSON file named by FOUNDRY_CONFIG, then the
 * environment, then explicit overrides. Throws ConfigError naming every bad option.
 */
export function loadConfig({ env = process.env, overrides = {} }: LoadConfigOptions = {}): Config {
  const fromFile = env.FOUNDRY_CONFIG ? readConfigFile(env.FOUNDRY_CONFIG) : {};
  const problems: string[] = [];
  const config: Record<string, unknown> = {};
  for (const [key, option] of Object.entries(configOptions) as [keyof Options, Options[keyof Options]][]) {
    const raw = overrides[key] ?? emptyToUndefined(env[option.env]) ?? fromFile[key] ?? option.default;
    const parsed = (option.schema as z.ZodType).safeParse(raw);
    if (parsed.success) config[key] = parsed.data;
    else problems.push(`${option.env}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  }
  if (problems.length > 0) {
    throw new ConfigError({ message: `Invalid configuration: ${problems.join(' | ')}`, details: { problems } });
  }
  const result = config as Config;
  return { ...result, dataDir: resolve(result.dataDir), webDir: resolve(result.webDir) };
}

function emptyToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function readConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError({ message: `Cannot read the configuration file ${path}.`, cause: error });
  }
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
    const known = new Set(Object.keys(configOptions));
    const unknown = Object.keys(value).filter((k) => !known.has(k));
    if (unknown.length > 0) {
      throw new ConfigError({ message: `Unknown options in ${path}: ${unknown.join(', ')}.`, details: { unknown } });
    }
    return value as Record<string, unknown>;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError({ message: `The configuration file ${path} is not a JSON object.`, cause: error });
  }
}

