import type { ModelRole, ProviderName } from '../api-types.ts';

export const providerLabels: Record<ProviderName, string> = {
  builtin: 'Built-in (offline)', openai: 'OpenAI', anthropic: 'Anthropic', 'openai-compatible': 'OpenAI-compatible server',
};

export const roleLabels: Record<ModelRole, { label: string; description: string }> = {
  chat: { label: 'Chat', description: 'Replies, summaries and grounded answers' },
  extraction: { label: 'Extraction', description: 'Intent, entities and structured output' },
  coding: { label: 'Coding', description: 'Code for the software studio' },
  embedding: { label: 'Embedding', description: 'Vectors for knowledge search' },
  image: { label: 'Image', description: 'Generated visuals' },
};

export const modelPlaceholders: Record<ProviderName, string> = {
  builtin: 'builtin', openai: 'gpt-4o-mini', anthropic: 'claude-3-5-haiku-latest', 'openai-compatible': 'llama3.1',
};
