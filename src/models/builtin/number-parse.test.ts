import { describe, expect, it } from 'vitest';
import { parseDigits, parseNumber, parseWordNumber, roundTo } from './number-parse.ts';

describe('number parsing', () => {
  it('reads digits with separators, decimals and scales', () => {
    expect(parseDigits('10,000')).toBe(10_000);
    expect(parseDigits('2.5')).toBe(2.5);
    expect(parseDigits('.75')).toBe(0.75);
    expect(parseDigits('5k')).toBe(5_000);
    expect(parseDigits('2.5 K')).toBe(2_500);
    expect(parseDigits('1.5 million')).toBe(1_500_000);
    expect(parseDigits('3bn')).toBe(3_000_000_000);
    expect(parseDigits('12 apples')).toBeUndefined();
  });

  it('reads numbers written in words', () => {
    expect(parseWordNumber('two thousand')).toBe(2_000);
    expect(parseWordNumber('a dozen')).toBe(12);
    expect(parseWordNumber('twelve dozen')).toBe(144);
    expect(parseWordNumber('half a million')).toBe(500_000);
    expect(parseWordNumber('one hundred and fifty')).toBe(150);
    expect(parseWordNumber('twenty-five thousand')).toBe(25_000);
    expect(parseWordNumber('a few')).toBeUndefined();
  });

  it('chooses digits or words, and rounds away binary noise', () => {
    expect(parseNumber('7,500')).toBe(7_500);
    expect(parseNumber('six')).toBe(6);
    expect(roundTo(6.1 * 25.4, 3)).toBe(154.94);
  });
});
