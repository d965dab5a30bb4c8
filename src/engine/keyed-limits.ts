/**
 * In-process concurrency limits by key (a workspace, a tool). Non-blocking: the run driver asks
 * before starting a step and, when refused, waits for `onRelease` to try again.
 */
export interface KeyedLimits {
  tryAcquire(key: string, limit: number): boolean;
  release(key: string): void;
  /** Called after every release; returns the unsubscribe function. */
  onRelease(listener: () => void): () => void;
  inUse(key: string): number;
}

export function createKeyedLimits(): KeyedLimits {
  const counts = new Map<string, number>();
  const listeners = new Set<() => void>();
  return {
    tryAcquire(key, limit) {
      const used = counts.get(key) ?? 0;
      if (used >= limit) return false;
      counts.set(key, used + 1);
      return true;
    },
    release(key) {
      const used = (counts.get(key) ?? 0) - 1;
      if (used <= 0) counts.delete(key);
      else counts.set(key, used);
      for (const listener of listeners) listener();
    },
    onRelease(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    inUse: (key) => counts.get(key) ?? 0,
  };
}
