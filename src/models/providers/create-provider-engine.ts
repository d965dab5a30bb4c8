import { embedMany, generateText, Output, type LanguageModelUsage, type ModelMessage } from 'ai';
import { z } from 'zod';
import type {
  CallOptions, ComposeRequest, GenerateRequest, GroundedAnswer, IntentOption, IntentResult, LanguageEngine, Passage, Result, StructuredRequest, TokenUsage,
} from '../language-engine.ts';
import type { Entities } from '../entities.ts';
import { ValidationError } from '../../kernel/index.ts';
import { ModelOutputInvalidError, ModelUnsupportedError } from '../model-errors.ts';
import { entityOutputSchema, normaliseEntities } from './entity-output.ts';
import { toModelError } from './provider-errors.ts';
import type { ProviderModels } from './provider-models.ts';
import { answerPrompt, classifyPrompt, composePrompt, extractPrompt, numbersIn, summarizePrompt } from './provider-prompts.ts';
import type { ProviderTarget, RemoteProvider } from './provider-target.ts';

/** A LanguageEngine backed by a provider, plus a tiny call that checks the configuration works. */
export interface ProviderEngine extends LanguageEngine {
  readonly provider: RemoteProvider;
  /** A few output tokens (`language`) or one vector (`embedding`). */
  probe(kind: 'language' | 'embedding', call?: CallOptions): Promise<Result<string>>;
}

export interface CreateProviderEngineOptions {
  target: ProviderTarget;
  /** The AI SDK models to call: `providerModels(target, guardedProviderFetch(guard))`, or mock models in unit tests. */
  models: ProviderModels;
}

const tokens = (usage: LanguageModelUsage | undefined): TokenUsage => ({ tokensIn: usage?.inputTokens ?? 0, tokensOut: usage?.outputTokens ?? 0 });

/** Cuts a text after `max` sentences (the model was asked for no more, but may not listen). */
function firstSentences(text: string, max: number): string {
  const sentences = [...new Intl.Segmenter('en', { granularity: 'sentence' }).segment(text)].map((s) => s.segment);
  return sentences.slice(0, max).join('').trim();
}

const invalid = (message: string, usage: TokenUsage) => new ModelOutputInvalidError({ message, details: usage });

/**
 * The provider engine: each operation is one `generateText` call (structured ones with
 * `Output.object`) or one `embedMany`, at temperature 0 except `compose`. The AI SDK's own
 * retries are off; the gateway applies timeouts, retries, the circuit breaker and the cache.
 * Outputs are validated beyond their schema: cited passages must exist, entities must occur in
 * the text, a reworded draft must keep the draft's numbers. Errors are typed (toModelError);
 * ModelOutputInvalidError carries the tokens the failed call used in `details`.
 */
export function createProviderEngine({ target, models }: CreateProviderEngineOptions): ProviderEngine {
  const secrets = target.apiKey ? [target.apiKey] : [];
  const { provider, model } = target;
  const strictOptions = (strict: boolean) => ({
    openai: { store: false, strictJsonSchema: strict },
    openaiCompatible: { strictJsonSchema: strict },
  });

  async function guarded<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw toModelError(error, provider, secrets);
    }
  }

  async function object<T>(o: { schema: z.ZodType<T>; name: string; instructions: string; prompt: string; strict?: boolean; maxOutputTokens?: number; call?: CallOptions }): Promise<Result<T>> {
    return guarded(async () => {
      const result = await generateText({
        model: models.language(), instructions: o.instructions, prompt: o.prompt, temperature: 0, maxRetries: 0,
        output: Output.object({ schema: o.schema, name: o.name }), providerOptions: strictOptions(o.strict ?? true),
        maxOutputTokens: o.maxOutputTokens, abortSignal: o.call?.signal,
      });
      return { value: result.output, usage: tokens(result.totalUsage) };
    });
  }

  async function text(o: { instructions: string; prompt?: string; messages?: ModelMessage[]; temperature: number; maxOutputTokens?: number; call?: CallOptions }): Promise<Result<string>> {
    return guarded(async () => {
      const input = o.messages ? { messages: o.messages } : { prompt: o.prompt ?? '' };
      const result = await generateText({
        model: models.language(), instructions: o.instructions, ...input, temperature: o.temperature, maxRetries: 0, providerOptions: strictOptions(true),
        maxOutputTokens: o.maxOutputTokens, abortSignal: o.call?.signal,
      });
      const usage = tokens(result.totalUsage);
      if (result.text.trim() === '') throw invalid(`${provider} returned an empty text.`, usage);
      return { value: result.text.trim(), usage };
    });
  }

  async function embed(texts: string[], call?: CallOptions): Promise<Result<number[][]>> {
    const embedding = models.embedding();
    if (!embedding) throw new ModelUnsupportedError({ message: `${provider} has no embedding models.` });
    return guarded(async () => {
      const result = await embedMany({ model: embedding, values: texts, maxRetries: 0, abortSignal: call?.signal });
      const usage = { tokensIn: result.usage.tokens, tokensOut: 0 };
      if (result.embeddings.length !== texts.length) throw invalid(`${provider} returned ${result.embeddings.length} vectors for ${texts.length} texts.`, usage);
      return { value: result.embeddings, usage };
    });
  }

  return {
    provider, model,

    async classifyIntent(input: string, options: IntentOption[], call?: CallOptions): Promise<Result<IntentResult>> {
      const names = options.map((o) => o.name);
      if (names.length === 0) throw new ValidationError({ message: 'Intent classification needs at least one option.' });
      const schema = z.object({ intent: z.enum(names as [string, ...string[]]), confidence: z.number().describe('0 to 1') });
      const { value, usage } = await object({ schema, name: 'intent', ...classifyPrompt(input, options), maxOutputTokens: 200, call });
      const confidence = Math.min(1, Math.max(0, value.confidence));
      const rest = names.filter((n) => n !== value.intent);
      const share = rest.length > 0 ? (1 - confidence) / rest.length : 0;
      return { value: { intent: value.intent, confidence, ranking: [{ intent: value.intent, confidence }, ...rest.map((intent) => ({ intent, confidence: share }))] }, usage };
    },

    async extractEntities(input: string, call?: CallOptions): Promise<Result<Entities>> {
      const { value, usage } = await object({ schema: entityOutputSchema, name: 'entities', ...extractPrompt(input, call?.referenceDate ?? new Date()), call });
      return { value: normaliseEntities(value, input), usage };
    },

    async summarize(input: string, limits: { maxSentences: number }, call?: CallOptions): Promise<Result<string>> {
      const max = Math.max(1, limits.maxSentences);
      const { value, usage } = await text({ ...summarizePrompt(input, max), temperature: 0, maxOutputTokens: 120 * max + 100, call });
      return { value: firstSentences(value, max), usage };
    },

    async answer(question: string, passages: Passage[], call?: CallOptions): Promise<Result<GroundedAnswer>> {
      const schema = z.object({ answer: z.string(), citations: z.array(z.number().int()).describe('Numbers of the passages used.') });
      const { value, usage } = await object({ schema, name: 'answer', ...answerPrompt(question, passages), call });
      const unknown = value.citations.filter((n) => !Number.isInteger(n) || n < 1 || n > passages.length);
      if (unknown.length > 0) throw invalid(`${provider} cited passages that do not exist: ${unknown.join(', ')}.`, usage);
      if (value.answer.trim() === '') throw invalid(`${provider} returned an empty answer.`, usage);
      const cited = [...new Set(value.citations)].map((n) => passages[n - 1]!.citation);
      return { value: { text: value.answer.trim(), citations: cited }, usage };
    },

    async compose(request: ComposeRequest, call?: CallOptions): Promise<Result<string>> {
      const { instructions, messages } = composePrompt(request);
      const conversation: ModelMessage[] = messages.filter((m) => m.role !== 'system').map((m) => ({ role: m.role as 'user' | 'assistant', content: m.content }));
      const result = await text({ instructions, messages: conversation, temperature: 0.3, call });
      const kept = numbersIn(result.value);
      const lost = [...numbersIn(request.draft)].filter((n) => !kept.has(n));
      if (lost.length > 0) throw invalid(`${provider} dropped facts of the draft: ${lost.join(', ')}.`, result.usage);
      return result;
    },

    async structured<T>(request: StructuredRequest<T>, call?: CallOptions): Promise<Result<T>> {
      return object({ schema: request.schema, name: 'result', instructions: request.instruction, prompt: request.input, strict: false, call });
    },

    async generate(request: GenerateRequest, call?: CallOptions): Promise<Result<string>> {
      return text({
        instructions: request.instruction ?? 'Do what the prompt asks. Answer with the result only.', prompt: request.prompt, temperature: 0.2,
        ...(request.maxTokens ? { maxOutputTokens: request.maxTokens } : {}), call,
      });
    },

    embed,

    async probe(kind, call) {
      if (kind === 'embedding') {
        const { value, usage } = await embed(['ping'], call);
        return { value: `${value[0]?.length ?? 0} dimensions`, usage };
      }
      return text({ instructions: 'Reply with the single word OK.', prompt: 'ping', temperature: 0, maxOutputTokens: 16, call });
    },
  };
}
