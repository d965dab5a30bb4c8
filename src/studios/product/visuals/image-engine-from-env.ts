import { ConfigError } from '../../../kernel/index.ts';
import { ssrfAllowList, type SsrfGuardOptions } from '../../../tools/index.ts';
import { comfyUiImageEngine } from './comfyui-image-engine.ts';
import type { ImageEngine } from './image-engine.ts';
import { openAiImageEngine } from './openai-image-engine.ts';
import { replicateImageEngine } from './replicate-image-engine.ts';
import { stabilityImageEngine } from './stability-image-engine.ts';

/** The SSRF guard: guard options, or the configuration's allow-list (FOUNDRY_SSRF_ALLOW entries). */
export type ImageGuardConfig = SsrfGuardOptions | (Omit<SsrfGuardOptions, 'allow'> & { allow?: string[] });

const providers = ['openai', 'stability', 'replicate', 'comfyui'] as const;

function guardOf(config: ImageGuardConfig, trustedUrl?: string): SsrfGuardOptions {
  const allow = Array.isArray(config.allow) ? ssrfAllowList(config.allow) : config.allow ?? {};
  // A base URL the operator configured is trusted even on a private or loopback address.
  const hosts = trustedUrl ? [...(allow.hosts ?? []), new URL(trustedUrl).hostname.replace(/^\[(.*)\]$/, '$1')] : allow.hosts;
  return { ...config, allow: { ...allow, hosts } };
}

function required(env: NodeJS.ProcessEnv, provider: string, ...names: string[]): string {
  const value = names.map((n) => env[n]?.trim()).find((v) => v !== undefined && v !== '');
  if (value === undefined) {
    throw new ConfigError({ code: 'IMAGE_PROVIDER_KEY_MISSING', message: `FOUNDRY_IMAGE_PROVIDER=${provider} needs ${names.join(' or ')} to be set.`, details: { provider, variables: names } });
  }
  return value;
}

function baseUrl(env: NodeJS.ProcessEnv, ...names: string[]): string | undefined {
  const value = names.map((n) => env[n]?.trim()).find((v) => v !== undefined && v !== '');
  if (value === undefined) return undefined;
  try {
    return new URL(value).toString();
  } catch (cause) {
    throw new ConfigError({ message: `${names[0]} is not a valid URL: ${value}`, cause });
  }
}

/**
 * The image provider the environment names, or undefined when none is (the built-in engine is
 * then used). FOUNDRY_IMAGE_PROVIDER = openai | stability | replicate | comfyui;
 * FOUNDRY_IMAGE_MODEL overrides the provider's default model; keys come from OPENAI_API_KEY
 * (or FOUNDRY_OPENAI_API_KEY), STABILITY_API_KEY, REPLICATE_API_TOKEN; ComfyUI's address from
 * FOUNDRY_COMFYUI_URL; FOUNDRY_IMAGE_BASE_URL points a cloud provider elsewhere (a proxy).
 * A provider named without its key is a ConfigError.
 *
 * @example
 * const images = imageEngineFromEnv(process.env, { allow: config.ssrfAllow }) ?? builtinImageEngine;
 */
export function imageEngineFromEnv(env: NodeJS.ProcessEnv, guard: ImageGuardConfig): ImageEngine | undefined {
  const name = env.FOUNDRY_IMAGE_PROVIDER?.trim().toLowerCase();
  if (!name || name === 'builtin') return undefined;
  const model = env.FOUNDRY_IMAGE_MODEL?.trim() || undefined;
  switch (name) {
    case 'openai': {
      const url = baseUrl(env, 'FOUNDRY_IMAGE_BASE_URL', 'FOUNDRY_OPENAI_BASE_URL');
      return openAiImageEngine({ apiKey: required(env, name, 'OPENAI_API_KEY', 'FOUNDRY_OPENAI_API_KEY'), model, baseUrl: url, guard: guardOf(guard, url) });
    }
    case 'stability': {
      const url = baseUrl(env, 'FOUNDRY_IMAGE_BASE_URL');
      return stabilityImageEngine({ apiKey: required(env, name, 'STABILITY_API_KEY'), model, baseUrl: url, guard: guardOf(guard, url) });
    }
    case 'replicate': {
      const url = baseUrl(env, 'FOUNDRY_IMAGE_BASE_URL');
      return replicateImageEngine({ apiToken: required(env, name, 'REPLICATE_API_TOKEN'), model, baseUrl: url, guard: guardOf(guard, url) });
    }
    case 'comfyui': {
      const url = baseUrl(env, 'FOUNDRY_COMFYUI_URL') ?? 'http://127.0.0.1:8188/';
      return comfyUiImageEngine({ baseUrl: url, checkpoint: model, guard: guardOf(guard, url) });
    }
    default:
      throw new ConfigError({ message: `FOUNDRY_IMAGE_PROVIDER=${name} is not supported; use ${providers.join(', ')} (or leave it unset for the built-in engine).` });
  }
}
