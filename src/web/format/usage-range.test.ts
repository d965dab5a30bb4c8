import { describe, expect, it } from 'vitest';
import { fillDays, usageRange } from './usage-range.ts';

describe('usageRange', () => {
  const now = new Date('2024-03-05T22:00:00Z');

  it('gives whole UTC days for each preset, both ends included', () => {
    expect(usageRange('this-month', now)).toEqual({ from: '2024-03-01', to: '2024-03-31' });
    expect(usageRange('last-month', now)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(usageRange('last-30-days', now)).toEqual({ from: '2024-02-05', to: '2024-03-05' });
    expect(usageRange('this-year', now)).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(usageRange('last-month', new Date('2025-01-15T00:00:00Z'))).toEqual({ from: '2024-12-01', to: '2024-12-31' });
  });
});

describe('fillDays', () => {
  it('lists every day of the range, with zeros on days without calls', () => {
    const busy = { day: '2024-02-28', calls: 3, tokensIn: 30, tokensOut: 6, costUsd: 0.5, cachedCalls: 1, fallbacks: 0 };
    const filled = fillDays({ from: '2024-02-27', to: '2024-03-01' }, [busy]);
    expect(filled.map((d) => [d.day, d.calls])).toEqual([['2024-02-27', 0], ['2024-02-28', 3], ['2024-02-29', 0], ['2024-03-01', 0]]);
    expect(filled[1]).toBe(busy);
  });
});
