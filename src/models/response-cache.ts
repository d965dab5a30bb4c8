import { createHash } from 'node:crypto';

/** Replies of deterministic model calls, in this process, least recently used dropped first. */
export interface ResponseCache {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  readonly size: number;
}

/** SHA-256 of the parts, in order (workspace, provider, base URL, model, operation, inputs). */
export function cacheKey(parts: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/**
 * A bounded LRU map: a Map keeps insertion order, so a hit is moved to the end and the first
 * key is the least recently used. Values are copied in and out, so no caller can change what
 * another will read. `maxEntries` 0 keeps nothing.
 */
export function createResponseCache(maxEntries: number): ResponseCache {
  const entries = new Map<string, unknown>();
  return {
    get<T>(key: string): T | undefined {
      if (!entries.has(key)) return undefined;
      const value = entries.get(key);
      entries.delete(key);
      entries.set(key, value);
      return structuredClone(value) as T;
    },
    set(key, value) {
      if (maxEntries <= 0) return;
      entries.delete(key);
      entries.set(key, structuredClone(value));
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
    get size() {
      return entries.size;
    },
  };
}
