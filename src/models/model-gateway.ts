import type { Db } from '../db/index.ts';
import { createCircuitBreakers, type CircuitBreakers } from '../engine/index.ts';
import { FoundryError, type Config, type Logger } from '../kernel/index.ts';
import { ssrfAllowList, type HostResolver, type SsrfGuardOptions } from '../tools/index.ts';
import type { MasterKeys } from '../vault/index.ts';
import type {
  CallOptions, LanguageEngine, ModelGateway, ModelRole, Reply, Result, TokenUsage, UsageLedger, UsageScope,
} from './language-engine.ts';
import { ModelOutputInvalidError, ModelUnsupportedError } from './model-errors.ts';
import { priceOf } from './model-prices.ts';
import type { RoleTestView } from './model-settings-schemas.ts';
import { trustedOrigins, type ModelConfig } from './provider-config.ts';
import { callWithPolicy } from './provider-call-policy.ts';
import type { ProviderEngine } from './providers/create-provider-engine.ts';
import { guardedProviderFetch } from './providers/provider-fetch.ts';
import { baseUrlOf, type ProviderTarget } from './providers/provider-target.ts';
import { cacheKey, createResponseCache } from './response-cache.ts';
import { resolveRole, type ResolvedRole } from './resolve-role.ts';

export interface ModelGatewayDeps {
  db: Db;
  /** Vault keys, to read a workspace's provider credential. */
  keys: MasterKeys;
  config: ModelConfig & Pick<Config, 'modelTimeoutMs' | 'modelRetries' | 'modelCacheEntries'>;
  /** The offline engine: the default, and the fallback when a provider fails. */
  builtin: LanguageEngine;
  ledger: UsageLedger;
  logger: Logger;
  /**
   * Circuit breakers, one per provider, model and host. Pass the workflow worker's to see them in
   * the `foundry_circuit_breaker_state` metric.
   * @default createCircuitBreakers()
   */
  breakers?: CircuitBreakers;
  /**
   * First retry delay in milliseconds (doubling, with jitter).
   * @default 250
   */
  retryDelayMs?: number;
  /** DNS of the SSRF guard (test seam). */
  resolve?: HostResolver;
}

/** The gateway, plus the one-call check the model settings page offers. */
export interface FoundryModelGateway extends ModelGateway {
  /** The built-in engine's model name, shown for roles nothing configures. */
  readonly builtinModel: string;
  /** One tiny real call with the role's engine, through its circuit breaker but without retries, cache or fallback; usage is recorded. */
  testRole(workspaceId: string, role: ModelRole): Promise<RoleTestView>;
}

/** Recorded as the usage record's `operation`: the gateway method's name. */
type Operation = 'classifyIntent' | 'extractEntities' | 'summarize' | 'answer' | 'compose' | 'structured' | 'generate' | 'embed';

const roleOf: Record<Operation, ModelRole> = {
  classifyIntent: 'extraction', extractEntities: 'extraction', structured: 'extraction', summarize: 'chat', answer: 'chat', compose: 'chat', generate: 'chat',
  embed: 'embedding',
};

interface Perform<T> {
  /**
   * For deterministic operations (temperature 0) only: everything the reply depends on besides
   * the engine. Its hash, with the workspace and the engine, is the cache key.
   */
  cacheInput?: unknown;
  /** The built-in engine answers when the provider fails. */
  fallback: boolean;
  invoke: (engine: LanguageEngine, call: CallOptions | undefined) => Promise<Result<T>>;
  /** The role whose engine answers, when the operation does not fix it. */
  role?: ModelRole;
}

const zero: TokenUsage = { tokensIn: 0, tokensOut: 0 };

/** Tokens a failed call still used (output that failed validation was paid for). */
function spentOn(error: unknown): TokenUsage {
  if (!(error instanceof ModelOutputInvalidError)) return zero;
  const details = error.details as Partial<TokenUsage> | undefined;
  return { tokensIn: details?.tokensIn ?? 0, tokensOut: details?.tokensOut ?? 0 };
}

const errorSummary = (error: unknown) => (FoundryError.isInstance(error)
  ? { code: error.code, message: error.message, retryable: error.retryable }
  : { code: 'MODEL_PROVIDER_FAILED', message: error instanceof Error ? error.name : 'unknown error', retryable: false });

/**
 * The ModelGateway: per call it resolves the workspace's engine for the operation's role
 * (workspace setting, else environment, else built-in), serves deterministic repeats from the
 * cache, checks the budgets before a provider call (BudgetExceededError propagates), calls the
 * provider through the SSRF guard with timeout, retries and a circuit breaker, and records a
 * usage record for every call. When the provider fails, times out, its breaker is open or its
 * output is invalid, the built-in engine answers (`engine.fellBack`) and the failure is logged
 * without secrets; `structured` and `embed` have no fallback and throw.
 *
 * @example
 * const models = createModelGateway({ db, keys, config, builtin: createBuiltinEngine(), ledger, logger });
 * const reply = await models.classifyIntent({ workspaceId, projectId }, 'I need 500 phone cases', intents);
 */
export function createModelGateway(deps: ModelGatewayDeps): FoundryModelGateway {
  const { builtin, ledger, logger, config } = deps;
  const breakers = deps.breakers ?? createCircuitBreakers();
  const cache = createResponseCache(config.modelCacheEntries);
  const policy = { timeoutMs: config.modelTimeoutMs, retries: config.modelRetries, retryDelayMs: deps.retryDelayMs ?? 250 };
  const allow = ssrfAllowList(config.ssrfAllow);
  const trusted = trustedOrigins(config);
  /** The guard of a target: FOUNDRY_SSRF_ALLOW, plus its own host when it is at an origin the operator configured. */
  const guardOf = (target: ProviderTarget): SsrfGuardOptions => {
    const url = new URL(baseUrlOf(target) ?? 'http://unknown');
    const hosts = trusted.includes(url.origin) ? [...(allow.hosts ?? []), url.hostname.replace(/^\[(.*)\]$/, '$1')] : allow.hosts;
    return { allow: { ...allow, hosts }, resolve: deps.resolve };
  };
  // The AI SDK is loaded with the first provider call: offline deployments never load it.
  const engineOf = async (target: ProviderTarget): Promise<ProviderEngine> => {
    const [{ createProviderEngine }, { providerModels }] = await Promise.all([import('./providers/create-provider-engine.ts'), import('./providers/provider-models.ts')]);
    return createProviderEngine({ target, models: providerModels(target, guardedProviderFetch(guardOf(target))) });
  };
  const breakerOf = (target: ProviderTarget) => `${target.provider}:${target.model}@${new URL(baseUrlOf(target) ?? 'http://unknown').host}`;
  const elapsed = (started: number) => Math.round(performance.now() - started);

  type Resolution = ResolvedRole | { kind: 'broken'; error: unknown };
  const resolve = (workspaceId: string, role: ModelRole): Promise<Resolution> =>
    resolveRole(deps, workspaceId, role).catch((error: unknown) => ({ kind: 'broken' as const, error }));

  async function perform<T>(operation: Operation, scope: UsageScope, call: CallOptions | undefined, resolved: Resolution, o: Perform<T>): Promise<Reply<T>> {
    const role = o.role ?? roleOf[operation];
    const started = performance.now();
    const record = (r: { provider: LanguageEngine['provider']; model: string; usage: TokenUsage; costUsd: number; cached: boolean; fellBack: boolean }) =>
      ledger.record({ ...scope, role, operation, provider: r.provider, model: r.model, ...r.usage, costUsd: r.costUsd, cached: r.cached, fellBack: r.fellBack, durationMs: elapsed(started) });

    const viaBuiltin = async (fellBack: boolean, spent: TokenUsage, spentUsd: number): Promise<Reply<T>> => {
      const result = await o.invoke(builtin, call);
      await record({ provider: 'builtin', model: builtin.model, usage: result.usage, costUsd: 0, cached: false, fellBack });
      return {
        value: result.value, usage: { tokensIn: result.usage.tokensIn + spent.tokensIn, tokensOut: result.usage.tokensOut + spent.tokensOut },
        engine: { provider: 'builtin', model: builtin.model, fellBack, cached: false }, costUsd: spentUsd,
      };
    };
    const fallBack = (error: unknown, target: ProviderTarget | undefined, spent: TokenUsage, spentUsd: number) => {
      if (!o.fallback) throw error;
      logger.warn({ workspaceId: scope.workspaceId, operation, provider: target?.provider, model: target?.model, error: errorSummary(error) }, 'model provider failed; the built-in engine answered');
      return viaBuiltin(true, spent, spentUsd);
    };

    if (resolved.kind === 'broken') return fallBack(resolved.error, undefined, zero, 0);
    if (resolved.kind === 'builtin') return viaBuiltin(false, zero, 0);

    const { target } = resolved;
    const baseUrl = baseUrlOf(target);
    const key = o.cacheInput === undefined ? undefined : cacheKey([scope.workspaceId, target.provider, baseUrl ?? null, target.model, operation, o.cacheInput]);
    const hit = key === undefined ? undefined : cache.get<Result<T>>(key);
    if (hit) {
      await record({ provider: target.provider, model: target.model, usage: zero, costUsd: 0, cached: true, fellBack: false });
      return { value: hit.value, usage: zero, engine: { provider: target.provider, model: target.model, fellBack: false, cached: true }, costUsd: 0 };
    }

    await ledger.assertWithinBudget(scope);
    let result: Result<T>;
    try {
      const engine = await engineOf(target);
      result = await callWithPolicy({
        breakers, breaker: breakerOf(target), policy, provider: target.provider, signal: call?.signal,
        run: (signal) => o.invoke(engine, { ...call, signal }),
      });
    } catch (error) {
      if (call?.signal?.aborted) throw error;
      const spent = spentOn(error);
      const spentUsd = await priceOf({ provider: target.provider, model: target.model, baseUrl, ...spent });
      if (spent.tokensIn + spent.tokensOut > 0) {
        await record({ provider: target.provider, model: target.model, usage: spent, costUsd: spentUsd, cached: false, fellBack: o.fallback });
      }
      return fallBack(error, target, spent, spentUsd);
    }
    const costUsd = await priceOf({ provider: target.provider, model: target.model, baseUrl, ...result.usage });
    await record({ provider: target.provider, model: target.model, usage: result.usage, costUsd, cached: false, fellBack: false });
    if (key !== undefined) cache.set(key, result);
    return { ...result, engine: { provider: target.provider, model: target.model, fellBack: false, cached: false }, costUsd };
  }

  const run = async <T>(operation: Operation, scope: UsageScope, call: CallOptions | undefined, o: Perform<T>) =>
    perform(operation, scope, call, await resolve(scope.workspaceId, o.role ?? roleOf[operation]), o);

  return {
    builtinModel: builtin.model,
    classifyIntent: (scope, text, options, call) => run('classifyIntent', scope, call, {
      cacheInput: [text, options], fallback: true, invoke: (e, c) => e.classifyIntent(text, options, c),
    }),
    extractEntities: (scope, text, call) => run('extractEntities', scope, call, {
      cacheInput: [text, (call?.referenceDate ?? new Date()).toISOString().slice(0, 10)], fallback: true, invoke: (e, c) => e.extractEntities(text, c),
    }),
    summarize: (scope, text, limits, call) => run('summarize', scope, call, {
      cacheInput: [text, limits.maxSentences], fallback: true, invoke: (e, c) => e.summarize(text, limits, c),
    }),
    answer: (scope, question, passages, call) => run('answer', scope, call, {
      cacheInput: [question, passages], fallback: true, invoke: (e, c) => e.answer(question, passages, c),
    }),
    compose: (scope, request, call) => run('compose', scope, call, {
      fallback: true, invoke: (e, c) => e.compose(request, c),
    }),
    structured: (scope, request, call) => run('structured', scope, call, {
      fallback: false, invoke: (e, c) => e.structured(request, c),
    }),
    generate: (scope, request, call) => run('generate', scope, call, {
      fallback: false, role: request.role ?? 'chat', invoke: (e, c) => e.generate(request, c),
    }),
    async embed(scope, texts, call) {
      const resolved = await resolve(scope.workspaceId, 'embedding');
      if (resolved.kind === 'builtin') return undefined;
      return perform('embed', scope, call, resolved, {
        cacheInput: texts, fallback: false,
        invoke: async (e, c) => {
          if (!e.embed) throw new ModelUnsupportedError({ message: `${e.provider} has no embedding model.` });
          return e.embed(texts, c);
        },
      });
    },

    async testRole(workspaceId, role) {
      const started = performance.now();
      const resolved = await resolve(workspaceId, role);
      if (resolved.kind !== 'provider') {
        const error = resolved.kind === 'broken' ? errorView(resolved.error) : null;
        return { role, provider: 'builtin', model: builtin.model, ok: error === null, latencyMs: elapsed(started), error };
      }
      const { target } = resolved;
      const view = { role, provider: target.provider, model: target.model };
      try {
        if (role === 'image') throw new ModelUnsupportedError({ message: 'Image models cannot be tested here yet.' });
        await ledger.assertWithinBudget({ workspaceId });
        const engine = await engineOf(target);
        const result = await callWithPolicy({
          breakers, breaker: breakerOf(target), policy: { ...policy, retries: 0 }, provider: target.provider,
          run: (signal) => engine.probe(role === 'embedding' ? 'embedding' : 'language', { signal }),
        });
        const costUsd = await priceOf({ provider: target.provider, model: target.model, baseUrl: baseUrlOf(target), ...result.usage });
        await ledger.record({ workspaceId, role, operation: 'test', provider: target.provider, model: target.model, ...result.usage, costUsd, cached: false, fellBack: false, durationMs: elapsed(started) });
        return { ...view, ok: true, latencyMs: elapsed(started), error: null };
      } catch (error) {
        return { ...view, ok: false, latencyMs: elapsed(started), error: errorView(error) };
      }
    },
  };
}

function errorView(error: unknown): { code: string; message: string } {
  const { code, message } = errorSummary(error);
  return { code, message };
}
