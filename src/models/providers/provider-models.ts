import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { EmbeddingModel, LanguageModel } from 'ai';
import { ModelProviderError } from '../model-errors.ts';
import { baseUrlOf, type ProviderTarget } from './provider-target.ts';

export interface ProviderModels {
  language(): LanguageModel;
  /** Undefined for providers without embedding models (Anthropic). */
  embedding(): EmbeddingModel | undefined;
}

const notConfigured = (target: ProviderTarget, message: string) =>
  new ModelProviderError({ provider: target.provider, code: 'MODEL_PROVIDER_NOT_CONFIGURED', retryable: false, message });

/**
 * The AI SDK models of a target. The key and base URL are always passed explicitly, so nothing
 * is read from the process environment (OPENAI_API_KEY and friends are ignored). OpenAI is
 * called through its Responses API, OpenAI-compatible servers through Chat Completions.
 */
export function providerModels(target: ProviderTarget, fetch: typeof globalThis.fetch): ProviderModels {
  const baseURL = baseUrlOf(target);
  if (target.provider === 'openai-compatible') {
    if (!baseURL) throw notConfigured(target, 'An OpenAI-compatible provider needs a base URL.');
    const compatible = createOpenAICompatible({
      name: 'openai-compatible', baseURL, fetch, supportsStructuredOutputs: true, ...(target.apiKey ? { apiKey: target.apiKey } : {}),
    });
    return { language: () => compatible.chatModel(target.model), embedding: () => compatible.embeddingModel(target.model) };
  }
  if (!target.apiKey) throw notConfigured(target, `No API key is configured for ${target.provider}.`);
  if (target.provider === 'openai') {
    const openai = createOpenAI({ apiKey: target.apiKey, baseURL, fetch });
    return { language: () => openai.responses(target.model), embedding: () => openai.embedding(target.model) };
  }
  const anthropic = createAnthropic({ apiKey: target.apiKey, baseURL, fetch });
  return { language: () => anthropic.messages(target.model), embedding: () => undefined };
}
