import type { DpgFacts } from '../dpg-data.ts';
import type { Variant } from './variant.ts';
import { dimensionMm, roundTo } from './spec-reading.ts';

export interface HardGoodParams {
  /** Bounding box: width (x), height (y in the front view), depth (front to back). */
  widthMm: number;
  heightMm: number;
  depthMm: number;
  cornerRadiusMm: number;
  edge: 'fillet' | 'chamfer';
  edgeSizeMm: number;
  partingLine: boolean;
  feet: boolean;
  accentBand: boolean;
  process: string;
}

export function hardGoodParamsFor(facts: DpgFacts, variant: Variant): HardGoodParams {
  const data = facts.data;
  const width = dimensionMm(data, /width|length/) ?? 120;
  const height = dimensionMm(data, /height/) ?? 80;
  const depth = dimensionMm(data, /depth|thickness/) ?? 30;
  const small = Math.min(width, height);
  const radiusSpec = dimensionMm(data, /radius|corner/);
  const treatments: Record<Variant, Pick<HardGoodParams, 'cornerRadiusMm' | 'edge' | 'edgeSizeMm' | 'feet' | 'accentBand'>> = {
    1: { cornerRadiusMm: radiusSpec ?? roundTo(small * 0.06, 0.5), edge: 'fillet', edgeSizeMm: roundTo(Math.min(2, depth * 0.1), 0.1), feet: false, accentBand: false },
    2: { cornerRadiusMm: radiusSpec ?? roundTo(small * 0.03, 0.5), edge: 'chamfer', edgeSizeMm: roundTo(Math.min(3, depth * 0.12), 0.1), feet: false, accentBand: true },
    3: { cornerRadiusMm: radiusSpec ?? roundTo(small * 0.2, 0.5), edge: 'fillet', edgeSizeMm: roundTo(Math.min(6, depth * 0.25), 0.1), feet: true, accentBand: false },
  };
  const process = data.process ?? 'injection moulding';
  return { widthMm: width, heightMm: height, depthMm: depth, ...treatments[variant], partingLine: /mould|mold|cast/.test(process.toLowerCase()), process };
}
