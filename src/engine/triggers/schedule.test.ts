import { describe, expect, it } from 'vitest';
import { cronProblem, decideFiring, missedAfterMs, nextFireAfter, type ScheduleConfig } from './schedule.ts';

const at = (iso: string) => new Date(iso);
const iso = (d: Date | null) => d?.toISOString() ?? null;
const schedule = (cron: string, timezone = 'UTC', missed: ScheduleConfig['missed'] = 'run_once'): ScheduleConfig => ({ cron, timezone, missed });

/** The next `n` firings after `from`. */
function firings(config: ScheduleConfig, from: string, n: number): string[] {
  const out: string[] = [];
  let cursor: Date | null = at(from);
  for (let i = 0; i < n && cursor; i++) {
    cursor = nextFireAfter(config, cursor);
    if (cursor) out.push(cursor.toISOString());
  }
  return out;
}

describe('nextFireAfter', () => {
  it('reads 5 fields with minute precision and 6 with seconds first', () => {
    expect(firings(schedule('*/15 * * * *'), '2026-03-01T10:07:30Z', 3)).toEqual(['2026-03-01T10:15:00.000Z', '2026-03-01T10:30:00.000Z', '2026-03-01T10:45:00.000Z']);
    expect(firings(schedule('*/20 * * * * *'), '2026-03-01T10:00:05Z', 3)).toEqual(['2026-03-01T10:00:20.000Z', '2026-03-01T10:00:40.000Z', '2026-03-01T10:01:00.000Z']);
  });

  it('is strictly after the given instant', () => {
    expect(iso(nextFireAfter(schedule('0 9 * * *'), at('2026-03-02T09:00:00Z')))).toBe('2026-03-03T09:00:00.000Z');
  });

  it('reads the fields in the time zone', () => {
    // 09:00 in Tokyo (UTC+9) and in New York (UTC-5 in January).
    expect(iso(nextFireAfter(schedule('0 9 * * *', 'Asia/Tokyo'), at('2026-01-10T12:00:00Z')))).toBe('2026-01-11T00:00:00.000Z');
    expect(iso(nextFireAfter(schedule('0 9 * * *', 'America/New_York'), at('2026-01-10T12:00:00Z')))).toBe('2026-01-10T14:00:00.000Z');
    // Weekdays are the zone's weekdays: Monday 08:00 in Auckland is Sunday 19:00 UTC.
    expect(iso(nextFireAfter(schedule('0 8 * * 1', 'Pacific/Auckland'), at('2026-02-01T00:00:00Z')))).toBe('2026-02-01T19:00:00.000Z');
  });

  it('keeps local wall-clock time across a DST change', () => {
    // Berlin: UTC+1 in winter, UTC+2 from 29 March 2026.
    expect(firings(schedule('0 9 * * *', 'Europe/Berlin'), '2026-03-28T00:00:00Z', 2)).toEqual(['2026-03-28T08:00:00.000Z', '2026-03-29T07:00:00.000Z']);
  });

  it('fires once, just after the gap, for a time the spring-forward day skips', () => {
    // 29 March 2026 in Berlin: 02:00 → 03:00, so 02:30 does not exist that day.
    expect(firings(schedule('30 2 * * *', 'Europe/Berlin'), '2026-03-28T12:00:00Z', 3))
      .toEqual(['2026-03-29T01:00:00.000Z', '2026-03-30T00:30:00.000Z', '2026-03-31T00:30:00.000Z']);
  });

  it('fires once for a time the fall-back day has twice', () => {
    // 25 October 2026 in Berlin: 03:00 → 02:00, so 02:30 happens at 00:30Z and at 01:30Z.
    expect(firings(schedule('30 2 * * *', 'Europe/Berlin'), '2026-10-24T12:00:00Z', 2)).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']);
  });

  it('keeps an hourly interval hourly through the spring-forward gap', () => {
    expect(firings(schedule('0 * * * *', 'America/New_York'), '2026-03-08T05:30:00Z', 3)).toEqual(['2026-03-08T06:00:00.000Z', '2026-03-08T07:00:00.000Z', '2026-03-08T08:00:00.000Z']);
  });
});

describe('cronProblem', () => {
  const now = at('2026-01-01T00:00:00Z');
  it('accepts 5 and 6 fields and nicknames', () => {
    expect(cronProblem('0 9 * * 1-5', 'Europe/Berlin', now)).toBeUndefined();
    expect(cronProblem('30 0 9 * * *', 'UTC', now)).toBeUndefined();
    expect(cronProblem('@daily', 'UTC', now)).toBeUndefined();
  });

  it('names what is wrong', () => {
    expect(cronProblem('* * * *', 'UTC', now)).toMatch(/five, six, or seven/);
    expect(cronProblem('0 0 0 * * * 2030', 'UTC', now)).toMatch(/5 or 6 parts/);
    expect(cronProblem('61 * * * *', 'UTC', now)).toBeDefined();
    expect(cronProblem('0 9 * * *', 'Mars/Olympus_Mons', now)).toMatch(/not an IANA time zone/);
    expect(cronProblem('0 0 30 2 *', 'UTC', now)).toBe('the expression never fires');
  });
});

describe('decideFiring', () => {
  const due = at('2026-05-04T09:00:00Z');

  it('fires an on-time firing and continues after now', () => {
    expect(decideFiring(schedule('0 9 * * *'), due, at('2026-05-04T09:00:00.400Z'))).toEqual({ fire: true, missed: false, next: at('2026-05-05T09:00:00Z') });
  });

  it('fires a slightly late firing under either policy', () => {
    const late = new Date(due.getTime() + missedAfterMs);
    expect(decideFiring(schedule('0 9 * * *', 'UTC', 'skip'), due, late).fire).toBe(true);
  });

  it('after downtime, run_once fires once and continues from now (no catch-up)', () => {
    const now = at('2026-05-07T13:20:00Z');
    const decision = decideFiring(schedule('0 * * * *', 'UTC', 'run_once'), due, now);
    expect(decision).toEqual({ fire: true, missed: true, next: at('2026-05-07T14:00:00Z') });
  });

  it('after downtime, skip fires nothing and continues from now', () => {
    const now = at('2026-05-07T13:20:00Z');
    expect(decideFiring(schedule('0 * * * *', 'UTC', 'skip'), due, now)).toEqual({ fire: false, missed: true, next: at('2026-05-07T14:00:00Z') });
  });
});
