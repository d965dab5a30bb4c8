/**
 * Numbers as people write them in briefs: "10,000", "2.5", "5k", "1.5 million", "two thousand",
 * "a dozen", "half a million". The regular-expression sources are shared by the extractors so every
 * kind reads numbers the same way; `parseNumber` turns a match into its value.
 */

const units: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90,
};
const multipliers: Record<string, number> = { hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000, dozen: 12 };

const unitWords = Object.keys(units).join('|');
const multiplierWords = Object.keys(multipliers).join('|');

/** Digits with optional thousands separators and decimals: "10,000", "2.5", ".75". */
export const digitsSource = String.raw`(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)`;

/** A scale written after digits: "5k", "1.5 million", "2M", "3 bn". */
export const scaleSource = String.raw`(?:\s?(?:k|K)(?![a-zA-Z])|\s?(?:M|mn|mln|MM)(?![a-zA-Z])|\s(?:thousand|million|billion)\b|\s?(?:bn)\b)`;

/** Numbers in words: "two thousand", "a dozen", "twelve dozen", "half a million", "one hundred and fifty". */
export const wordNumberSource = String.raw`(?:(?:half\s+a\s+(?:${multiplierWords}))|(?:(?:a|an)\s+(?:${multiplierWords})(?:\s+(?:${multiplierWords}))*)|(?:(?:${unitWords})(?:[\s-]+(?:and\s+)?(?:${unitWords}|${multiplierWords}))*))`;

/** Any number, digits (with an optional scale) or words, as a capturing-free source. */
export const numberSource = String.raw`(?:${digitsSource}(?:${scaleSource})?|${wordNumberSource})`;

const scaleValue = (scale: string): number => {
  const s = scale.trim();
  if (s === 'k' || s === 'K' || s === 'thousand') return 1_000;
  if (s === 'bn' || s === 'billion') return 1_000_000_000;
  return 1_000_000;
};

/** The value of digits with an optional scale ("2.5k" → 2500); undefined when it is not one. */
export function parseDigits(text: string): number | undefined {
  const match = new RegExp(String.raw`^(${digitsSource})(${scaleSource})?$`).exec(text.trim());
  if (!match) return undefined;
  const base = Number(match[1]!.replaceAll(',', ''));
  if (!Number.isFinite(base)) return undefined;
  return match[2] ? roundTo(base * scaleValue(match[2]), 6) : base;
}

/** The value of a number written in words; undefined when it is not one. */
export function parseWordNumber(text: string): number | undefined {
  const words = text.toLowerCase().split(/[\s-]+/).filter((w) => w !== 'and');
  if (words.length === 0) return undefined;
  if (words[0] === 'half' && words[1] === 'a' && words[2] && multipliers[words[2]] && words.length === 3) return multipliers[words[2]]! / 2;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const [i, word] of words.entries()) {
    if ((word === 'a' || word === 'an') && i === 0) { current = 1; continue; }
    const unit = units[word];
    const multiplier = multipliers[word];
    if (unit !== undefined) { current += unit; seen = true; }
    else if (multiplier !== undefined) {
      seen = true;
      const base = current === 0 ? 1 : current;
      if (multiplier >= 1_000) { total += base * multiplier; current = 0; }
      else current = base * multiplier;
    } else return undefined;
  }
  return seen ? total + current : undefined;
}

/** The value of any number `numberSource` matched. */
export function parseNumber(text: string): number | undefined {
  return /\d/.test(text) ? parseDigits(text) : parseWordNumber(text);
}

/** Rounds away binary noise: 6.1 * 25.4 → 154.94. */
export function roundTo(value: number, places: number): number {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}
