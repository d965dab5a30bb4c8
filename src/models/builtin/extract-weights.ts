import type { WeightUnit } from '../entities.ts';
import { foundAt, matchesOf, type FoundMention } from './found-mention.ts';
import { digitsSource, parseNumber, roundTo, wordNumberSource } from './number-parse.ts';
import { poundsMeanMoney } from './pound-sense.ts';

export const gramsPer: Readonly<Record<WeightUnit, number>> = { mg: 0.001, g: 1, kg: 1000, oz: 28.349523125, lb: 453.59237 };

const weightPattern = new RegExp(
  String.raw`(?<![\w.,$€£¥-])(${digitsSource}|${wordNumberSource})(?:\s*-\s*|\s*)(milligrams?|mg|grams?|gr|g|kilograms?|kilos?|kgs?|ounces?|oz|pounds?|lbs?)(?![a-z])`,
  'gi',
);
/** "20 oz tumbler" and "32 oz bottle" give a capacity, not a weight. */
const container = /^\s*(?:-\s*)?(?:[a-z-]+\s+)?(?:tumblers?|bottles?|cups?|mugs?|glass(?:es)?|cans?|jars?|flasks?|pitchers?|carafes?|growlers?)\b/i;

function unitOf(written: string): WeightUnit {
  const u = written.toLowerCase();
  if (u === 'mg' || u.startsWith('milli')) return 'mg';
  if (u === 'kg' || u === 'kgs' || u.startsWith('kilo')) return 'kg';
  if (u === 'oz' || u.startsWith('ounce')) return 'oz';
  if (u.startsWith('lb') || u.startsWith('pound')) return 'lb';
  return 'g';
}

/** Weights: "180 g", "1.2kg", "two kilos", "8 oz", "0.5 lb"; `grams` holds the same weight in grams. */
export function extractWeights(text: string): FoundMention<'weights'>[] {
  const found: FoundMention<'weights'>[] = [];
  for (const m of matchesOf(weightPattern, text)) {
    const unitText = m[2]!;
    const end = m.index + m[0].length;
    const after = text.slice(end);
    const unit = unitOf(unitText);
    if (unit === 'g' && /^\s*\/\s*m/i.test(after)) continue;
    if (unit === 'oz' && container.test(after)) continue;
    if (/^pounds?$/i.test(unitText) && poundsMeanMoney(text, m.index)) continue;
    const value = parseNumber(m[1]!);
    if (value === undefined || value <= 0) continue;
    found.push(foundAt('weights', text, m.index, end, { value, unit, grams: roundTo(value * gramsPer[unit], 3) }));
  }
  return found;
}
