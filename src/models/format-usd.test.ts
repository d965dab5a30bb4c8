import { describe, expect, it } from 'vitest';
import { formatUsd } from './format-usd.ts';

describe('formatUsd', () => {
  it('shows cents, and two significant digits below a cent', () => {
    expect([0, 1, 5.125, 1234.5, 0.01, 0.0042, 0.000123, -2.5].map(formatUsd)).toEqual(['$0.00', '$1.00', '$5.13', '$1234.50', '$0.01', '$0.0042', '$0.00012', '-$2.50']);
  });
});
