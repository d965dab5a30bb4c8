import type { LengthUnit } from '../entities.ts';
import { countNouns } from './count-nouns.ts';
import { foundAt, matchesOf, type FoundMention } from './found-mention.ts';
import { digitsSource, parseNumber, roundTo, wordNumberSource } from './number-parse.ts';

export const millimetresPer: Readonly<Record<LengthUnit, number>> = { mm: 1, cm: 10, m: 1000, in: 25.4, ft: 304.8 };

const unitSource = String.raw`(?:(?:millimet(?:er|re)s?|mm|centimet(?:er|re)s?|cm|met(?:er|re)s?|m|inch(?:es)?|in|feet|foot|ft)(?![a-z])|"|″|”|''|'|′|’)`;
const value = String.raw`(${digitsSource}|${wordNumberSource})`;
const joint = String.raw`(?:\s*-\s*(?=[a-z])|\s*)`;
const times = String.raw`\s*(?:x|X|×|\*|by)\s*`;
const dimensionPattern = new RegExp(
  String.raw`(?<![\w.,$€£¥-])${value}${joint}(${unitSource})?(?:${times}${value}${joint}(${unitSource})?)?(?:${times}${value}${joint}(${unitSource})?)?`,
  'gi',
);

/** Canonical unit of a written unit; undefined for a bare "in" or "'" that is not a unit here. */
function unitOf(written: string, after: string): LengthUnit | undefined {
  const u = written.toLowerCase();
  if (u === 'mm' || u.startsWith('millimet')) return 'mm';
  if (u === 'cm' || u.startsWith('centimet')) return 'cm';
  if (u === 'm' || u.startsWith('met')) {
    const next = /^\s*([a-z]+)/i.exec(after)?.[1]?.toLowerCase();
    return next !== undefined && countNouns.has(next) ? undefined : 'm';
  }
  if (u === 'in') return /^\s*(?:$|[.,;:)!?/]|x\b|×|by\b|wide|long|tall|high|deep|thick|across|diameter|screen|display|square)/i.test(after) ? 'in' : undefined;
  if (u.startsWith('inch') || u === '"' || u === '″' || u === '”' || u === "''") return 'in';
  if (u === "'" || u === '′' || u === '’') return /^(?!x\s*\d)[a-z]/i.test(after) ? undefined : 'ft';
  return 'ft';
}

/** Feet and inches together ("5 ft 6 in", "5'6\"", "5 foot 6"), read as feet. */
const feetAndInches = new RegExp(
  String.raw`(?<![\w.,$€£¥-])(\d+)\s*(?:feet|foot|ft|'|′|’)\s*(?:and\s+)?(\d{1,2}(?:\.\d+)?)\s*(?:inch(?:es)?|in(?![a-z])|"|″|”)?(?![\w'’]|\s*[x×*])`,
  'gi',
);

/**
 * Lengths and sizes: "150 x 75 x 9 mm", "20cm by 15cm", "6.1 inches", "a 14-inch sleeve", "5'x3'",
 * "six feet", "5 ft 6 in" (5.5 ft). One unit written once applies to every value; `mm` holds the values in millimetres.
 */
export function extractDimensions(text: string): FoundMention<'dimensions'>[] {
  const found: FoundMention<'dimensions'>[] = [];
  for (const m of matchesOf(dimensionPattern, text)) {
    const parts: { value: string; unit?: string; end: number }[] = [];
    let cursor = m.index;
    for (let i = 1; i < 7; i += 2) {
      const v = m[i];
      if (v === undefined) break;
      const at = text.indexOf(v, cursor);
      const unitText = m[i + 1];
      const unitAt = unitText === undefined ? at + v.length : text.indexOf(unitText, at + v.length);
      const end = unitText === undefined ? at + v.length : unitAt + unitText.length;
      parts.push({ value: v, unit: unitText, end });
      cursor = end;
    }
    const readings = parts.map((p) => ({ ...p, canonical: p.unit === undefined ? undefined : unitOf(p.unit, text.slice(p.end)) }));
    while (readings.length > 0 && readings.at(-1)!.canonical === undefined) readings.pop();
    if (readings.length === 0) continue;
    const last = readings.at(-1)!.canonical!;
    const units = new Set(readings.map((r) => r.canonical).filter((u) => u !== undefined));
    if (units.size > 1) continue;
    const values = readings.map((r) => parseNumber(r.value));
    if (values.some((v) => v === undefined || v <= 0)) continue;
    const nums = values as number[];
    found.push(foundAt('dimensions', text, m.index, readings.at(-1)!.end, {
      values: nums, unit: last, mm: nums.map((v) => roundTo(v * millimetresPer[last], 3)),
    }));
  }
  for (const m of matchesOf(feetAndInches, text)) {
    const inches = Number(m[2]);
    if (inches >= 12) continue;
    const feet = roundTo(Number(m[1]) + inches / 12, 4);
    found.push(foundAt('dimensions', text, m.index, m.index + m[0].length, { values: [feet], unit: 'ft', mm: [roundTo(feet * millimetresPer.ft, 3)] }));
  }
  return found;
}
