import type { UsageTotals } from '../api-types.ts';

/** A range of whole UTC days, both ends included: what the usage API reads from `from` and a date-only `to`. */
export interface DayRange {
  from: string;
  to: string;
}

export const usageRangeIds = ['this-month', 'last-month', 'last-30-days', 'this-year'] as const;
export type UsageRangeId = (typeof usageRangeIds)[number];

export const usageRangeLabels: Record<UsageRangeId, string> = {
  'this-month': 'This month', 'last-month': 'Last month', 'last-30-days': 'Last 30 days', 'this-year': 'This year',
};

const day = (date: Date) => date.toISOString().slice(0, 10);
const utc = (year: number, month: number, date: number) => new Date(Date.UTC(year, month, date));

/** The days of a preset, in UTC like the server's months. */
export function usageRange(id: UsageRangeId, now: Date): DayRange {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  switch (id) {
    case 'this-month': return { from: day(utc(year, month, 1)), to: day(utc(year, month + 1, 0)) };
    case 'last-month': return { from: day(utc(year, month - 1, 1)), to: day(utc(year, month, 0)) };
    case 'last-30-days': return { from: day(utc(year, month, now.getUTCDate() - 29)), to: day(now) };
    case 'this-year': return { from: day(utc(year, 0, 1)), to: day(utc(year, 11, 31)) };
  }
}

export type DayTotals = UsageTotals & { day: string };

const zero: UsageTotals = { calls: 0, tokensIn: 0, tokensOut: 0, costUsd: 0, cachedCalls: 0, fallbacks: 0 };

/** Every day of the range, with the API's totals where there were calls and zeros elsewhere (the API lists only days with calls). */
export function fillDays(range: DayRange, days: DayTotals[]): DayTotals[] {
  const known = new Map(days.map((d) => [d.day, d]));
  const filled: DayTotals[] = [];
  for (let at = new Date(`${range.from}T00:00:00Z`); day(at) <= range.to; at = new Date(at.getTime() + 86_400_000)) {
    filled.push(known.get(day(at)) ?? { ...zero, day: day(at) });
  }
  return filled;
}
