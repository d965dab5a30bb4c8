import { colorAliases, colorHex, colorIdioms, hueWords } from './color-table.ts';
import { foundAt, matchesOf, type FoundMention } from './found-mention.ts';

const names = [...colorHex.keys(), ...colorAliases.keys()].sort((a, b) => b.length - a.length);
const namePattern = new RegExp(String.raw`\b(${names.map((n) => n.replace(/[\s-]/g, String.raw`[\s-]?`)).join('|')})\b`, 'gi');
const hexPattern = /(?<![\w&])#([0-9a-f]{6}|[0-9a-f]{3})(?![\w-])/gi;
const hexContext = /\b(?:hex|colou?rs?|background|fill|text|font|accent|code)\b/i;
const suffix = String.raw`(?:TCX|TPX|TPG|XGC|CP|UP|TN|C|U|M|c|u)`;
/** Textile codes are often followed by the shade's name ("19-4052 TCX Classic Blue"), which belongs to the code. */
const pantoneCode = String.raw`(?:(\d{2}-\d{4}|\d{1,4})\s*(${suffix})?(?:(?<=TCX|TPX|TPG)(?:\s+[A-Z][a-z]+){1,3})?|((?:[A-Z][a-z]+\s+){1,3}(?:\d{1,3}\s+)?)(C|U))(?![\w])`;
/** A further code of a list after a Pantone code ("Pantone 2945 C and Cool Gray 9 C"). */
const pantoneNext = new RegExp(String.raw`^(\s*(?:,\s*(?:and|or)?|\band\b|\bor\b|&|\/)\s*)(?!(?:[Pp]antone|PANTONE|PMS)\b)${pantoneCode}`);
const pantonePattern = new RegExp(
  String.raw`\b(?:[Pp]antone|PANTONE|PMS|pms)\s*${pantoneCode}`,
  'g',
);

/** The code of a Pantone match whose groups start at `first`: "186 C", "19-4052 TCX", "Warm Red C". */
function pantoneCodeOf(m: RegExpExecArray, first: number): string {
  const [number, suffixText, words, wordSuffix] = [m[first], m[first + 1], m[first + 2], m[first + 3]];
  return number !== undefined
    ? [number, suffixText?.toUpperCase()].filter(Boolean).join(' ')
    : `${words!.trim().replace(/\s+/g, ' ')} ${wordSuffix!.toUpperCase()}`;
}

/**
 * Colours: names from the table ("navy blue" → navy, #000080), hex codes ("#FF6600", "#fff" → #ffffff)
 * and Pantone codes ("Pantone 186 C" → "186 C", "PMS 032", "Pantone 19-4052 TCX", "Pantone Warm Red C").
 */
export function extractColors(text: string): FoundMention<'colors'>[] {
  const found: FoundMention<'colors'>[] = [];
  for (const m of matchesOf(pantonePattern, text)) {
    if (m[3] !== undefined && /^pms/i.test(m[0])) continue;
    let end = m.index + m[0].length;
    found.push(foundAt('colors', text, m.index, end, { pantone: pantoneCodeOf(m, 1) }));
    for (let next = pantoneNext.exec(text.slice(end)); next !== null && (next[2] === undefined || next[3] !== undefined); next = pantoneNext.exec(text.slice(end))) {
      const start = end + next[1]!.length;
      end += next[0].length;
      found.push(foundAt('colors', text, start, end, { pantone: pantoneCodeOf(next, 2) }));
    }
  }
  for (const m of matchesOf(hexPattern, text)) {
    const digits = m[1]!.toLowerCase();
    if (digits.length === 3 && /^\d+$/.test(digits) && !hexContext.test(text)) continue;
    const hex = `#${digits.length === 3 ? [...digits].map((d) => d + d).join('') : digits}`;
    found.push(foundAt('colors', text, m.index, m.index + m[0].length, { hex }));
  }
  for (const m of matchesOf(namePattern, text)) {
    let end = m.index + m[0].length;
    if (colorIdioms.test(text.slice(end))) continue;
    const hue = hueWords.exec(text.slice(end));
    if (hue && !hueWords.test(` ${m[0]}`)) end += hue[0].length;
    const written = m[0].toLowerCase().replace(/[\s-]+/g, ' ');
    const name = colorAliases.get(written) ?? (colorHex.has(written) ? written : colorHex.has(written.replace(' ', '-')) ? written.replace(' ', '-') : undefined);
    if (name === undefined) continue;
    found.push(foundAt('colors', text, m.index, end, { name, hex: colorHex.get(name) }));
  }
  return found;
}
