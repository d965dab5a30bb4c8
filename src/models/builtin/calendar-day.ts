/** A calendar day (UTC, no time of day) and the arithmetic date phrases need. */
export interface CalendarDay {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
}

const toDate = (d: CalendarDay) => new Date(Date.UTC(d.year, d.month - 1, d.day));
const fromDate = (date: Date): CalendarDay => ({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });

export function dayOf(date: Date): CalendarDay {
  return fromDate(date);
}

/** Whether year, month and day name a real day (no 31 April). */
export function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addDays(d: CalendarDay, days: number): CalendarDay {
  const date = toDate(d);
  date.setUTCDate(date.getUTCDate() + days);
  return fromDate(date);
}

/** Adds months, keeping the day where the target month has it (31 Jan + 1 month → 28/29 Feb). */
export function addMonths(d: CalendarDay, months: number): CalendarDay {
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(d.day, daysInMonth(year, month)) };
}

/** Adds working days, skipping Saturdays and Sundays. */
export function addBusinessDays(d: CalendarDay, days: number): CalendarDay {
  let current = d;
  for (let left = days; left > 0;) {
    current = addDays(current, 1);
    const w = weekdayOf(current);
    if (w !== 0 && w !== 6) left--;
  }
  return current;
}

export function endOfMonth(year: number, month: number): CalendarDay {
  return { year, month, day: daysInMonth(year, month) };
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(d: CalendarDay): number {
  return toDate(d).getUTCDay();
}

/** Days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: CalendarDay, b: CalendarDay): number {
  return Math.round((toDate(b).getTime() - toDate(a).getTime()) / 86_400_000);
}

/** YYYY-MM-DD */
export function isoDay(d: CalendarDay): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
