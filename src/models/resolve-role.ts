import type { Db } from '../db/index.ts';
import { ValidationError, type RequestContext } from '../kernel/index.ts';
import { revealCredential, type MasterKeys } from '../vault/index.ts';
import type { ModelRole, ProviderName } from './language-engine.ts';
import { findRoleSetting } from './model-settings.ts';
import { environmentTarget, type ModelConfig } from './provider-config.ts';
import type { ProviderTarget, RemoteProvider } from './providers/provider-target.ts';

export interface ResolveRoleDeps {
  db: Db;
  keys: MasterKeys;
  config: ModelConfig;
}

export type ResolvedRole =
  | { kind: 'builtin' }
  | { kind: 'provider'; target: ProviderTarget; source: 'workspace' | 'environment' };

/** The API key in a vault secret: the string itself, or its `apiKey`, `api_key`, `key` or `token` field. */
function apiKeyOf(secret: string | Record<string, string>): string | undefined {
  if (typeof secret === 'string') return secret;
  return secret.apiKey ?? secret.api_key ?? secret.key ?? secret.token;
}

function environmentKey(config: ModelConfig, provider: RemoteProvider): { apiKey?: string; baseUrl?: string } {
  return provider === 'anthropic'
    ? { apiKey: config.anthropicApiKey, baseUrl: config.anthropicBaseUrl }
    : { apiKey: config.openaiApiKey, baseUrl: config.openaiBaseUrl };
}

/**
 * The engine of a role in a workspace: the workspace's setting (key from its vault credential),
 * else the environment's, else the built-in engine. A workspace setting without a credential
 * borrows the environment's key only when it calls the provider's public API or the operator's
 * own base URL, so a workspace cannot send the operator's key to a server of its choosing.
 */
export async function resolveRole(deps: ResolveRoleDeps, workspaceId: string, role: ModelRole): Promise<ResolvedRole> {
  const row = await findRoleSetting(deps.db, workspaceId, role);
  if (!row) {
    const target = environmentTarget(deps.config, role);
    return target ? { kind: 'provider', target, source: 'environment' } : { kind: 'builtin' };
  }
  const provider = row.provider as ProviderName;
  if (provider === 'builtin') return { kind: 'builtin' };
  let apiKey: string | undefined;
  if (row.credentialId) {
    const ctx: RequestContext = { userId: 'models', workspaceId, role: 'viewer' };
    apiKey = apiKeyOf(await revealCredential({ db: deps.db, keys: deps.keys }, ctx, row.credentialId));
    if (!apiKey) throw new ValidationError({ code: 'MODEL_CREDENTIAL_INVALID', message: 'The credential of this model has no API key (a string, or an apiKey field).' });
  } else {
    const environment = environmentKey(deps.config, provider);
    if (row.baseUrl === null || row.baseUrl === environment.baseUrl) apiKey = environment.apiKey;
  }
  const target: ProviderTarget = { provider, model: row.model, ...(row.baseUrl ? { baseUrl: row.baseUrl } : {}), ...(apiKey ? { apiKey } : {}) };
  return { kind: 'provider', target, source: 'workspace' };
}
