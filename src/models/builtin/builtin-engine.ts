import { ValidationError } from '../../kernel/index.ts';
import type { IntentOption, LanguageEngine, TokenUsage } from '../language-engine.ts';
import { ModelUnsupportedError } from '../model-errors.ts';
import { extractEntities } from './extract-entities.ts';
import { extractiveSummary } from './extractive-summary.ts';
import { groundedAnswer } from './grounded-answer.ts';
import { defaultIntents } from './intent-catalogue.ts';
import { createIntentClassifier, type IntentClassifier } from './intent-classifier.ts';
import { loadTextReader, type TextReader } from './text-reader.ts';

const noTokens: TokenUsage = { tokensIn: 0, tokensOut: 0 };

interface Loaded {
  reader: TextReader;
  classifier: IntentClassifier;
}

let loaded: Promise<Loaded> | undefined;

/** The reader and the classifier (with its trained option sets), shared by every built-in engine. */
export function loadBuiltin(): Promise<Loaded> {
  loaded ??= loadTextReader().then((reader) => ({
    reader,
    classifier: createIntentClassifier(reader, (text) => extractEntities(text, new Date(0))),
  }));
  return loaded;
}

/**
 * Loads wink-nlp's model and trains the intent options given (the default catalogue), so the first
 * conversation turn does not wait for them; call it after start-up without awaiting it.
 */
export async function warmUpBuiltinEngine(options: IntentOption[] = defaultIntents): Promise<void> {
  (await loadBuiltin()).classifier.modelFor(options);
}

/**
 * The built-in engine: works offline and costs nothing (usage is always zero tokens). It
 * classifies intents against the options given, extracts entities, summarises and answers from
 * passages by extraction, and returns composed text as drafted. It has no free-form structured
 * output and no embeddings.
 */
export function createBuiltinEngine(): LanguageEngine {
  return {
    provider: 'builtin',
    model: 'builtin-1',
    async classifyIntent(text, options, call) {
      call?.signal?.throwIfAborted();
      if (options.length === 0) throw new ValidationError({ message: 'Intent classification needs at least one option.' });
      const { classifier } = await loadBuiltin();
      return { value: classifier.classify(text, options), usage: noTokens };
    },
    async extractEntities(text, call) {
      call?.signal?.throwIfAborted();
      return { value: extractEntities(text, call?.referenceDate ?? new Date()), usage: noTokens };
    },
    async summarize(text, limits, call) {
      call?.signal?.throwIfAborted();
      if (!Number.isInteger(limits.maxSentences) || limits.maxSentences < 1) {
        throw new ValidationError({ message: 'maxSentences must be a whole number of at least 1.' });
      }
      const { reader } = await loadBuiltin();
      return { value: extractiveSummary(reader, text, limits.maxSentences), usage: noTokens };
    },
    async answer(question, passages, call) {
      call?.signal?.throwIfAborted();
      const { reader } = await loadBuiltin();
      return { value: groundedAnswer(reader, question, passages, call?.referenceDate), usage: noTokens };
    },
    async compose(request, call) {
      call?.signal?.throwIfAborted();
      return { value: request.draft, usage: noTokens };
    },
    structured() {
      return Promise.reject(new ModelUnsupportedError({ message: 'The built-in engine has no free-form structured output; configure a model provider for this.' }));
    },
    generate() {
      return Promise.reject(new ModelUnsupportedError({ message: 'The built-in engine cannot follow free-form prompts; configure a model provider for the chat or coding role.' }));
    },
  };
}
