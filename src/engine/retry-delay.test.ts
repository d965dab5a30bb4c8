import { describe, expect, it } from 'vitest';
import { ValidationError, RateLimitedError } from '../kernel/index.ts';
import { NonRetryableStepError, StepTimeoutError, ExpressionError } from './engine-errors.ts';
import { retryDelay, shouldRetry } from './retry-delay.ts';
import { retryPolicySchema, type RetryPolicy } from './workflow-definition.ts';

const defaults = retryPolicySchema.parse({});
const noJitter: RetryPolicy = { ...defaults, jitter: 0 };
const full = () => 0;

describe('retryDelay', () => {
  it('doubles from 1 s with the defaults and no randomness drawn', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7].map((attempt) => retryDelay({ policy: defaults, attempt, random: full }));
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 60_000]);
  });

  it('caps at maxDelayMs, even for huge attempt numbers', () => {
    const policy: RetryPolicy = { ...noJitter, initialDelayMs: 500, multiplier: 3, maxDelayMs: 10_000 };
    expect(retryDelay({ policy, attempt: 3, random: full })).toBe(4_500);
    expect(retryDelay({ policy, attempt: 4, random: full })).toBe(10_000);
    expect(retryDelay({ policy: { ...policy, multiplier: 10 }, attempt: 100, random: full })).toBe(10_000);
  });

  it('is constant with multiplier 1', () => {
    const policy: RetryPolicy = { ...noJitter, multiplier: 1, initialDelayMs: 250 };
    expect([1, 5, 50].map((attempt) => retryDelay({ policy, attempt, random: Math.random }))).toEqual([250, 250, 250]);
  });

  it('jitter only shortens: random 0 gives the full delay, 1 the low end of [d(1-j), d]', () => {
    expect(retryDelay({ policy: defaults, attempt: 2, random: () => 0 })).toBe(2_000);
    expect(retryDelay({ policy: defaults, attempt: 2, random: () => 1 })).toBe(1_600);
    expect(retryDelay({ policy: defaults, attempt: 2, random: () => 0.5 })).toBe(1_800);
    expect(retryDelay({ policy: { ...defaults, jitter: 1 }, attempt: 2, random: () => 1 })).toBe(0);
  });

  it('stays within bounds for any random value, including the cap', () => {
    for (let i = 0; i <= 100; i++) {
      const delay = retryDelay({ policy: defaults, attempt: 9, random: () => i / 100 });
      expect(delay).toBeGreaterThanOrEqual(48_000);
      expect(delay).toBeLessThanOrEqual(60_000);
    }
  });

  it('ignores jitter when it is 0', () => {
    expect(retryDelay({ policy: noJitter, attempt: 1, random: () => 0.99 })).toBe(1_000);
  });

  it('rejects attempts that do not count from 1', () => {
    expect(() => retryDelay({ policy: defaults, attempt: 0, random: full })).toThrow(RangeError);
    expect(() => retryDelay({ policy: defaults, attempt: 1.5, random: full })).toThrow(RangeError);
  });
});

describe('shouldRetry', () => {
  const policy = defaults;

  it('retries unknown errors until the attempts are spent', () => {
    const error = new Error('socket hang up');
    expect(shouldRetry({ policy, attempt: 1, error })).toBe(true);
    expect(shouldRetry({ policy, attempt: 2, error })).toBe(true);
    expect(shouldRetry({ policy, attempt: 3, error })).toBe(false);
    expect(shouldRetry({ policy: { ...policy, maxAttempts: 1 }, attempt: 1, error })).toBe(false);
  });

  it('retries non-Error throwables', () => {
    expect(shouldRetry({ policy, attempt: 1, error: 'boom' })).toBe(true);
    expect(shouldRetry({ policy, attempt: 1, error: undefined })).toBe(true);
  });

  it('retries timeouts and retryable Foundry errors', () => {
    expect(shouldRetry({ policy, attempt: 1, error: new StepTimeoutError({ nodeId: 'a', timeoutMs: 10 }) })).toBe(true);
    expect(shouldRetry({ policy, attempt: 1, error: new RateLimitedError({ message: 'slow down' }) })).toBe(true);
  });

  it('does not retry when the error says it is not retryable', () => {
    expect(shouldRetry({ policy, attempt: 1, error: new NonRetryableStepError({ message: 'gone' }) })).toBe(false);
    expect(shouldRetry({ policy, attempt: 1, error: new ValidationError({ message: 'bad input' }) })).toBe(false);
    expect(shouldRetry({ policy, attempt: 1, error: new ExpressionError({ expression: 'x.', message: 'syntax' }) })).toBe(false);
  });

  it('recognises Foundry errors from another copy of the module by their marker', () => {
    const foreign = Object.assign(new Error('copy'), { [Symbol.for('foundry.error')]: true, retryable: false });
    expect(shouldRetry({ policy, attempt: 1, error: foreign })).toBe(false);
  });

  it('does not retry a retryable error once attempts are exhausted', () => {
    expect(shouldRetry({ policy, attempt: 3, error: new StepTimeoutError({ nodeId: 'a', timeoutMs: 10 }) })).toBe(false);
  });
});
