import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, loadConfig } from '../../src/kernel/index.ts';
import { environmentProvider, environmentTarget, trustedOrigins } from '../../src/models/provider-config.ts';

/** Which provider and model the environment gives each role. */

const config = (env: Record<string, string>) => loadConfig({ env });

describe('environmentProvider', () => {
  it('is builtin with nothing set, and follows the keys when FOUNDRY_MODEL_PROVIDER is unset', () => {
    expect(environmentProvider(config({}))).toBe('builtin');
    expect(environmentProvider(config({ FOUNDRY_ANTHROPIC_API_KEY: 'a' }))).toBe('anthropic');
    expect(environmentProvider(config({ FOUNDRY_ANTHROPIC_API_KEY: 'a', FOUNDRY_OPENAI_API_KEY: 'o' }))).toBe('openai');
    expect(environmentProvider(config({ FOUNDRY_OPENAI_API_KEY: 'o', FOUNDRY_MODEL_PROVIDER: 'builtin' }))).toBe('builtin');
  });
});

describe('environmentTarget', () => {
  it('gives every role the built-in engine when nothing is configured', () => {
    for (const role of ['chat', 'extraction', 'coding', 'embedding', 'image'] as const) expect(environmentTarget(config({}), role)).toBeUndefined();
  });

  it('uses the default models of a provider with its key', () => {
    const c = config({ FOUNDRY_OPENAI_API_KEY: 'sk-o' });
    expect(environmentTarget(c, 'chat')).toEqual({ provider: 'openai', model: 'gpt-4.1-mini', apiKey: 'sk-o' });
    expect(environmentTarget(c, 'embedding')).toEqual({ provider: 'openai', model: 'text-embedding-3-small', apiKey: 'sk-o' });
    expect(environmentTarget(c, 'image')).toBeUndefined();
    const a = config({ FOUNDRY_ANTHROPIC_API_KEY: 'sk-a' });
    expect(environmentTarget(a, 'extraction')).toEqual({ provider: 'anthropic', model: 'claude-haiku-4-5', apiKey: 'sk-a' });
    expect(environmentTarget(a, 'embedding')).toBeUndefined();
  });

  it('lets extraction and coding follow the chat model unless set, and `none` keep a role built-in', () => {
    const c = config({ FOUNDRY_OPENAI_API_KEY: 'k', FOUNDRY_MODEL_CHAT: 'gpt-4.1', FOUNDRY_MODEL_CODING: 'gpt-5-codex', FOUNDRY_MODEL_EMBEDDING: 'none' });
    expect(environmentTarget(c, 'extraction')?.model).toBe('gpt-4.1');
    expect(environmentTarget(c, 'coding')?.model).toBe('gpt-5-codex');
    expect(environmentTarget(c, 'embedding')).toBeUndefined();
  });

  it('serves an OpenAI-compatible server only for roles given a model, at its base URL', () => {
    const c = config({ FOUNDRY_MODEL_PROVIDER: 'openai-compatible', FOUNDRY_OPENAI_BASE_URL: 'http://localhost:11434/v1', FOUNDRY_MODEL_CHAT: 'llama3.2:3b' });
    expect(environmentTarget(c, 'chat')).toEqual({ provider: 'openai-compatible', model: 'llama3.2:3b', baseUrl: 'http://localhost:11434/v1' });
    expect(environmentTarget(c, 'embedding')).toBeUndefined();
  });

  it('reads `provider:model` as another provider for one role, but not a model tag', () => {
    const c = config({
      FOUNDRY_MODEL_PROVIDER: 'openai-compatible', FOUNDRY_OPENAI_BASE_URL: 'http://gpu.lan:8000/v1', FOUNDRY_ANTHROPIC_API_KEY: 'sk-a',
      FOUNDRY_MODEL_CHAT: 'qwen2.5:7b', FOUNDRY_MODEL_CODING: 'anthropic:claude-sonnet-4-5',
    });
    expect(environmentTarget(c, 'chat')).toMatchObject({ provider: 'openai-compatible', model: 'qwen2.5:7b' });
    expect(environmentTarget(c, 'coding')).toEqual({ provider: 'anthropic', model: 'claude-sonnet-4-5', apiKey: 'sk-a' });
  });
});

describe('trustedOrigins', () => {
  it('names the origins of the base URLs the operator configured', () => {
    expect(trustedOrigins(config({ FOUNDRY_OPENAI_BASE_URL: 'http://LocalHost:11434/v1', FOUNDRY_ANTHROPIC_BASE_URL: 'https://[::1]:8443/v1' }))).toEqual(['http://localhost:11434', 'https://[::1]:8443']);
    expect(trustedOrigins(config({}))).toEqual([]);
  });
});

describe('API keys in the configuration', () => {
  it('are secrets the logger redacts', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', destination: new Writable({ write: (chunk, _encoding, done) => done(void lines.push(String(chunk))) }) });
    const c = config({ FOUNDRY_OPENAI_API_KEY: 'sk-openai-secret-1', FOUNDRY_ANTHROPIC_API_KEY: 'sk-ant-secret-2' });
    logger.info({ config: c }, 'configuration');
    logger.info({ openaiApiKey: c.openaiApiKey, target: { apiKey: 'sk-target-secret-3' } }, 'keys');
    expect(lines).toHaveLength(2);
    expect(lines.join()).not.toMatch(/secret-[123]/);
    expect(lines.join()).toContain('[redacted]');
  });
});
