import type { ApparelSpec, DpgFacts } from '../dpg-data.ts';
import type { Variant } from './variant.ts';
import { dimensionMm, factsText, roundTo } from './spec-reading.ts';

export type GarmentType = NonNullable<ApparelSpec['garment_type']>;
export type Neckline = NonNullable<ApparelSpec['neckline']>;
export type Pockets = NonNullable<ApparelSpec['pockets']>;
export type Closure = NonNullable<ApparelSpec['closure']>;
export type SleeveLength = 'short' | 'long' | 'sleeveless';

/** Flat measurements of the base size, in mm (half chest = pit to pit, laid flat). */
export interface GarmentMeasurements {
  chestWidthMm: number;
  bodyLengthMm: number;
  shoulderWidthMm: number;
  sleeveLengthMm: number;
  sleeveOpeningMm: number;
  neckWidthMm: number;
  frontNeckDropMm: number;
  backNeckDropMm: number;
  armholeDepthMm: number;
  hemWidthMm: number;
  hoodHeightMm: number;
  /** Trousers only: half waist, front rise, inseam, thigh and leg opening (flat). */
  waistWidthMm: number;
  riseMm: number;
  inseamMm: number;
  thighWidthMm: number;
  legOpeningMm: number;
}

export interface ApparelParams {
  garment: GarmentType;
  /** The size the flat is drawn in. */
  baseSize: string;
  fit: string;
  neckline: Neckline;
  sleeves: SleeveLength;
  sleeveConstruction: 'set_in' | 'raglan';
  pockets: Pockets;
  closure: Closure;
  hemRib: boolean;
  cuffRib: boolean;
  ribHeightMm: number;
  stitch: 'single_needle' | 'twin_needle' | 'coverstitch';
  backYoke: boolean;
  /** Sleeves (raglan) or hood lining in the accent colour. */
  contrastPanels: boolean;
  fabricWeightGsm: number;
  measurements: GarmentMeasurements;
}

type Base = Omit<GarmentMeasurements, 'sleeveLengthMm' | 'sleeveOpeningMm' | 'waistWidthMm' | 'riseMm' | 'inseamMm' | 'thighWidthMm' | 'legOpeningMm'>
  & { shortSleeve: number; longSleeve: number; shortOpening: number; longOpening: number };

/** Typical size-M flat measurements per garment (common graded-spec values; a starting point, not a size chart). */
const bases: Record<GarmentType, Base> = {
  t_shirt: { chestWidthMm: 520, bodyLengthMm: 720, shoulderWidthMm: 460, neckWidthMm: 180, frontNeckDropMm: 90, backNeckDropMm: 20, armholeDepthMm: 230, hemWidthMm: 520, hoodHeightMm: 340, shortSleeve: 210, longSleeve: 620, shortOpening: 180, longOpening: 100 },
  hoodie: { chestWidthMm: 570, bodyLengthMm: 700, shoulderWidthMm: 500, neckWidthMm: 200, frontNeckDropMm: 100, backNeckDropMm: 25, armholeDepthMm: 250, hemWidthMm: 500, hoodHeightMm: 350, shortSleeve: 240, longSleeve: 620, shortOpening: 190, longOpening: 95 },
  sweatshirt: { chestWidthMm: 560, bodyLengthMm: 690, shoulderWidthMm: 490, neckWidthMm: 190, frontNeckDropMm: 90, backNeckDropMm: 20, armholeDepthMm: 245, hemWidthMm: 500, hoodHeightMm: 350, shortSleeve: 230, longSleeve: 620, shortOpening: 185, longOpening: 95 },
  jacket: { chestWidthMm: 590, bodyLengthMm: 720, shoulderWidthMm: 480, neckWidthMm: 200, frontNeckDropMm: 80, backNeckDropMm: 25, armholeDepthMm: 260, hemWidthMm: 580, hoodHeightMm: 360, shortSleeve: 250, longSleeve: 650, shortOpening: 200, longOpening: 130 },
  polo: { chestWidthMm: 530, bodyLengthMm: 730, shoulderWidthMm: 470, neckWidthMm: 180, frontNeckDropMm: 60, backNeckDropMm: 20, armholeDepthMm: 235, hemWidthMm: 530, hoodHeightMm: 340, shortSleeve: 220, longSleeve: 620, shortOpening: 175, longOpening: 100 },
  dress: { chestWidthMm: 460, bodyLengthMm: 1000, shoulderWidthMm: 380, neckWidthMm: 200, frontNeckDropMm: 110, backNeckDropMm: 30, armholeDepthMm: 210, hemWidthMm: 700, hoodHeightMm: 330, shortSleeve: 150, longSleeve: 590, shortOpening: 160, longOpening: 95 },
  pants: { chestWidthMm: 520, bodyLengthMm: 1040, shoulderWidthMm: 400, neckWidthMm: 0, frontNeckDropMm: 0, backNeckDropMm: 0, armholeDepthMm: 0, hemWidthMm: 200, hoodHeightMm: 0, shortSleeve: 0, longSleeve: 0, shortOpening: 0, longOpening: 0 },
  other: { chestWidthMm: 520, bodyLengthMm: 720, shoulderWidthMm: 460, neckWidthMm: 180, frontNeckDropMm: 90, backNeckDropMm: 20, armholeDepthMm: 230, hemWidthMm: 520, hoodHeightMm: 340, shortSleeve: 210, longSleeve: 620, shortOpening: 180, longOpening: 100 },
};

interface Style { neckline: Neckline; sleeves: SleeveLength; pockets: Pockets; closure: Closure; raglan?: boolean; contrast?: boolean; yoke?: boolean; cuffRib?: boolean }

/** The three design directions per garment; a DPG's own choices override them. */
const styles: Record<GarmentType, Record<Variant, Style>> = {
  t_shirt: {
    1: { neckline: 'crew', sleeves: 'short', pockets: 'none', closure: 'none' },
    2: { neckline: 'v_neck', sleeves: 'short', pockets: 'patch', closure: 'none' },
    3: { neckline: 'crew', sleeves: 'short', pockets: 'none', closure: 'none', raglan: true, contrast: true },
  },
  hoodie: {
    1: { neckline: 'hood', sleeves: 'long', pockets: 'kangaroo', closure: 'none' },
    2: { neckline: 'hood', sleeves: 'long', pockets: 'kangaroo', closure: 'full_zip' },
    3: { neckline: 'hood', sleeves: 'long', pockets: 'none', closure: 'none', raglan: true, contrast: true },
  },
  sweatshirt: {
    1: { neckline: 'crew', sleeves: 'long', pockets: 'none', closure: 'none' },
    2: { neckline: 'mock', sleeves: 'long', pockets: 'none', closure: 'quarter_zip' },
    3: { neckline: 'crew', sleeves: 'long', pockets: 'kangaroo', closure: 'none', raglan: true, contrast: true },
  },
  jacket: {
    1: { neckline: 'mock', sleeves: 'long', pockets: 'zip', closure: 'full_zip' },
    2: { neckline: 'hood', sleeves: 'long', pockets: 'side_seam', closure: 'full_zip', contrast: true },
    3: { neckline: 'pointed_collar', sleeves: 'long', pockets: 'patch', closure: 'snaps', yoke: true },
  },
  polo: {
    1: { neckline: 'pointed_collar', sleeves: 'short', pockets: 'none', closure: 'buttons' },
    2: { neckline: 'pointed_collar', sleeves: 'short', pockets: 'patch', closure: 'snaps', contrast: true },
    3: { neckline: 'mock', sleeves: 'short', pockets: 'none', closure: 'quarter_zip' },
  },
  dress: {
    1: { neckline: 'round_collar', sleeves: 'short', pockets: 'none', closure: 'none' },
    2: { neckline: 'v_neck', sleeves: 'sleeveless', pockets: 'side_seam', closure: 'none' },
    3: { neckline: 'crew', sleeves: 'long', pockets: 'patch', closure: 'buttons' },
  },
  pants: {
    1: { neckline: 'crew', sleeves: 'long', pockets: 'side_seam', closure: 'buttons' },
    2: { neckline: 'crew', sleeves: 'long', pockets: 'zip', closure: 'full_zip', yoke: true },
    3: { neckline: 'crew', sleeves: 'long', pockets: 'patch', closure: 'snaps', cuffRib: true },
  },
  other: {
    1: { neckline: 'crew', sleeves: 'short', pockets: 'none', closure: 'none' },
    2: { neckline: 'v_neck', sleeves: 'long', pockets: 'patch', closure: 'none' },
    3: { neckline: 'mock', sleeves: 'long', pockets: 'none', closure: 'quarter_zip', raglan: true },
  },
};

const garmentWords: [RegExp, GarmentType][] = [
  [/hood(ie|y)/, 'hoodie'], [/sweat ?shirt|crewneck|jumper|pullover/, 'sweatshirt'], [/jacket|coat|windbreaker|bomber|parka/, 'jacket'],
  [/polo/, 'polo'], [/dress|gown/, 'dress'], [/pants|trousers|joggers|jeans|shorts|leggings/, 'pants'], [/t-?shirt|\btee\b/, 't_shirt'],
];

const apparelClosures: readonly Closure[] = ['none', 'full_zip', 'quarter_zip', 'buttons', 'snaps'];

export function apparelParamsFor(facts: DpgFacts, variant: Variant): ApparelParams {
  const data = facts.data;
  const text = factsText(facts);
  const garment: GarmentType = data.garment_type ?? garmentWords.find(([re]) => re.test(text))?.[1] ?? 't_shirt';
  const style = styles[garment][variant];
  const sleevesSpec = data.sleeves;
  const sleeves: SleeveLength = sleevesSpec === undefined || sleevesSpec === 'raglan' ? style.sleeves : sleevesSpec;
  const neckline = data.neckline ?? style.neckline;
  const base = bases[garment];
  const knit = garment === 'hoodie' || garment === 'sweatshirt';
  const chestSpec = dimensionMm(data, /chest|bust|pit/);
  const measurements: GarmentMeasurements = {
    chestWidthMm: chestSpec === undefined ? base.chestWidthMm : chestSpec > 800 ? roundTo(chestSpec / 2, 5) : chestSpec,
    bodyLengthMm: dimensionMm(data, /body length|hps|^length|total length|outseam/) ?? base.bodyLengthMm,
    shoulderWidthMm: dimensionMm(data, /shoulder/) ?? base.shoulderWidthMm,
    sleeveLengthMm: dimensionMm(data, /sleeve length|sleeve/) ?? (sleeves === 'long' ? base.longSleeve : sleeves === 'short' ? base.shortSleeve : 0),
    sleeveOpeningMm: dimensionMm(data, /sleeve opening|cuff/) ?? (sleeves === 'long' ? base.longOpening : base.shortOpening),
    neckWidthMm: dimensionMm(data, /neck width/) ?? base.neckWidthMm,
    frontNeckDropMm: dimensionMm(data, /front neck drop|neck drop/) ?? frontNeckDropFor(garment, neckline),
    backNeckDropMm: base.backNeckDropMm,
    armholeDepthMm: dimensionMm(data, /armhole/) ?? base.armholeDepthMm,
    hemWidthMm: dimensionMm(data, /hem|sweep|bottom width/) ?? base.hemWidthMm,
    hoodHeightMm: dimensionMm(data, /hood/) ?? base.hoodHeightMm,
    waistWidthMm: dimensionMm(data, /waist/) ?? 400,
    riseMm: dimensionMm(data, /rise/) ?? 280,
    inseamMm: dimensionMm(data, /inseam|inside leg/) ?? 780,
    thighWidthMm: dimensionMm(data, /thigh/) ?? 320,
    legOpeningMm: dimensionMm(data, /leg opening|hem/) ?? (style.cuffRib ? 150 : 200),
  };
  return {
    garment,
    baseSize: data.sizes?.includes('M') || !data.sizes?.length ? 'M' : data.sizes[Math.floor(data.sizes.length / 2)]!,
    fit: data.fit ?? 'regular',
    neckline,
    sleeves,
    sleeveConstruction: sleevesSpec === 'raglan' || style.raglan ? 'raglan' : 'set_in',
    pockets: data.pockets ?? style.pockets,
    closure: apparelClosures.find((c) => c === data.closure) ?? style.closure,
    hemRib: knit || (garment === 'jacket' && variant !== 3),
    cuffRib: knit || garment === 'jacket' || style.cuffRib === true,
    ribHeightMm: garment === 'pants' ? 60 : knit ? 65 : 50,
    stitch: garment === 'jacket' || garment === 'pants' ? 'single_needle' : knit ? 'coverstitch' : 'twin_needle',
    backYoke: style.yoke === true,
    contrastPanels: style.contrast === true,
    fabricWeightGsm: data.fabric_weight_gsm ?? (knit ? 330 : garment === 'jacket' ? 220 : garment === 'pants' ? 280 : 180),
    measurements,
  };
}

/** Sleeve length and opening of the base size for a sleeve length (used when an edit changes it). */
export function sleeveMeasurementsFor(garment: GarmentType, sleeves: SleeveLength): { lengthMm: number; openingMm: number } {
  const base = bases[garment];
  if (sleeves === 'sleeveless') return { lengthMm: 0, openingMm: base.shortOpening };
  return sleeves === 'long' ? { lengthMm: base.longSleeve, openingMm: base.longOpening } : { lengthMm: base.shortSleeve, openingMm: base.shortOpening };
}

/** Front neck drop of the base size for a neckline. */
export function frontNeckDropFor(garment: GarmentType, neckline: Neckline): number {
  const base = bases[garment].frontNeckDropMm;
  return neckline === 'v_neck' ? base + 80 : neckline === 'mock' ? 40 : base;
}
