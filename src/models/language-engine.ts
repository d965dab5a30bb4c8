import type { z } from 'zod';
import type { Entities } from './entities.ts';

export const modelRoles = ['chat', 'extraction', 'coding', 'embedding', 'image'] as const;
export type ModelRole = (typeof modelRoles)[number];

export const providerNames = ['builtin', 'openai', 'anthropic', 'openai-compatible'] as const;
export type ProviderName = (typeof providerNames)[number];

/** An intent the caller can route to; the examples teach the built-in classifier and prompt a provider. */
export interface IntentOption {
  name: string;
  description: string;
  examples: string[];
}

export interface IntentResult {
  intent: string;
  /** 0..1 */
  confidence: number;
  /** Every option, best first. */
  ranking: { intent: string; confidence: number }[];
}

/** Where a passage came from, precise enough to open the source at that place. */
export interface Citation {
  sourceId: string;
  sourceName: string;
  chunkId: string;
  page?: number;
  sheet?: string;
  heading?: string;
  charStart: number;
  charEnd: number;
}

export interface Passage {
  text: string;
  citation: Citation;
  score?: number;
}

export interface GroundedAnswer {
  text: string;
  /** The passages the answer rests on; empty when the knowledge does not answer the question. */
  citations: Citation[];
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/**
 * Text written from facts. The caller always supplies `draft`, already correct and complete
 * (the built-in engine returns it as is); a provider may only reword it, keeping every fact.
 */
export interface ComposeRequest {
  purpose: string;
  draft: string;
  facts?: Record<string, unknown>;
  history?: ChatMessage[];
}

export interface StructuredRequest<T> {
  schema: z.ZodType<T>;
  /** What the object is for; becomes the instruction. */
  instruction: string;
  input: string;
}

/** Free text for a prompt (a workflow's model node). Only providers follow free-form prompts. */
export interface GenerateRequest {
  prompt: string;
  instruction?: string;
  /** The role whose model answers. @default 'chat' */
  role?: 'chat' | 'coding';
  maxTokens?: number;
}

export interface TokenUsage {
  tokensIn: number;
  tokensOut: number;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** The date relative phrases ("next Friday") are resolved against; defaults to today (UTC). */
  referenceDate?: Date;
}

/**
 * The language capabilities every engine offers: the built-in offline one and each provider.
 * Each call returns its value and the tokens it used (0 for the built-in engine).
 */
export interface LanguageEngine {
  readonly provider: ProviderName;
  readonly model: string;
  classifyIntent(text: string, options: IntentOption[], call?: CallOptions): Promise<Result<IntentResult>>;
  extractEntities(text: string, call?: CallOptions): Promise<Result<Entities>>;
  summarize(text: string, limits: { maxSentences: number }, call?: CallOptions): Promise<Result<string>>;
  answer(question: string, passages: Passage[], call?: CallOptions): Promise<Result<GroundedAnswer>>;
  compose(request: ComposeRequest, call?: CallOptions): Promise<Result<string>>;
  /** An object matching the schema; the built-in engine throws ModelUnsupportedError. */
  structured<T>(request: StructuredRequest<T>, call?: CallOptions): Promise<Result<T>>;
  /** Text that follows a free-form prompt; the built-in engine throws ModelUnsupportedError. */
  generate(request: GenerateRequest, call?: CallOptions): Promise<Result<string>>;
  /** One vector per text; undefined when the engine has no embedding model. */
  embed?(texts: string[], call?: CallOptions): Promise<Result<number[][]>>;
}

export interface Result<T> {
  value: T;
  usage: TokenUsage;
}

/** Which engine produced a reply, recorded on every message and usage record and shown in the UI. */
export interface EngineTag {
  provider: ProviderName;
  model: string;
  /** A provider was configured but failed; the built-in engine answered. */
  fellBack: boolean;
  cached: boolean;
}

/** Who pays for a call: budgets and usage records are kept at these levels. */
export interface UsageScope {
  workspaceId: string;
  projectId?: string;
  runId?: string;
  messageId?: string;
}

export interface UsageRecordInput extends UsageScope {
  role: ModelRole;
  operation: string;
  provider: ProviderName;
  model: string;
  tokensIn: number;
  tokensOut: number;
  costUsd: number;
  cached: boolean;
  fellBack: boolean;
  durationMs: number;
}

/** Writes usage records and enforces budgets (implemented over model_usage and model_budgets). */
export interface UsageLedger {
  /** Throws BudgetExceededError (402, BUDGET_EXCEEDED) when any budget of the scope is spent. */
  assertWithinBudget(scope: UsageScope): Promise<void>;
  record(input: UsageRecordInput): Promise<void>;
}

/** A gateway reply: the value, the engine that produced it, the tokens and what they cost. */
export interface Reply<T> extends Result<T> {
  engine: EngineTag;
  costUsd: number;
}

/**
 * What the rest of Foundry calls. For each operation it picks the workspace's engine for the role
 * (classify, extract and structured: `extraction`; summarize, answer and compose: `chat`; generate:
 * its request's role; embed: `embedding`), checks budgets, applies timeout, retries, circuit breaker and cache, records usage
 * against the scope, and falls back to the built-in engine when a provider fails, times out or
 * returns invalid output.
 */
export interface ModelGateway {
  classifyIntent(scope: UsageScope, text: string, options: IntentOption[], call?: CallOptions): Promise<Reply<IntentResult>>;
  extractEntities(scope: UsageScope, text: string, call?: CallOptions): Promise<Reply<Entities>>;
  summarize(scope: UsageScope, text: string, limits: { maxSentences: number }, call?: CallOptions): Promise<Reply<string>>;
  answer(scope: UsageScope, question: string, passages: Passage[], call?: CallOptions): Promise<Reply<GroundedAnswer>>;
  compose(scope: UsageScope, request: ComposeRequest, call?: CallOptions): Promise<Reply<string>>;
  /** No built-in fallback: throws ModelUnsupportedError when no provider is configured for `extraction`. */
  structured<T>(scope: UsageScope, request: StructuredRequest<T>, call?: CallOptions): Promise<Reply<T>>;
  /** The request's role (`chat` by default); no built-in fallback, as for `structured`. */
  generate(scope: UsageScope, request: GenerateRequest, call?: CallOptions): Promise<Reply<string>>;
  /** Undefined when the workspace has no embedding model (search is then full-text only). */
  embed(scope: UsageScope, texts: string[], call?: CallOptions): Promise<Reply<number[][]> | undefined>;
}
