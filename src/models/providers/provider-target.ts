import type { ProviderName } from '../language-engine.ts';

export type RemoteProvider = Exclude<ProviderName, 'builtin'>;

/** A provider endpoint and model, with the API key to call it (a secret: never logged or returned). */
export interface ProviderTarget {
  provider: RemoteProvider;
  model: string;
  /** The provider's public API when unset; required for `openai-compatible`. */
  baseUrl?: string;
  apiKey?: string;
}

export const defaultBaseUrls: Record<Exclude<RemoteProvider, 'openai-compatible'>, string> = {
  openai: 'https://api.openai.com/v1',
  anthropic: 'https://api.anthropic.com/v1',
};

/** The base URL requests go to. */
export function baseUrlOf(target: Pick<ProviderTarget, 'provider' | 'baseUrl'>): string | undefined {
  return target.baseUrl ?? (target.provider === 'openai-compatible' ? undefined : defaultBaseUrls[target.provider]);
}
