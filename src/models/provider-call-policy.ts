import { ExponentialBackoff, handleWhen, retry } from 'cockatiel';
import type { CircuitBreakers } from '../engine/index.ts';
import { ModelProviderError } from './model-errors.ts';

export interface CallPolicy {
  /** One attempt's time limit. */
  timeoutMs: number;
  /** Attempts after the first, for retryable failures only. */
  retries: number;
  /** First backoff delay; it doubles with jitter, up to 16 times this. */
  retryDelayMs: number;
}

/**
 * Runs a provider call through the circuit breaker `breaker`, retrying retryable
 * ModelProviderErrors with exponential backoff, each attempt limited to `timeoutMs` (a timeout
 * is a retryable MODEL_TIMEOUT). The breaker counts one failure per call, not per attempt. An
 * abort by the caller's signal is thrown as it is and not retried.
 */
export async function callWithPolicy<T>(o: {
  breakers: CircuitBreakers; breaker: string; policy: CallPolicy; provider: string; signal?: AbortSignal | undefined;
  run: (signal: AbortSignal) => Promise<T>;
}): Promise<T> {
  const { timeoutMs, retries, retryDelayMs } = o.policy;
  const retrying = retry(handleWhen((error) => error instanceof ModelProviderError && error.retryable), {
    maxAttempts: retries, backoff: new ExponentialBackoff({ initialDelay: retryDelayMs, maxDelay: retryDelayMs * 16 }),
  });
  const attempt = async (signal: AbortSignal) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    try {
      return await o.run(AbortSignal.any([signal, timeout]));
    } catch (error) {
      if (timeout.aborted && !signal.aborted) {
        throw new ModelProviderError({ provider: o.provider, code: 'MODEL_TIMEOUT', retryable: true, message: `${o.provider} did not answer within ${timeoutMs} ms.`, cause: error });
      }
      throw error;
    }
  };
  return o.breakers.execute(o.breaker, () => retrying.execute(({ signal }) => attempt(signal), o.signal));
}
