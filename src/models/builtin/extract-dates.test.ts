import { describe, expect, it } from 'vitest';
import { extractDates } from './extract-dates.ts';

/** A Wednesday. */
const ref = new Date('2026-03-04T12:00:00Z');
const dates = (text: string, at = ref) => extractDates(text, at).map(({ entity: { date, deadline, text: written } }) => ({ date, deadline, written }))
  .sort((a, b) => text.indexOf(a.written) - text.indexOf(b.written) || b.written.length - a.written.length);
const best = (text: string, at = ref) => {
  const found = dates(text, at);
  return found.reduce((a, b) => (b.written.length > a.written.length ? b : a), found[0]!);
};

describe('dates', () => {
  it('reads absolute dates, day first when ambiguous', () => {
    expect(best('on March 15, 2027')).toMatchObject({ date: '2027-03-15', deadline: false });
    expect(best('by 2027-03-15')).toMatchObject({ date: '2027-03-15', deadline: true });
    expect(best('15/03/2027')).toMatchObject({ date: '2027-03-15' });
    expect(best('4/5/2026')).toMatchObject({ date: '2026-05-04' });
    expect(best('5/13/2026')).toMatchObject({ date: '2026-05-13' });
    expect(best('on 12.05.2026.')).toMatchObject({ date: '2026-05-12' });
    expect(best('the 3rd of April')).toMatchObject({ date: '2026-04-03' });
  });

  it('puts a date without a year in the coming year, unless it passed in the last month', () => {
    expect(best('on January 10')).toMatchObject({ date: '2027-01-10' });
    expect(best('the sample arrived on 3 March')).toMatchObject({ date: '2026-03-03' });
    expect(best('deliver by 3 March')).toMatchObject({ date: '2027-03-03', deadline: true });
  });

  it('resolves relative phrases against the reference day', () => {
    expect(best('tomorrow')).toMatchObject({ date: '2026-03-05' });
    expect(best('the day after tomorrow')).toMatchObject({ date: '2026-03-06' });
    expect(best('in 6 weeks')).toMatchObject({ date: '2026-04-15', deadline: false });
    expect(best('within 30 days')).toMatchObject({ date: '2026-04-03', deadline: true });
    expect(best('in two months')).toMatchObject({ date: '2026-05-04' });
    expect(best('within 10 business days')).toMatchObject({ date: '2026-03-18', deadline: true });
    expect(best('2 weeks from now')).toMatchObject({ date: '2026-03-18' });
    expect(best('in a fortnight')).toMatchObject({ date: '2026-03-18' });
  });

  it('reads weekdays: "Friday" is the coming one, "next Friday" the one of next week', () => {
    expect(best('on Friday')).toMatchObject({ date: '2026-03-06' });
    expect(best('next Friday')).toMatchObject({ date: '2026-03-13' });
    expect(best('next Monday')).toMatchObject({ date: '2026-03-09' });
    expect(best('last Friday')).toMatchObject({ date: '2026-02-27' });
    expect(dates('every Tuesday')).toEqual([]);
  });

  it('reads months, quarters (this year\'s until it has ended), weeks and periods', () => {
    expect(best('by end of Q2')).toMatchObject({ date: '2026-06-30', deadline: true });
    expect(best('in Q3 2026')).toMatchObject({ date: '2026-07-01' });
    expect(best('in Q1')).toMatchObject({ date: '2026-01-01' });
    expect(best('by end of Q4 2025')).toMatchObject({ date: '2025-12-31' });
    expect(best('in April')).toMatchObject({ date: '2026-04-01' });
    expect(best('by the end of April')).toMatchObject({ date: '2026-04-30', deadline: true });
    expect(best('mid-May')).toMatchObject({ date: '2026-05-15' });
    expect(best('by the end of the month')).toMatchObject({ date: '2026-03-31', deadline: true });
    expect(best('end of next month')).toMatchObject({ date: '2026-04-30' });
    expect(best('next week')).toMatchObject({ date: '2026-03-09' });
    expect(best('by week 40')).toMatchObject({ date: '2026-09-28', deadline: true });
    expect(best('before Christmas')).toMatchObject({ date: '2026-12-25', deadline: true });
  });

  it('marks deadlines by how they are phrased', () => {
    expect(best('no later than June 1')).toMatchObject({ deadline: true });
    expect(best('The deadline is May 20.')).toMatchObject({ date: '2026-05-20', deadline: true });
    expect(best('on 2026-06-01 at the latest')).toMatchObject({ deadline: true });
    expect(best('starting June 1')).toMatchObject({ deadline: false });
  });

  it('does not read durations, a lone month word or "may" the verb', () => {
    expect(dates('Lead time is 45 days; a 3-week delivery.')).toEqual([]);
    expect(dates('March is busy, and you may 3D print it')).toEqual([]);
  });
});
