import type { DpgData, DpgFacts } from '../dpg-data.ts';

/** Helpers that read loosely named values out of a DPG's data. */

/** The first dimension whose name matches one of the patterns, in mm. */
export function dimensionMm(data: DpgData, ...patterns: RegExp[]): number | undefined {
  for (const pattern of patterns) {
    const found = data.dimensions?.find((d) => pattern.test(d.name.toLowerCase()));
    if (found) return found.mm;
  }
  return undefined;
}

/** Title, summary and free-text fields, lower-cased, for keyword checks. */
export function factsText(facts: DpgFacts): string {
  const d = facts.data;
  return [facts.title, facts.summary, d.fit, d.straps, d.lid_type, d.finish, d.process, d.logo?.placement, ...(d.labeling ?? []),
    ...(d.materials ?? []).map((m) => m.name)].filter(Boolean).join(' ').toLowerCase();
}

export const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/** Rounds to a step (0.1 mm for small parts, 1 or 5 mm for garments). */
export const roundTo = (value: number, step: number): number => Number((Math.round(value / step + 1e-9) * step).toFixed(4));

/** The first of the candidates that is defined. */
export function firstDefined<T>(...values: (T | undefined)[]): T | undefined {
  return values.find((v) => v !== undefined);
}
