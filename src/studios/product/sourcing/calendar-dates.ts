/** Calendar dates as YYYY-MM-DD strings, computed in UTC so that the server's time zone never shifts a day. */
const pattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayMs = 86_400_000;

export function isIsoDate(value: string): boolean {
  const m = pattern.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function toTime(iso: string): number {
  if (!isIsoDate(iso)) throw new RangeError(`Not a YYYY-MM-DD date: ${iso}`);
  return Date.parse(`${iso}T00:00:00Z`);
}

export function addDays(iso: string, days: number): string {
  return isoDate(new Date(toTime(iso) + Math.round(days) * dayMs));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / dayMs);
}
