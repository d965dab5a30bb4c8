import type { BagSpec, DpgFacts } from '../dpg-data.ts';
import type { Variant } from './variant.ts';
import { dimensionMm, factsText, roundTo } from './spec-reading.ts';

export type BagType = NonNullable<BagSpec['bag_type']>;
export type BagClosure = NonNullable<BagSpec['closure']>;
export type StrapKind = 'handles' | 'shoulder' | 'backpack' | 'crossbody' | 'wrist' | 'none';

export interface BagParams {
  bagType: BagType;
  widthMm: number;
  heightMm: number;
  depthMm: number;
  capacityL: number;
  closure: BagClosure;
  straps: { kind: StrapKind; dropMm: number; widthMm: number; adjustable: boolean };
  frontPocket: 'none' | 'zip' | 'patch' | 'slip';
  /** A base panel in the accent colour. */
  contrastBase: boolean;
}

/** Proportions width : height : depth and a typical capacity per bag type. */
const shapes: Record<BagType, { w: number; h: number; d: number; litres: number }> = {
  tote: { w: 1, h: 0.95, d: 0.3, litres: 18 },
  backpack: { w: 0.68, h: 1, d: 0.34, litres: 20 },
  duffel: { w: 1, h: 0.5, d: 0.5, litres: 35 },
  messenger: { w: 1, h: 0.75, d: 0.25, litres: 12 },
  pouch: { w: 1, h: 0.6, d: 0.15, litres: 1 },
  other: { w: 1, h: 0.8, d: 0.3, litres: 10 },
};

interface Treatment { closure: BagClosure; straps: StrapKind; pocket: BagParams['frontPocket']; contrastBase: boolean; drop: number }

const treatments: Record<BagType, Record<Variant, Treatment>> = {
  tote: {
    1: { closure: 'open', straps: 'handles', pocket: 'none', contrastBase: false, drop: 250 },
    2: { closure: 'zip', straps: 'handles', pocket: 'slip', contrastBase: false, drop: 230 },
    3: { closure: 'magnetic', straps: 'shoulder', pocket: 'none', contrastBase: true, drop: 300 },
  },
  backpack: {
    1: { closure: 'zip', straps: 'backpack', pocket: 'zip', contrastBase: false, drop: 450 },
    2: { closure: 'flap', straps: 'backpack', pocket: 'patch', contrastBase: false, drop: 450 },
    3: { closure: 'zip', straps: 'backpack', pocket: 'none', contrastBase: true, drop: 450 },
  },
  duffel: {
    1: { closure: 'zip', straps: 'handles', pocket: 'none', contrastBase: false, drop: 200 },
    2: { closure: 'zip', straps: 'shoulder', pocket: 'zip', contrastBase: true, drop: 450 },
    3: { closure: 'zip', straps: 'handles', pocket: 'slip', contrastBase: false, drop: 200 },
  },
  messenger: {
    1: { closure: 'flap', straps: 'crossbody', pocket: 'none', contrastBase: false, drop: 550 },
    2: { closure: 'buckle', straps: 'crossbody', pocket: 'slip', contrastBase: false, drop: 550 },
    3: { closure: 'magnetic', straps: 'crossbody', pocket: 'zip', contrastBase: true, drop: 550 },
  },
  pouch: {
    1: { closure: 'zip', straps: 'none', pocket: 'none', contrastBase: false, drop: 0 },
    2: { closure: 'drawstring', straps: 'none', pocket: 'none', contrastBase: true, drop: 0 },
    3: { closure: 'zip', straps: 'wrist', pocket: 'none', contrastBase: false, drop: 150 },
  },
  other: {
    1: { closure: 'zip', straps: 'handles', pocket: 'none', contrastBase: false, drop: 220 },
    2: { closure: 'flap', straps: 'shoulder', pocket: 'patch', contrastBase: false, drop: 400 },
    3: { closure: 'zip', straps: 'crossbody', pocket: 'zip', contrastBase: true, drop: 500 },
  },
};

const bagWords: [RegExp, BagType][] = [[/backpack|rucksack/, 'backpack'], [/duffel|duffle|holdall|gym bag/, 'duffel'],
  [/messenger|satchel|crossbody/, 'messenger'], [/pouch|wallet|cosmetic|pencil case/, 'pouch'], [/tote|shopper/, 'tote']];

const bagClosures: readonly BagClosure[] = ['open', 'zip', 'magnetic', 'drawstring', 'flap', 'buckle'];

export function bagParamsFor(facts: DpgFacts, variant: Variant): BagParams {
  const data = facts.data;
  const text = factsText(facts);
  const bagType: BagType = data.bag_type ?? bagWords.find(([re]) => re.test(text))?.[1] ?? 'tote';
  const shape = shapes[bagType];
  const t = treatments[bagType][variant];
  const litres = data.capacity_l ?? shape.litres;
  // Scale the type's proportions so that width × height × depth holds the capacity (1 L = 1e6 mm³).
  const k = Math.cbrt((litres * 1e6) / (shape.w * shape.h * shape.d));
  const width = dimensionMm(data, /width|length/) ?? roundTo(k * shape.w, 5);
  const height = dimensionMm(data, /height/) ?? roundTo(k * shape.h, 5);
  const depth = dimensionMm(data, /depth|gusset/) ?? roundTo(k * shape.d, 5);
  const strapsText = (data.straps ?? '').toLowerCase();
  const strapKind: StrapKind = /backpack|shoulder straps/.test(strapsText) ? 'backpack' : /cross ?body/.test(strapsText) ? 'crossbody'
    : /shoulder/.test(strapsText) ? 'shoulder' : /handle/.test(strapsText) ? 'handles' : /wrist/.test(strapsText) ? 'wrist' : t.straps;
  return {
    bagType,
    widthMm: width,
    heightMm: height,
    depthMm: depth,
    capacityL: data.capacity_l ?? roundTo((width * height * depth) / 1e6, 0.5),
    closure: bagClosures.find((c) => c === data.closure) ?? t.closure,
    straps: {
      kind: strapKind,
      dropMm: dimensionMm(data, /drop/) ?? t.drop,
      widthMm: dimensionMm(data, /strap width|handle width/) ?? (strapKind === 'backpack' ? 60 : strapKind === 'wrist' ? 15 : 30),
      adjustable: /adjust/.test(strapsText) || strapKind === 'backpack' || strapKind === 'crossbody',
    },
    frontPocket: t.pocket,
    contrastBase: t.contrastBase,
  };
}
