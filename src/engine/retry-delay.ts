import { FoundryError } from '../kernel/index.ts';
import type { RetryPolicy } from './workflow-definition.ts';

/**
 * Milliseconds to wait before attempt `attempt + 1`, after attempt `attempt` (counted from 1)
 * failed: `initialDelayMs * multiplier^(attempt - 1)`, capped at `maxDelayMs`, then jittered.
 *
 * Jitter only shortens: with fraction `j` the delay is uniform in `[d * (1 - j), d]`, so
 * `maxDelayMs` stays a true upper bound and retries of many runs failing together spread out.
 * `random()` is in [0, 1): 0 gives the full delay, values towards 1 the shortest.
 *
 * @example retryDelay({ policy, attempt: 1, random: Math.random }) // ~800–1000 with the defaults
 */
export function retryDelay({ policy, attempt, random }: { policy: RetryPolicy; attempt: number; random: () => number }): number {
  if (!Number.isInteger(attempt) || attempt < 1) throw new RangeError(`attempt counts from 1, got ${attempt}`);
  const exponential = policy.initialDelayMs * policy.multiplier ** (attempt - 1);
  const capped = Math.min(exponential, policy.maxDelayMs);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(capped * (1 - policy.jitter * r));
}

/**
 * Whether attempt `attempt` (counted from 1), which failed with `error`, should be followed by
 * another. No when the policy's attempts are spent or when a Foundry error says it is not
 * retryable; errors from outside Foundry (a tool's TypeError, a socket reset) are retried,
 * since a tool signals a permanent failure by throwing `NonRetryableStepError`.
 */
export function shouldRetry({ policy, attempt, error }: { policy: RetryPolicy; attempt: number; error: unknown }): boolean {
  if (attempt >= policy.maxAttempts) return false;
  return FoundryError.isInstance(error) ? error.retryable : true;
}
