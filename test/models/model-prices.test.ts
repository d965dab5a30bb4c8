import { describe, expect, it } from 'vitest';
import { priceOf } from '../../src/models/model-prices.ts';

describe('priceOf', () => {
  it('prices OpenAI and Anthropic calls from the genai-prices table', async () => {
    const openai = await priceOf({ provider: 'openai', model: 'gpt-4.1-mini', tokensIn: 1_000_000, tokensOut: 1_000_000 });
    expect(openai).toBeGreaterThan(0);
    const anthropic = await priceOf({ provider: 'anthropic', model: 'claude-haiku-4-5', tokensIn: 1000, tokensOut: 100 });
    expect(anthropic).toBeCloseTo(0.0015, 6);
    expect(await priceOf({ provider: 'openai', model: 'text-embedding-3-small', tokensIn: 1000, tokensOut: 0 })).toBeCloseTo(0.00002, 8);
  });

  it('costs nothing for the built-in engine, a local server, an unknown model or no tokens', async () => {
    expect(await priceOf({ provider: 'builtin', model: 'builtin-1', tokensIn: 100, tokensOut: 100 })).toBe(0);
    expect(await priceOf({ provider: 'openai-compatible', model: 'llama3.2:3b', baseUrl: 'http://localhost:11434/v1', tokensIn: 100, tokensOut: 100 })).toBe(0);
    expect(await priceOf({ provider: 'openai', model: 'no-such-model', tokensIn: 100, tokensOut: 100 })).toBe(0);
    expect(await priceOf({ provider: 'openai', model: 'gpt-4.1-mini', tokensIn: 0, tokensOut: 0 })).toBe(0);
  });
});
