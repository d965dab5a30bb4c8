import { foundAt, matchesOf, type FoundMention } from './found-mention.ts';
import { materialLexicon } from './material-lexicon.ts';

const compiled = materialLexicon.map((e) => ({ ...e, regex: new RegExp(String.raw`(?<![\w-])(?:${e.pattern})(?![\w-])`, e.exactCase ? 'g' : 'gi') }));

/**
 * Materials from the lexicon with their family: "TPU" (plastic), "304 stainless steel" (metal),
 * "organic cotton" (textile), "vegan leather" (leather), "kraft paper" (paper) ...
 */
export function extractMaterials(text: string): FoundMention<'materials'>[] {
  const found: FoundMention<'materials'>[] = [];
  for (const e of compiled) {
    for (const m of matchesOf(e.regex, text)) {
      const before = text.slice(Math.max(0, m.index - 12), m.index);
      if (e.notAfter?.test(before)) continue;
      const name = e.name.includes('$1') ? e.name.replace('$1', (m[1] ?? '').toUpperCase()) : e.name;
      found.push(foundAt('materials', text, m.index, m.index + m[0].length, { name, family: e.family }));
    }
  }
  return found;
}
