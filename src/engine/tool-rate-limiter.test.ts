import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRateLimiter, toolRateLimiter } from './tool-rate-limiter.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Starts `count` takes and records, in order, which have resolved. */
function takeAll(take: () => Promise<void>, count: number) {
  const started: number[] = [];
  const pending = Array.from({ length: count }, (_, i) => take().then(() => void started.push(i)));
  return { started, pending };
}

describe('createRateLimiter', () => {
  it('lets a burst of perSecond calls start, then one more every 1/perSecond seconds, in arrival order', async () => {
    const limiter = createRateLimiter({ perSecond: 2 });
    const { started } = takeAll(() => limiter.take(), 5);
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([0, 1]);
    await vi.advanceTimersByTimeAsync(499);
    expect(started).toEqual([0, 1]);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toEqual([0, 1, 2]);
    await vi.advanceTimersByTimeAsync(500);
    expect(started).toEqual([0, 1, 2, 3]);
    await vi.advanceTimersByTimeAsync(500);
    expect(started).toEqual([0, 1, 2, 3, 4]);
  });

  it('applies the stricter of perSecond and perMinute', async () => {
    const limiter = createRateLimiter({ perSecond: 10, perMinute: 3 });
    const { started } = takeAll(() => limiter.take(), 4);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(started).toEqual([0, 1, 2]);
    await vi.advanceTimersByTimeAsync(19_000);
    expect(started).toEqual([0, 1, 2, 3]);
  });

  it('refills while idle, but never beyond one burst', async () => {
    const limiter = createRateLimiter({ perSecond: 2 });
    await vi.advanceTimersByTimeAsync(60_000);
    const { started } = takeAll(() => limiter.take(), 3);
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([0, 1]);
  });

  it('rejects a wait that is aborted and gives its turn back', async () => {
    const limiter = createRateLimiter({ perSecond: 1 });
    await limiter.take();
    const controller = new AbortController();
    const aborted = limiter.take(controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(aborted).rejects.toThrow('cancelled');
    const { started } = takeAll(() => limiter.take(), 1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(started).toEqual([0]);
    await expect(limiter.take(AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
  });

  it('keeps one limiter per tool registration', () => {
    const tool = { name: 't', description: '', rateLimit: { perSecond: 1 } };
    expect(toolRateLimiter(tool)).toBe(toolRateLimiter(tool));
    expect(toolRateLimiter({ ...tool })).not.toBe(toolRateLimiter(tool));
    expect(toolRateLimiter({ name: 'u', description: '' })).toBeUndefined();
  });
});
