import type { DpgFacts, DrinkwareSpec } from '../dpg-data.ts';
import type { Variant } from './variant.ts';
import { dimensionMm, factsText, roundTo } from './spec-reading.ts';

export type VesselType = NonNullable<DrinkwareSpec['vessel_type']>;
export type Insulation = NonNullable<DrinkwareSpec['insulation']>;
export type LidType = 'none' | 'screw' | 'flip' | 'slide' | 'straw' | 'press' | 'loop';

export interface DrinkwareParams {
  vessel: VesselType;
  capacityMl: number;
  /** Body height without the lid. */
  heightMm: number;
  /** Largest outer body diameter. */
  diameterMm: number;
  /** Outer diameter at the mouth (the neck for a bottle). */
  topDiameterMm: number;
  baseDiameterMm: number;
  insulation: Insulation;
  /** Total wall: both skins and the gap for double walls. */
  wallMm: number;
  lid: LidType;
  lidHeightMm: number;
  handle: 'none' | 'c' | 'd' | 'loop';
  shape: 'straight' | 'tapered' | 'shouldered';
  /** A band in the accent colour (sleeve, rim or lid band). */
  accentBand: boolean;
}

interface Form { ratio: number; base: number; top: number; fill: number; shape: DrinkwareParams['shape']; capacity: number }

/** Height/diameter ratio, base and mouth as shares of the diameter, usable fill share, typical capacity. */
const forms: Record<VesselType, Form> = {
  bottle: { ratio: 3.5, base: 1, top: 0.62, fill: 0.8, shape: 'shouldered', capacity: 750 },
  tumbler: { ratio: 1.95, base: 0.74, top: 1, fill: 0.9, shape: 'tapered', capacity: 590 },
  mug: { ratio: 1.15, base: 1, top: 1, fill: 0.88, shape: 'straight', capacity: 350 },
  cup: { ratio: 1.3, base: 0.72, top: 1, fill: 0.9, shape: 'tapered', capacity: 350 },
};

interface Treatment { lid: LidType; handle: DrinkwareParams['handle']; band: boolean; shape?: DrinkwareParams['shape'] }
const treatments: Record<VesselType, Record<Variant, Treatment>> = {
  bottle: { 1: { lid: 'screw', handle: 'none', band: false }, 2: { lid: 'straw', handle: 'none', band: true }, 3: { lid: 'loop', handle: 'none', band: false, shape: 'straight' } },
  tumbler: { 1: { lid: 'slide', handle: 'none', band: false }, 2: { lid: 'straw', handle: 'loop', band: false }, 3: { lid: 'press', handle: 'none', band: true } },
  mug: { 1: { lid: 'none', handle: 'c', band: false }, 2: { lid: 'none', handle: 'd', band: true }, 3: { lid: 'none', handle: 'loop', band: false, shape: 'tapered' } },
  cup: { 1: { lid: 'none', handle: 'none', band: false }, 2: { lid: 'press', handle: 'none', band: false }, 3: { lid: 'press', handle: 'none', band: true } },
};

const vesselWords: [RegExp, VesselType][] = [[/bottle|flask/, 'bottle'], [/tumbler/, 'tumbler'], [/mug/, 'mug'], [/cup/, 'cup']];
const lidWords: [RegExp, LidType][] = [[/straw/, 'straw'], [/flip|chug|sport/, 'flip'], [/slid/, 'slide'], [/loop|carry/, 'loop'],
  [/screw|thread|cap/, 'screw'], [/press|push/, 'press'], [/no lid|none|open/, 'none']];

export function drinkwareParamsFor(facts: DpgFacts, variant: Variant): DrinkwareParams {
  const data = facts.data;
  const vessel: VesselType = data.vessel_type ?? vesselWords.find(([re]) => re.test(factsText(facts)))?.[1] ?? 'tumbler';
  const form = forms[vessel];
  const t = treatments[vessel][variant];
  const insulation: Insulation = data.insulation ?? (vessel === 'mug' || vessel === 'cup' ? 'single_wall' : 'double_wall_vacuum');
  const wall = insulation === 'single_wall' ? (vessel === 'mug' ? 5 : 1.5) : 5;
  const capacity = data.capacity_ml ?? form.capacity;
  const shape = t.shape ?? form.shape;
  const baseShare = shape === 'tapered' ? Math.min(form.base, 0.76) : shape === 'straight' ? 1 : form.base;
  const heightSpec = dimensionMm(data, /height/);
  const diameterSpec = dimensionMm(data, /diameter|width/);
  const diameter = diameterSpec ?? roundTo(solveDiameter(capacity, form.ratio, baseShare, form.fill, wall, heightSpec), 0.5);
  const height = heightSpec ?? roundTo(form.ratio * diameter, 1);
  const lidText = (data.lid_type ?? '').toLowerCase();
  const lid = lidWords.find(([re]) => re.test(lidText))?.[1] ?? t.lid;
  return {
    vessel,
    capacityMl: capacity,
    heightMm: height,
    diameterMm: diameter,
    topDiameterMm: dimensionMm(data, /mouth|opening|top/) ?? roundTo(shape === 'shouldered' ? diameter * form.top : diameter, 0.5),
    baseDiameterMm: dimensionMm(data, /base|bottom/) ?? roundTo(diameter * baseShare, 0.5),
    insulation,
    wallMm: wall,
    lid,
    lidHeightMm: lid === 'none' ? 0 : lid === 'straw' ? 38 : lid === 'screw' || lid === 'loop' ? 32 : lid === 'flip' ? 36 : 14,
    handle: t.handle,
    shape,
    accentBand: t.band,
  };
}

/**
 * The outer diameter whose body holds `capacity` ml: inner volume of a frustum
 * V = π·h/3·(R² + R·r + r²) over the usable fill height, walls subtracted. Bisection, since the
 * height follows the diameter through the type's proportions unless a height is given.
 */
function solveDiameter(capacityMl: number, ratio: number, baseShare: number, fill: number, wall: number, height?: number): number {
  const volume = (d: number): number => {
    const h = (height ?? ratio * d) * fill - wall;
    const top = d / 2 - wall;
    const bottom = (d * baseShare) / 2 - wall;
    return h <= 0 || bottom <= 0 ? 0 : (Math.PI * h * (top * top + top * bottom + bottom * bottom)) / 3 / 1000;
  };
  let lo = 20;
  let hi = 400;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (volume(mid) < capacityMl) lo = mid; else hi = mid;
  }
  return (lo + hi) / 2;
}
