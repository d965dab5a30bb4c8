import { describe, expect, it } from 'vitest';
import { cacheKey, createResponseCache } from '../../src/models/response-cache.ts';

describe('createResponseCache', () => {
  it('drops the least recently used entry past its size', () => {
    const cache = createResponseCache(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('hands out copies, so a caller cannot change what the next one reads', () => {
    const cache = createResponseCache(10);
    const value = { intent: 'quote', ranking: [{ intent: 'quote', confidence: 0.9 }] };
    cache.set('k', value);
    value.intent = 'changed';
    const first = cache.get<typeof value>('k')!;
    first.ranking.push({ intent: 'x', confidence: 0 });
    expect(cache.get('k')).toEqual({ intent: 'quote', ranking: [{ intent: 'quote', confidence: 0.9 }] });
  });

  it('keeps nothing with size 0', () => {
    const cache = createResponseCache(0);
    cache.set('a', 1);
    expect(cache.get('a')).toBeUndefined();
  });
});

describe('cacheKey', () => {
  it('is a SHA-256 that changes with any part', () => {
    const key = cacheKey(['w1', 'openai', 'gpt-4.1-mini', 'classify', ['text']]);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheKey(['w1', 'openai', 'gpt-4.1-mini', 'classify', ['text']])).toBe(key);
    expect(cacheKey(['w2', 'openai', 'gpt-4.1-mini', 'classify', ['text']])).not.toBe(key);
    expect(cacheKey(['w1', 'openai', 'gpt-4.1-mini', 'classify', ['text!']])).not.toBe(key);
  });
});
