import {
  addBusinessDays, addDays, addMonths, daysBetween, dayOf, endOfMonth, isRealDay, isoDay, weekdayOf, type CalendarDay,
} from './calendar-day.ts';
import { foundAt, matchesOf, type FoundMention } from './found-mention.ts';
import { parseNumber, wordNumberSource } from './number-parse.ts';

const monthIndex: Readonly<Record<string, number>> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11, nov: 11,
  december: 12, dec: 12,
};
const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const month = String.raw`(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)`;
const count = String.raw`(\d{1,3}|${wordNumberSource}|a\s+couple\s+of|a|an)`;
const ordinal = String.raw`(?:st|nd|rd|th)?`;

const deadlineBefore = /(?:\bby|\bbefore|\bno\s+later\s+than|\bnot\s+later\s+than|\bdue(?:\s+(?:on|by|date\s+is))?|\bdeadline(?:\s+(?:is|of|on))?:?|\buntil|\btill|\blatest\s+by|\bready\s+(?:by|for))\s+(?:the\s+|on\s+)?$/i;
const deadlineAfter = /^,?\s*(?:at\s+the\s+(?:latest|very\s+latest)|latest|or\s+earlier|or\s+sooner)\b/i;
const monthPreposition = /\b(?:in|by|before|until|till|for|from|after|during|since|through|throughout|of|around|next|this|on)\s+$/i;

interface Reading { day: CalendarDay; deadline?: boolean }
interface Context { ref: CalendarDay; deadline: boolean; before: string }
interface Rule { pattern: RegExp; read(m: RegExpExecArray, c: Context): Reading | undefined }

/** A day of a month without a year: upcoming, or this year's if it passed within the last month. */
function nearestYear(c: Context, monthNumber: number, day: number): CalendarDay | undefined {
  if (!isRealDay(c.ref.year + 1, monthNumber, day) && !isRealDay(c.ref.year, monthNumber, day)) return undefined;
  const thisYear = { year: c.ref.year, month: monthNumber, day };
  const ago = daysBetween(thisYear, c.ref);
  return ago > 0 && (c.deadline || ago > 31) ? { ...thisYear, year: c.ref.year + 1 } : thisYear;
}

const monthOf = (word: string) => monthIndex[word.toLowerCase().replace(/\.$/, '')]!;
/** "May" and three-letter abbreviations are only months when capitalised ("you may 3D print"). */
const plausibleMonth = (word: string) => {
  const w = word.toLowerCase();
  return w.length > 4 || w === 'june' || w === 'july' || /^[A-Z]/.test(word);
};

function withYear(c: Context, monthNumber: number, day: number, year?: string): CalendarDay | undefined {
  if (year === undefined) return nearestYear(c, monthNumber, day);
  const y = Number(year);
  return isRealDay(y, monthNumber, day) ? { year: y, month: monthNumber, day } : undefined;
}

function quarterDay(c: Context, quarter: number, part: string | undefined, year: string | undefined): CalendarDay {
  const firstMonth = quarter * 3 - 2;
  let y = year === undefined ? c.ref.year : year.length === 2 ? 2000 + Number(year) : Number(year);
  if (year === undefined && daysBetween(endOfMonth(y, firstMonth + 2), c.ref) > 0) y++;
  const p = part?.toLowerCase();
  if (p === 'end') return endOfMonth(y, firstMonth + 2);
  if (p === 'middle' || p === 'mid') return { year: y, month: firstMonth + 1, day: 15 };
  return { year: y, month: firstMonth, day: 1 };
}

/** The Monday of ISO week 1: the week with the year's first Thursday. */
const isoWeekOne = (year: number) => {
  const fourth = { year, month: 1, day: 4 };
  return addDays(fourth, -((weekdayOf(fourth) + 6) % 7));
};
const mondayAfter = (d: CalendarDay) => addDays(d, ((1 - weekdayOf(d) + 7) % 7) || 7);

function countOf(written: string): number | undefined {
  const w = written.toLowerCase().replace(/\s+/g, ' ');
  if (w === 'a' || w === 'an') return 1;
  if (w === 'a couple of') return 2;
  return parseNumber(w);
}

function shift(d: CalendarDay, n: number, unit: string, business: boolean): CalendarDay {
  const u = unit.toLowerCase().replace(/s$/, '');
  if (u === 'day') return business ? addBusinessDays(d, n) : addDays(d, n);
  if (u === 'week') return addDays(d, 7 * n);
  if (u === 'fortnight') return addDays(d, 14 * n);
  if (u === 'month') return addMonths(d, n);
  return addMonths(d, 12 * n);
}

const rules: Rule[] = [
  {
    pattern: /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/g,
    read: (m) => {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      return isRealDay(y, mo, d) ? { day: { year: y, month: mo, day: d } } : undefined;
    },
  },
  {
    pattern: /(?<![\d/.-])(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})(?![\d/-]|\.\d)/g,
    read: (m) => {
      const [a, b] = [Number(m[1]), Number(m[3])];
      const y = m[4]!.length === 2 ? 2000 + Number(m[4]) : Number(m[4]);
      const [d, mo] = a > 12 || b <= 12 ? [a, b] : [b, a];
      return isRealDay(y, mo, d) ? { day: { year: y, month: mo, day: d } } : undefined;
    },
  },
  {
    pattern: new RegExp(String.raw`\b${month}\.?\s+(\d{1,2})${ordinal}(?![\d:%])(?:,?\s+(\d{4})\b)?`, 'gi'),
    read: (m, c) => {
      if (!plausibleMonth(m[1]!)) return undefined;
      const day = withYear(c, monthOf(m[1]!), Number(m[2]), m[3]);
      return day && { day };
    },
  },
  {
    pattern: new RegExp(String.raw`\b(\d{1,2})${ordinal}\s+(?:of\s+)?${month}\b\.?(?:,?\s+(\d{4})\b)?`, 'gi'),
    read: (m, c) => {
      if (!plausibleMonth(m[2]!)) return undefined;
      const day = withYear(c, monthOf(m[2]!), Number(m[1]), m[3]);
      return day && { day };
    },
  },
  {
    pattern: new RegExp(String.raw`\b(?:(early|mid|late|(?:the\s+)?(?:end|start|beginning|middle)\s+of)[\s-]+)?${month}\b(?:\s+(\d{4})\b)?`, 'gi'),
    read: (m, c) => {
      const [part, word, year] = [m[1]?.toLowerCase().replace(/^the\s+/, '').replace(/\s+of$/, ''), m[2]!, m[3]];
      if (!plausibleMonth(word)) return undefined;
      if (part === undefined && year === undefined && !monthPreposition.test(c.before)) return undefined;
      const mo = monthOf(word);
      const y = year !== undefined ? Number(year) : mo < c.ref.month ? c.ref.year + 1 : c.ref.year;
      if (part === 'end' || part === 'late') return { day: endOfMonth(y, mo) };
      if (part === 'mid' || part === 'middle') return { day: { year: y, month: mo, day: 15 } };
      return { day: { year: y, month: mo, day: 1 } };
    },
  },
  {
    pattern: /\b(?:(?:the\s+)?(end|start|beginning|middle|mid)\s+of\s+)?(?:the\s+)?(?:Q([1-4])|(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)(?:\s+(?:of\s+)?(\d{4})\b|\s*['’](\d{2})\b|\s*FY(\d{2})\b)?(?![\w-])/gi,
    read: (m, c) => {
      const quarter = m[2] ? Number(m[2]) : ['first', 'second', 'third', 'fourth', '1st', '2nd', '3rd', '4th'].indexOf(m[3]!.toLowerCase()) % 4 + 1;
      return { day: quarterDay(c, quarter, m[1], m[4] ?? m[5] ?? m[6]) };
    },
  },
  {
    pattern: /\b(the\s+day\s+after\s+tomorrow|tomorrow|today|tonight)\b/gi,
    read: (m, c) => {
      const w = m[1]!.toLowerCase();
      return { day: addDays(c.ref, w === 'tomorrow' ? 1 : w.startsWith('the day') ? 2 : 0) };
    },
  },
  {
    pattern: new RegExp(String.raw`\b(in|within|after)\s+(?:the\s+next\s+)?${count}\s+(business\s+|working\s+)?(days?|weeks?|months?|years?|fortnights?)\b`, 'gi'),
    read: (m, c) => {
      const n = countOf(m[2]!);
      if (n === undefined || n <= 0) return undefined;
      return { day: shift(c.ref, n, m[4]!, m[3] !== undefined), deadline: m[1]!.toLowerCase() === 'within' || c.deadline };
    },
  },
  {
    pattern: /\bin\s+a\s+fortnight\b/gi,
    read: (_m, c) => ({ day: addDays(c.ref, 14) }),
  },
  {
    pattern: new RegExp(String.raw`\b${count}\s+(business\s+|working\s+)?(days?|weeks?|months?|years?)\s+(?:from\s+(?:now|today)|out)\b`, 'gi'),
    read: (m, c) => {
      const n = countOf(m[1]!);
      return n === undefined || n <= 0 ? undefined : { day: shift(c.ref, n, m[3]!, m[2] !== undefined) };
    },
  },
  {
    pattern: /\b(?:((?:the\s+)?end\s+of)\s+)?(next|this|the)\s+(week|month|quarter|year)\b/gi,
    read: (m, c) => {
      const [end, which, unit] = [m[1] !== undefined, m[2]!.toLowerCase(), m[3]!.toLowerCase()];
      if (!end && which !== 'next') return undefined;
      const next = which === 'next';
      if (unit === 'week') {
        const monday = next ? mondayAfter(c.ref) : addDays(c.ref, -((weekdayOf(c.ref) + 6) % 7));
        return { day: end ? addDays(monday, 4) : monday };
      }
      if (unit === 'month') {
        const first = addMonths({ ...c.ref, day: 1 }, next ? 1 : 0);
        return { day: end ? endOfMonth(first.year, first.month) : first };
      }
      if (unit === 'quarter') {
        const q = Math.floor((c.ref.month - 1) / 3) + (next ? 1 : 0);
        const first = addMonths({ year: c.ref.year, month: 1, day: 1 }, q * 3);
        return { day: end ? endOfMonth(first.year, first.month + 2) : first };
      }
      const y = c.ref.year + (next ? 1 : 0);
      return { day: end ? { year: y, month: 12, day: 31 } : { year: y, month: 1, day: 1 } };
    },
  },
  {
    pattern: /\b(?:calendar\s+week|week|wk|CW|KW)\s?(\d{1,2})(?:\s+(?:of\s+)?(\d{4}))?\b/gi,
    read: (m, c) => {
      const week = Number(m[1]);
      if (week < 1 || week > 53) return undefined;
      const monday = (year: number) => addDays(isoWeekOne(year), (week - 1) * 7);
      if (m[2] !== undefined) return { day: monday(Number(m[2])) };
      const day = monday(c.ref.year);
      return { day: daysBetween(day, c.ref) > 6 ? monday(c.ref.year + 1) : day };
    },
  },
  {
    pattern: /\b(?:(next|this|coming|last)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b(?!s)/gi,
    read: (m, c) => {
      if (/\b(?:every|each)\s+$/i.test(c.before)) return undefined;
      const which = m[1]?.toLowerCase();
      const target = weekdays.indexOf(m[2]!.toLowerCase());
      const today = weekdayOf(c.ref);
      if (which === 'next') return { day: addDays(mondayAfter(c.ref), (target + 6) % 7) };
      if (which === 'last') return { day: addDays(c.ref, -(((today - target + 7) % 7) || 7)) };
      return { day: addDays(c.ref, ((target - today + 7) % 7) || 7) };
    },
  },
  {
    pattern: /\b(christmas\s+eve|christmas(?:\s+day)?|xmas|new\s+year['’]?s?(?:\s+(?:day|eve))?)\b/gi,
    read: (m, c) => {
      const w = m[1]!.toLowerCase();
      const [mo, d] = w.startsWith('new') ? (w.endsWith('eve') ? [12, 31] : [1, 1]) : w.endsWith('eve') ? [12, 24] : [12, 25];
      const thisYear = { year: c.ref.year, month: mo, day: d };
      return { day: daysBetween(c.ref, thisYear) >= 0 ? thisYear : { ...thisYear, year: c.ref.year + 1 } };
    },
  },
];

/**
 * Dates and deadlines, resolved against the reference day: "March 15, 2027", "2027-03-15",
 * "15/03/2027" (day first when ambiguous), "in 6 weeks", "next Friday" (the Friday of next week),
 * "by end of Q2", "within 30 days", "week 40" (its Monday). A date is a deadline when phrased as one ("by", "before",
 * "no later than", "within", "due", "deadline", "at the latest").
 */
export function extractDates(text: string, referenceDate: Date): FoundMention<'dates'>[] {
  const ref = dayOf(referenceDate);
  const found: FoundMention<'dates'>[] = [];
  for (const rule of rules) {
    for (const m of matchesOf(rule.pattern, text)) {
      const before = text.slice(Math.max(0, m.index - 30), m.index);
      const end = m.index + m[0].length;
      const deadline = deadlineBefore.test(before) || deadlineAfter.test(text.slice(end));
      const reading = rule.read(m, { ref, deadline, before });
      if (!reading) continue;
      found.push(foundAt('dates', text, m.index, end, { date: isoDay(reading.day), deadline: reading.deadline ?? deadline }));
    }
  }
  return found;
}
