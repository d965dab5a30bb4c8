import { foundAt, matchesOf, type FoundMention } from './found-mention.ts';
import { demonyms, marketplaceCodes, marketTable } from './market-table.ts';

const compiled = marketTable.map((e) => ({ ...e, regex: new RegExp(String.raw`(?<![\w.])(?:${e.pattern})(?![\w-]|\.\w)`, 'g') }));
const nameOf = new Map(marketTable.map((e) => [e.code, e.name]));
const marketplacePattern = new RegExp(String.raw`\bAmazon(?:\.com)?\s+(${[...marketplaceCodes.keys()].join('|')})\b`, 'g');
const demonymPattern = new RegExp(
  String.raw`\b(${[...demonyms.keys()].join('|')})\s+(?:market|markets|customers|consumers|buyers|retail|retailers|shoppers|audience|users|stores|distributors|launch|standards|regulations)\b`,
  'g',
);
/** A country named as where things are made or come from, not where they are sold. */
const originBefore = /\b(?:made|manufactur\w*|produced|production|producing|sourc\w*|factory|factories|suppliers?|vendors?|plants?|assembl\w*|based|from|mills?|workshops?|OEMs?)\b/i;
const originAfter = /^(?:-(?:made|based)|\s+(?:factory|factories|suppliers?|manufacturers?|plants?|vendors?|mills?|workshops?|OEMs?)\b)/i;
const listJoint = /^\s*(?:,|\/|&|\band\b|\bor\b|,\s*(?:and|or)\b)?\s*(?:the\s+)?$/i;

/**
 * Target markets: countries as ISO codes ("UK" → GB), regions ("Europe" → EU, "North America" → NA,
 * "worldwide" → GLOBAL), Amazon marketplaces ("Amazon DE") and demonyms before a market noun ("the Japanese market"). Places named
 * as where goods are made ("manufactured in Vietnam", "suppliers in China") are not markets.
 */
export function extractMarkets(text: string): FoundMention<'markets'>[] {
  const candidates: FoundMention<'markets'>[] = [];
  for (const e of compiled) {
    for (const m of matchesOf(e.regex, text)) candidates.push(foundAt('markets', text, m.index, m.index + m[0].length, { code: e.code, name: e.name }));
  }
  for (const m of matchesOf(marketplacePattern, text)) {
    const code = marketplaceCodes.get(m[1]!)!;
    const start = m.index + m[0].length - m[1]!.length;
    candidates.push(foundAt('markets', text, start, start + m[1]!.length, { code, name: nameOf.get(code)! }));
  }
  for (const m of matchesOf(demonymPattern, text)) {
    const code = demonyms.get(m[1]!)!;
    candidates.push(foundAt('markets', text, m.index, m.index + m[1]!.length, { code, name: nameOf.get(code)! }));
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: FoundMention<'markets'>[] = [];
  let previous: { end: number; origin: boolean } | undefined;
  for (const c of candidates) {
    if (previous && c.start < previous.end) continue;
    const clause = text.slice(0, c.start).split(/[.;!?,]|\bbut\b|\bwhile\b|\bthen\b/).at(-1) ?? '';
    const inherited = previous !== undefined && listJoint.test(text.slice(previous.end, c.start)) ? previous.origin : undefined;
    const origin = inherited ?? (originBefore.test(clause) || originAfter.test(text.slice(c.end)));
    previous = { end: c.end, origin };
    if (!origin) kept.push(c);
  }
  return kept;
}
