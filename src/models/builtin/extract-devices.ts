import { deviceFamilies } from './device-catalogue.ts';
import { foundAt, matchesOf, type FoundMention } from './found-mention.ts';

const joint = String.raw`(\s*(?:,\s*(?:and|or|&)?|\/|&|\+|\band\b|\bor\b)\s*(?:the\s+)?)`;
const compiledNext = deviceFamilies.map((f) => (f.next === undefined ? undefined : new RegExp(`^${joint}${f.next}(?![\\w+]|[.,]\\d)`, 'i')));

/**
 * Devices a product is made for: "iPhone 15 Pro Max", "Galaxy S24 Ultra", "Pixel 8a", "AirPods Pro 2",
 * "Apple Watch Series 9"; lists share the family ("iPhone 14/15" → iPhone 14, iPhone 15;
 * "iPhone 15 Pro and Pro Max" → iPhone 15 Pro, iPhone 15 Pro Max).
 */
export function extractDevices(text: string): FoundMention<'devices'>[] {
  const found: FoundMention<'devices'>[] = [];
  deviceFamilies.forEach((family, i) => {
    const next = compiledNext[i];
    for (const m of matchesOf(family.head, text)) {
      let generation = m[1];
      let end = m.index + m[0].length;
      found.push(foundAt('devices', text, m.index, end, { brand: family.brand, model: family.model(generation, m[2]) }));
      if (next === undefined) continue;
      for (let item = next.exec(text.slice(end)); item !== null && (item[2] || item[3]); item = next.exec(text.slice(end))) {
        const start = end + item[1]!.length;
        generation = item[2] || generation;
        end += item[0].length;
        found.push(foundAt('devices', text, start, end, { brand: family.brand, model: family.model(generation, item[3] || undefined) }));
      }
    }
  });
  return found;
}
