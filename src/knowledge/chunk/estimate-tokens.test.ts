import { describe, expect, it } from 'vitest';
import { estimateTokens } from './estimate-tokens.ts';

describe('estimateTokens', () => {
  it('counts words by length, numbers by digits, punctuation runs and CJK characters', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('the case')).toBe(2);
    expect(estimateTokens('internationalization')).toBe(4);
    expect(estimateTokens('10000')).toBe(2);
    expect(estimateTokens('Hello, world!')).toBe(4);
    expect(estimateTokens('----------')).toBe(4);
    expect(estimateTokens('日本語')).toBe(3);
    expect(estimateTokens('café naïve')).toBe(2);
  });

  it('is additive over whitespace', () => {
    const a = 'A rugged case (TPU), 150 x 75 mm.';
    const b = 'Ships in 5 days; samples first!';
    expect(estimateTokens(`${a}\n\n${b}`)).toBe(estimateTokens(a) + estimateTokens(b));
  });

  it('gives English prose about 1.2 to 1.5 tokens per word', () => {
    const text = 'The supplier confirmed that the first production run of ten thousand phone cases will ship in March, '
      + 'after the customer approves the final samples and the packaging artwork has been checked by the print shop.';
    const ratio = estimateTokens(text) / text.split(/\s+/).length;
    expect(ratio).toBeGreaterThan(1.1);
    expect(ratio).toBeLessThan(1.5);
  });
});
