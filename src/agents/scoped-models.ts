import type {
  CallOptions, ComposeRequest, EngineTag, Entities, GroundedAnswer, IntentOption, IntentResult, ModelGateway, Passage, Reply,
  StructuredRequest, UsageScope,
} from '../models/index.ts';

/** What a turn spent across its model calls. */
export interface TurnUsage {
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  /** The engine of the latest call. */
  lastEngine?: EngineTag;
}

/** The gateway's operations bound to one scope (a project's message, a run), adding up their usage. */
export interface ScopedModels {
  classifyIntent(text: string, options: IntentOption[], call?: CallOptions): Promise<Reply<IntentResult>>;
  extractEntities(text: string, call?: CallOptions): Promise<Reply<Entities>>;
  summarize(text: string, limits: { maxSentences: number }, call?: CallOptions): Promise<Reply<string>>;
  answer(question: string, passages: Passage[], call?: CallOptions): Promise<Reply<GroundedAnswer>>;
  compose(request: ComposeRequest, call?: CallOptions): Promise<Reply<string>>;
  structured<T>(request: StructuredRequest<T>, call?: CallOptions): Promise<Reply<T>>;
  readonly usage: TurnUsage;
}

export function scopeModels(gateway: ModelGateway, scope: UsageScope, defaults: CallOptions = {}): ScopedModels {
  const usage: TurnUsage = { tokensIn: 0, tokensOut: 0, costUsd: 0 };
  const tally = async <T>(reply: Promise<Reply<T>>): Promise<Reply<T>> => {
    const done = await reply;
    usage.tokensIn += done.usage.tokensIn;
    usage.tokensOut += done.usage.tokensOut;
    usage.costUsd += done.costUsd;
    usage.lastEngine = done.engine;
    return done;
  };
  const with_ = (call?: CallOptions): CallOptions => ({ ...defaults, ...call });
  return {
    usage,
    classifyIntent: (text, options, call) => tally(gateway.classifyIntent(scope, text, options, with_(call))),
    extractEntities: (text, call) => tally(gateway.extractEntities(scope, text, with_(call))),
    summarize: (text, limits, call) => tally(gateway.summarize(scope, text, limits, with_(call))),
    answer: (question, passages, call) => tally(gateway.answer(scope, question, passages, with_(call))),
    compose: (request, call) => tally(gateway.compose(scope, request, with_(call))),
    structured: <T>(request: StructuredRequest<T>, call?: CallOptions) => tally(gateway.structured(scope, request, with_(call))),
  };
}
