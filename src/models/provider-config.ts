import type { Config } from '../kernel/index.ts';
import type { ModelRole, ProviderName } from './language-engine.ts';
import type { ProviderTarget, RemoteProvider } from './providers/provider-target.ts';

/** The configuration options the models layer reads. */
export type ModelConfig = Pick<Config,
  | 'modelProvider' | 'openaiApiKey' | 'openaiBaseUrl' | 'anthropicApiKey' | 'anthropicBaseUrl'
  | 'modelChat' | 'modelExtraction' | 'modelCoding' | 'modelEmbedding' | 'ssrfAllow'>;

/** Models used when a provider is configured but the role's model is not. */
export const defaultModels: Record<RemoteProvider, Partial<Record<ModelRole, string>>> = {
  openai: { chat: 'gpt-4.1-mini', extraction: 'gpt-4.1-mini', coding: 'gpt-4.1-mini', embedding: 'text-embedding-3-small' },
  anthropic: { chat: 'claude-haiku-4-5', extraction: 'claude-haiku-4-5', coding: 'claude-haiku-4-5' },
  'openai-compatible': {},
};

const remote = new Set<string>(['openai', 'anthropic', 'openai-compatible']);

/** FOUNDRY_MODEL_PROVIDER, or the provider whose key is set (OpenAI first), or builtin. */
export function environmentProvider(config: ModelConfig): ProviderName {
  return config.modelProvider ?? (config.openaiApiKey ? 'openai' : config.anthropicApiKey ? 'anthropic' : 'builtin');
}

function configuredModel(config: ModelConfig, role: ModelRole): string | undefined {
  if (role === 'chat') return config.modelChat;
  if (role === 'extraction') return config.modelExtraction ?? config.modelChat;
  if (role === 'coding') return config.modelCoding ?? config.modelChat;
  if (role === 'embedding') return config.modelEmbedding;
  return undefined;
}

/** `anthropic:claude-sonnet-4-5` names a provider; `llama3.2:3b` is a model name with a tag. */
function splitProvider(value: string): { provider?: RemoteProvider; model: string } {
  const colon = value.indexOf(':');
  const prefix = colon > 0 ? value.slice(0, colon) : '';
  return remote.has(prefix) ? { provider: prefix as RemoteProvider, model: value.slice(colon + 1) } : { model: value };
}

/**
 * The provider target the environment configures for a role, or undefined when the role uses
 * the built-in engine. The API key and base URL come from the provider's own options.
 */
export function environmentTarget(config: ModelConfig, role: ModelRole): ProviderTarget | undefined {
  const configured = configuredModel(config, role);
  if (configured === 'none') return undefined;
  const named = configured === undefined ? undefined : splitProvider(configured);
  const provider = named?.provider ?? environmentProvider(config);
  if (provider === 'builtin') return undefined;
  const model = named?.model || defaultModels[provider][role];
  if (!model || (provider === 'anthropic' && (role === 'embedding' || role === 'image'))) return undefined;
  const baseUrl = provider === 'anthropic' ? config.anthropicBaseUrl : config.openaiBaseUrl;
  const apiKey = provider === 'anthropic' ? config.anthropicApiKey : config.openaiApiKey;
  return { provider, model, ...(baseUrl ? { baseUrl } : {}), ...(apiKey ? { apiKey } : {}) };
}

/** Origins (scheme, host and port) of the base URLs the operator configured: trusted past the SSRF guard, even on a private network. */
export function trustedOrigins(config: ModelConfig): string[] {
  return [config.openaiBaseUrl, config.anthropicBaseUrl].filter((u): u is string => u !== undefined).map((u) => new URL(u).origin);
}
