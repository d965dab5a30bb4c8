import { describe, expect, it } from 'vitest';
import { FoundryError } from '../kernel/index.ts';
import {
  ExpressionError, InvalidRunTransitionError, InvalidStepTransitionError, NonRetryableStepError, StepTimeoutError,
} from './engine-errors.ts';

describe('engine errors', () => {
  it.each([
    [new StepTimeoutError({ nodeId: 'fetch', timeoutMs: 5_000 }), 'STEP_TIMEOUT', 'system', true],
    [new NonRetryableStepError({ message: 'gone' }), 'STEP_FAILED_PERMANENTLY', 'system', false],
    [new InvalidRunTransitionError({ from: 'succeeded', event: 'pause', allowed: [] }), 'INVALID_RUN_TRANSITION', 'user', false],
    [new InvalidStepTransitionError({ from: 'failed', event: 'start', allowed: [] }), 'INVALID_STEP_TRANSITION', 'system', false],
    [new ExpressionError({ expression: '$x(', message: 'syntax error' }), 'EXPRESSION_FAILED', 'user', false],
  ] as const)('%s has a stable code, category and retryability', (error, code, category, retryable) => {
    expect(FoundryError.isInstance(error)).toBe(true);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe(code);
    expect(error.category).toBe(category);
    expect(error.retryable).toBe(retryable);
  });

  it('maps user errors to the right 4xx status', () => {
    expect(new InvalidRunTransitionError({ from: 'succeeded', event: 'pause', allowed: [] }).status).toBe(409);
    expect(new ExpressionError({ expression: 'a', message: 'm' }).status).toBe(422);
  });

  it('names the class and carries structured details', () => {
    const error = new StepTimeoutError({ nodeId: 'fetch', timeoutMs: 5_000 });
    expect(error.name).toBe('StepTimeoutError');
    expect(error.message).toBe('Step "fetch" timed out after 5000 ms.');
    expect(error.toJSON()).toEqual({ code: 'STEP_TIMEOUT', message: error.message, details: { nodeId: 'fetch', timeoutMs: 5_000 } });
  });

  it('lets a tool mark a permanent failure as third-party and keep the cause', () => {
    const cause = new Error('HTTP 404');
    const error = new NonRetryableStepError({ message: 'Customer 42 does not exist.', category: 'third_party', cause });
    expect(error.category).toBe('third_party');
    expect(error.cause).toBe(cause);
  });

  it('prefixes expression messages with the node', () => {
    const error = new ExpressionError({ expression: 'steps.a.', nodeId: 'route', message: 'Unexpected end of expression' });
    expect(error.message).toBe('Node "route": Unexpected end of expression');
    expect(error.details).toEqual({ expression: 'steps.a.', nodeId: 'route' });
  });
});
