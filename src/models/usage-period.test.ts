import { describe, expect, it } from 'vitest';
import { maxRangeDays, monthStart, nextMonthStart, periodStart, resolveUsageRange } from './usage-period.ts';

const iso = (range: { from: Date; to: Date }) => [range.from.toISOString(), range.to.toISOString()];

describe('month boundaries (UTC)', () => {
  it('finds the first instant of the month and of the next, across years and leap days', () => {
    expect(monthStart(new Date('2025-05-31T23:59:59.999Z')).toISOString()).toBe('2025-05-01T00:00:00.000Z');
    expect(monthStart(new Date('2025-06-01T00:00:00.000Z')).toISOString()).toBe('2025-06-01T00:00:00.000Z');
    expect(nextMonthStart(new Date('2025-12-15T12:00:00Z')).toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(nextMonthStart(new Date('2024-02-29T23:00:00Z')).toISOString()).toBe('2024-03-01T00:00:00.000Z');
  });

  it('reads the month in UTC, not in the local zone of the instant', () => {
    // 23:30 on 31 May in New York is already June in UTC.
    expect(monthStart(new Date('2025-05-31T23:30:00-04:00')).toISOString()).toBe('2025-06-01T00:00:00.000Z');
  });

  it('gives a month budget the start of the current month and a total budget none', () => {
    const now = new Date('2025-07-04T10:00:00Z');
    expect(periodStart('month', now)?.toISOString()).toBe('2025-07-01T00:00:00.000Z');
    expect(periodStart('total', now)).toBeNull();
  });
});

describe('resolveUsageRange', () => {
  const now = new Date('2025-05-20T15:00:00Z');

  it('defaults to the current calendar month', () => {
    expect(iso(resolveUsageRange({}, now))).toEqual(['2025-05-01T00:00:00.000Z', '2025-06-01T00:00:00.000Z']);
  });

  it('includes the whole day of a date-only "to", and ends just before an instant', () => {
    expect(iso(resolveUsageRange({ from: '2025-05-01', to: '2025-05-31' }, now))).toEqual(['2025-05-01T00:00:00.000Z', '2025-06-01T00:00:00.000Z']);
    expect(iso(resolveUsageRange({ from: '2025-05-01T08:00:00+02:00', to: '2025-05-01T12:00:00Z' }, now)))
      .toEqual(['2025-05-01T06:00:00.000Z', '2025-05-01T12:00:00.000Z']);
  });

  it('fills a missing bound from the month of the other one', () => {
    expect(iso(resolveUsageRange({ from: '2025-03-10' }, now))).toEqual(['2025-03-10T00:00:00.000Z', '2025-04-01T00:00:00.000Z']);
    expect(iso(resolveUsageRange({ to: '2025-02-14' }, now))).toEqual(['2025-02-01T00:00:00.000Z', '2025-02-15T00:00:00.000Z']);
    // An instant on the first of a month closes the month before it.
    expect(iso(resolveUsageRange({ to: '2025-03-01T00:00:00Z' }, now))).toEqual(['2025-02-01T00:00:00.000Z', '2025-03-01T00:00:00.000Z']);
  });

  it('refuses an empty, reversed or over-long range with INVALID_RANGE', () => {
    expect(() => resolveUsageRange({ from: '2025-05-02', to: '2025-05-01' }, now)).toThrow(expect.objectContaining({ code: 'INVALID_RANGE', status: 400 }));
    expect(() => resolveUsageRange({ from: '2025-05-01T10:00:00Z', to: '2025-05-01T10:00:00Z' }, now)).toThrow(/empty/);
    expect(() => resolveUsageRange({ from: '2023-01-01', to: '2025-01-02' }, now)).toThrow(new RegExp(`longer than ${maxRangeDays} days`));
    expect(iso(resolveUsageRange({ from: '2023-01-01', to: '2024-12-31' }, now))).toEqual(['2023-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z']);
  });
});
