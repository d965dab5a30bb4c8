import { ValidationError } from '../kernel/index.ts';
import type { BudgetPeriod } from './usage-schemas.ts';

const dayMs = 86_400_000;
/** The longest range a usage summary covers: two years, so a yearly comparison fits. */
export const maxRangeDays = 731;

/** The first instant of the calendar month of `at`, in UTC. */
export function monthStart(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
}

/** The first instant of the next calendar month after `at`, in UTC. */
export function nextMonthStart(at: Date): Date {
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
}

/** Where a budget's current period began: the first of the month for `month`, none for `total`. */
export function periodStart(period: BudgetPeriod, now: Date): Date | null {
  return period === 'month' ? monthStart(now) : null;
}

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;

/** A range bound: a date is midnight UTC (the end of that day when it closes the range); an instant is itself. */
function boundOf(text: string, field: 'from' | 'to'): Date {
  const at = new Date(dateOnly.test(text) ? `${text}T00:00:00Z` : text);
  if (Number.isNaN(at.getTime())) throw new ValidationError({ message: `${field}: not a date.`, details: [{ in: 'querystring', path: field, message: 'not a date' }] });
  return field === 'to' && dateOnly.test(text) ? new Date(at.getTime() + dayMs) : at;
}

/**
 * The half-open range [from, to) of a usage summary. Defaults: the current calendar month (UTC).
 * A date-only `to` includes that whole day. Refuses an empty or reversed range and one longer than
 * {@link maxRangeDays}.
 */
export function resolveUsageRange(query: { from?: string | undefined; to?: string | undefined }, now: Date): { from: Date; to: Date } {
  const to = query.to ? boundOf(query.to, 'to') : undefined;
  const from = query.from ? boundOf(query.from, 'from') : monthStart(to ? new Date(to.getTime() - 1) : now);
  const end = to ?? nextMonthStart(from);
  if (end.getTime() <= from.getTime()) {
    throw new ValidationError({ code: 'INVALID_RANGE', message: `The range is empty: "to" (${end.toISOString()}) must come after "from" (${from.toISOString()}).` });
  }
  if (end.getTime() - from.getTime() > maxRangeDays * dayMs) {
    throw new ValidationError({ code: 'INVALID_RANGE', message: `The range is longer than ${maxRangeDays} days; ask for a shorter one.` });
  }
  return { from, to: end };
}
