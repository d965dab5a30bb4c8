import { entityKinds, type Entities } from '../entities.ts';
import { extractColors } from './extract-colors.ts';
import { extractDates } from './extract-dates.ts';
import { extractDevices } from './extract-devices.ts';
import { extractDimensions } from './extract-dimensions.ts';
import { extractMarkets } from './extract-markets.ts';
import { extractMaterials } from './extract-materials.ts';
import { extractMoney } from './extract-money.ts';
import { extractQuantities } from './extract-quantities.ts';
import { extractWeights } from './extract-weights.ts';
import type { FoundMention } from './found-mention.ts';
import { resolveOverlaps } from './resolve-overlaps.ts';

/** Entities with nothing in them. */
export function emptyEntities(): Entities {
  return { quantities: [], dimensions: [], weights: [], colors: [], materials: [], dates: [], money: [], markets: [], devices: [] };
}

/**
 * Every entity in the text, each words claimed by one reading only ("150 x 75 mm" is a dimension,
 * not two quantities; "$4.50" money; "iPhone 15" a device), in the order they are written.
 */
export function extractEntities(text: string, referenceDate: Date): Entities {
  const found: FoundMention[] = [
    ...extractDevices(text), ...extractMoney(text), ...extractDimensions(text), ...extractWeights(text),
    ...extractDates(text, referenceDate), ...extractColors(text), ...extractMaterials(text), ...extractMarkets(text),
    ...extractQuantities(text),
  ];
  const entities = emptyEntities();
  for (const mention of resolveOverlaps(found)) (entities[mention.kind] as unknown[]).push(mention.entity);
  for (const kind of entityKinds) if (entities[kind].length > 1) Object.assign(entities, { [kind]: dedupe<{ text: string }>(entities[kind]) });
  return entities;
}

/** One mention per distinct reading, so "black ... black" lists black once. */
function dedupe<T extends { text: string }>(mentions: T[]): T[] {
  const seen = new Set<string>();
  return mentions.filter((m) => {
    const { text: _text, ...fields } = m;
    const key = JSON.stringify(fields);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
