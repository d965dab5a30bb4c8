import type { ToolRateLimit, ToolRegistration } from '../kernel/index.ts';

/** Hands out turns under a rate limit. */
export interface RateLimiter {
  /** Resolves when the call may start; rejects with the signal's reason when it is aborted while waiting. */
  take(signal?: AbortSignal): Promise<void>;
}

interface Bucket {
  capacity: number;
  perMs: number;
  tokens: number;
  at: number;
}

/**
 * One token bucket per limit, each holding at most its rate (so up to `perSecond` calls may start
 * at once) and refilling continuously. A call takes a token from every bucket, going into debt when
 * one is empty, and waits until the debt is paid back: waiting calls keep their order and nothing
 * polls. An aborted wait returns its token.
 */
export function createRateLimiter(limit: ToolRateLimit): RateLimiter {
  const start = Date.now();
  const bucket = (perMs: number, capacity: number): Bucket => ({ capacity, perMs, tokens: capacity, at: start });
  const buckets = [
    ...(limit.perSecond === undefined ? [] : [bucket(limit.perSecond / 1000, limit.perSecond)]),
    ...(limit.perMinute === undefined ? [] : [bucket(limit.perMinute / 60_000, limit.perMinute)]),
  ];
  return {
    async take(signal) {
      signal?.throwIfAborted();
      const now = Date.now();
      let waitMs = 0;
      for (const b of buckets) {
        b.tokens = Math.min(b.capacity, b.tokens + (now - b.at) * b.perMs) - 1;
        b.at = now;
        if (b.tokens < 0) waitMs = Math.max(waitMs, -b.tokens / b.perMs);
      }
      if (waitMs === 0) return;
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          clearTimeout(timer);
          for (const b of buckets) b.tokens += 1;
          reject(signal?.reason);
        };
        const timer = setTimeout(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        }, Math.ceil(waitMs));
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}

const limiters = new WeakMap<ToolRegistration, RateLimiter>();

/** The rate limiter of a tool in this process (limits are per worker process, not cluster-wide); none without a rateLimit. */
export function toolRateLimiter(tool: ToolRegistration): RateLimiter | undefined {
  if (tool.rateLimit === undefined) return undefined;
  let limiter = limiters.get(tool);
  if (limiter === undefined) {
    limiter = createRateLimiter(tool.rateLimit);
    limiters.set(tool, limiter);
  }
  return limiter;
}
