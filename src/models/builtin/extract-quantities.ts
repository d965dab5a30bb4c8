import { countNouns, notGoods } from './count-nouns.ts';
import { foundAt, matchesOf, type FoundMention } from './found-mention.ts';
import { digitsSource, parseDigits, parseWordNumber, roundTo, wordNumberSource } from './number-parse.ts';

const scale = String.raw`(?:\s?(?:k|K|M|MM|mn|mln|m)(?![a-zA-Z])|\s(?:thousand|million)\b)`;
const numberPattern = new RegExp(String.raw`(?<![\w.,#$€£¥₹₩/:-])(?:(${digitsSource})(${scale})?(\s+dozen\b)?|(${wordNumberSource}))(?![\w%°'"″’]|[.,/:-]\d)`, 'gi');
const cuePattern = new RegExp(
  String.raw`\b(?:MOQ|qty|quantity|quantities|total|order\s+(?:of|quantity(?:\s+of)?|volume(?:\s+of)?)|batch\s+of|run\s+of|volume\s+of|minimum\s+order(?:\s+quantity)?(?:\s+of)?)(?:\s+per\s+[a-z]+)?\s*(?:is|of|:|=|-|at)?\s*(?:around|about|approx\.?|approximately|roughly|~)?\s*(${digitsSource}(?:\s?(?:k|K))?)(?![\w%°'"″’]|[.,/:-]\d)`,
  'gi',
);

/** Words that end a counted noun phrase before its head. */
const boundary = new Set(('a an the of in on at by for to from with without per each and or but x is are was were be been will would should could can ' +
  'may might must shall do does did has have had that which who this these those it its we you they i he she our your their my ' +
  'than then so if as into onto over under about around across between within after before until via plus minus more less only ' +
  'total every all both either neither not no too also just please max min maximum minimum up down off out first next last ' +
  'here there now today tomorrow when where while').split(' '));
/** Units of measure: the number measures something, it does not count goods. */
const measures = new Set(('ml l cl dl litre litres liter liters gsm mah w kw v hz gb tb mb dpi px pt oz lb lbs g kg mg mm cm m in ft inch ' +
  'inches feet foot km mi mph kph psi bar mil mils denier sqm sqft').split(' '));
/** Verbs that look like plural nouns ("version 2 looks ..."). */
const verbs = new Set(('looks seems needs works costs fits weighs holds measures comes goes makes takes gives sells ships arrives includes ' +
  'contains has is was does means stays remains sounds feels gets runs uses requires lasts says shows matches').split(' '));
/** Words before a number that make it an identifier, not a count ("version 2", "option 3", "Series 9"). */
const identifierBefore = /\b(?:version|v|option|concept|number|no|step|page|size|model|series|gen|generation|item|chapter|figure|fig|phase|stage|round|class|grade|level|type|revision|rev|table|line|row|column|iteration|mark|mk|rank|zone|room|floor|gate|bay|dock|iphone|pixel|galaxy|ultra|pro|max|plus|mini|air|fold|flip|watch|pantone|pms|iso|en|astm|ral|top|day|week|month|year|q)\.?\s*$/i;
const moneyBefore = /\b(?:budget|cost|costs|price|pay|spend|spent|fee|salary|revenue|sales)\b[^.]{0,20}$/i;

const looksPlural = (w: string) => w.length > 2 && /s$/.test(w) && !/(?:ss|us|is)$/.test(w);

/** The counted noun after a number: its canonical form and where it ends; `rejected` when the number measures or identifies. */
function countedNoun(text: string, from: number): { unit?: string; end: number; rejected: boolean } {
  const word = /^\s*([A-Za-z][A-Za-z'’-]*)/;
  let at = from;
  for (let i = 0; i < 4; i++) {
    const m = word.exec(text.slice(at));
    if (!m) break;
    const w = m[1]!.toLowerCase();
    if (measures.has(w)) return { end: at, rejected: true };
    if (boundary.has(w)) break;
    const end = at + m[0].length;
    const canonical = countNouns.get(w);
    if (canonical !== undefined && (i === 0 || looksPlural(w))) return { unit: canonical, end, rejected: false };
    if (looksPlural(w)) {
      if (notGoods.has(w)) return { end: at, rejected: true };
      if (verbs.has(w)) break;
      return { unit: w, end, rejected: false };
    }
    at = end;
  }
  return { end: from, rejected: false };
}

function valueOf(m: RegExpExecArray): { value: number | undefined; scaled: boolean; lowerM: boolean } {
  if (m[4] !== undefined) return { value: parseWordNumber(m[4]), scaled: /hundred|thousand|million|dozen/i.test(m[4]), lowerM: false };
  const lowerM = m[2]?.trim() === 'm';
  const base = parseDigits(m[1]! + (m[2] && !lowerM ? m[2] : ''));
  const value = base === undefined ? undefined : (lowerM ? base * 1_000_000 : base) * (m[3] ? 12 : 1);
  return { value: value === undefined ? undefined : roundTo(value, 6), scaled: m[2] !== undefined || m[3] !== undefined, lowerM };
}

/**
 * Quantities of goods: a number before the counted noun ("10,000 units", "5k pcs", "a dozen samples",
 * "2,000 ceramic mugs" → unit "mugs"), a number after a quantity cue ("MOQ 2000", "quantity: 750"),
 * or a scaled number on its own ("at 10k"). Numbers that measure ("500 ml"), identify ("version 2")
 * or count design work, time or people ("3 options", "6 weeks", "5 suppliers") are not quantities.
 */
export function extractQuantities(text: string): FoundMention<'quantities'>[] {
  const found: FoundMention<'quantities'>[] = [];
  for (const m of matchesOf(numberPattern, text)) {
    const numberEnd = m.index + m[0].length;
    if (identifierBefore.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
    const { value, scaled, lowerM } = valueOf(m);
    if (value === undefined || value <= 0) continue;
    const noun = countedNoun(text, numberEnd);
    if (noun.rejected) continue;
    const claim = { start: m.index, end: numberEnd };
    if (noun.unit !== undefined) {
      if (lowerM && !countNouns.has(noun.unit)) continue;
      found.push({ ...foundAt('quantities', text, m.index, noun.end, { value, unit: noun.unit }), claim });
    } else if (/^\s+of\s+(?:them|these|those|each)\b/i.test(text.slice(numberEnd))) {
      found.push({ ...foundAt('quantities', text, m.index, numberEnd, { value }), claim });
    } else if (scaled && !lowerM && m[4] === undefined && !moneyBefore.test(text.slice(Math.max(0, m.index - 40), m.index))) {
      found.push({ ...foundAt('quantities', text, m.index, numberEnd, { value }), claim });
    } else if (m[3] !== undefined || (m[4] !== undefined && /dozen/i.test(m[4]))) {
      found.push({ ...foundAt('quantities', text, m.index, numberEnd, { value }), claim });
    }
  }
  for (const m of matchesOf(cuePattern, text)) {
    const value = parseDigits(m[1]!);
    if (value === undefined || value <= 0) continue;
    const start = m.index + m[0].length - m[1]!.length;
    const noun = countedNoun(text, m.index + m[0].length);
    if (noun.rejected) continue;
    const end = noun.unit === undefined ? m.index + m[0].length : noun.end;
    found.push({ ...foundAt('quantities', text, start, end, noun.unit === undefined ? { value } : { value, unit: noun.unit }), claim: { start, end: m.index + m[0].length } });
  }
  return found;
}
