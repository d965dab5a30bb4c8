import type { EntityKind, FoundMention } from './found-mention.ts';

/**
 * When two kinds claim the same words, the more specific reading wins: "iPhone 15" is a device, not
 * the quantity 15; "$4.50" is money; "150 x 75 mm" one dimension. Earlier kinds win ties.
 */
const precedence: EntityKind[] = ['devices', 'money', 'dimensions', 'weights', 'dates', 'colors', 'materials', 'markets', 'quantities'];

/** Keeps the longest claim where claims overlap (ties by kind precedence), in text order. */
export function resolveOverlaps(found: FoundMention[]): FoundMention[] {
  const span = (m: FoundMention) => m.claim ?? m;
  const ranked = [...found].sort((a, b) =>
    (span(b).end - span(b).start) - (span(a).end - span(a).start) || precedence.indexOf(a.kind) - precedence.indexOf(b.kind) || a.start - b.start);
  const kept: FoundMention[] = [];
  for (const mention of ranked) {
    const s = span(mention);
    if (kept.every((k) => s.end <= span(k).start || s.start >= span(k).end)) kept.push(mention);
  }
  return kept.sort((a, b) => a.start - b.start);
}
