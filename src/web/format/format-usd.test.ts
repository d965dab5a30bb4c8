import { describe, expect, it } from 'vitest';
import { formatCount, formatUsd } from './format-usd.ts';

describe('formatUsd', () => {
  it('shows cents with separators, and two significant digits below a cent', () => {
    expect([0, 1, 1234.5, 0.01, 0.0042, -2.5].map(formatUsd)).toEqual(['$0.00', '$1.00', '$1,234.50', '$0.01', '$0.0042', '-$2.50']);
  });

  it('separates thousands in counts', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
  });
});
