import { describe, expect, it } from 'vitest';
import { createSpellingCorrector, editDistance } from './spelling-correction.ts';

describe('spelling correction', () => {
  it('measures edits with transpositions and gives up early', () => {
    expect(editDistance('approved', 'aproved', 2)).toBe(1);
    expect(editDistance('teh', 'the', 2)).toBe(1);
    expect(editDistance('logo', 'variation', 2)).toBe(3);
  });

  it('corrects slips towards known words and leaves real words alone', () => {
    const correct = createSpellingCorrector(new Map([['hello', 1], ['help', 5], ['approved', 2], ['what', 3], ['stop', 2], ['factory', 1]]), new Set(['step']));
    expect(correct('helo')).toBe('hello');
    expect(correct('aproved')).toBe('approved');
    expect(correct('wat')).toBe('what');
    expect(correct('factorys')).toBe('factory');
    expect(correct('step')).toBeUndefined();
    expect(correct('shop')).toBeUndefined();
    expect(correct('help')).toBeUndefined();
  });
});
