import type { DpgData, DpgFacts, ProductCategory } from '../dpg-data.ts';
import { categoryBaselines, factorRules, type FactorHit, type Recommendation } from './manufacturability-factors.ts';
import { manufacturingMethods, type ManufacturingMethod } from './manufacturing-methods.ts';
import { specSignals } from './spec-signals.ts';

export type { Recommendation } from './manufacturability-factors.ts';
export type { ManufacturingMethod } from './manufacturing-methods.ts';

export interface ManufacturabilityFactor { factor: string; points: number; explanation: string }

export interface ManufacturabilityReport {
  /** 0..100; equals the sum of `factors` (a clamping factor is listed when the raw sum leaves 0..100). */
  feasibilityScore: number;
  complexity: 'low' | 'medium' | 'high';
  complexityWhy: string;
  methods: ManufacturingMethod[];
  factors: ManufacturabilityFactor[];
  challenges: { issue: string; reason: string }[];
  recommendations: Recommendation[];
  /** Spec keys whose absence limits the analysis. */
  missing: string[];
}

/** Keys that change the manufacturing analysis, per category (core keys first). */
export const analysisKeys: Record<ProductCategory, (keyof DpgData)[]> = {
  phone_accessory: ['materials', 'dimensions', 'quantities', 'colors', 'device_models', 'case_style'],
  apparel: ['materials', 'dimensions', 'quantities', 'colors', 'garment_type', 'sizes', 'fabric_weight_gsm'],
  bag: ['materials', 'dimensions', 'quantities', 'colors', 'bag_type', 'capacity_l'],
  drinkware: ['materials', 'dimensions', 'quantities', 'colors', 'vessel_type', 'capacity_ml', 'insulation'],
  hard_good: ['materials', 'dimensions', 'quantities', 'colors', 'process', 'weight_g'],
};
const criticalKeys = new Set<keyof DpgData>(['materials', 'dimensions', 'quantities']);

function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (Array.isArray(value) && value.length === 0) || value === '';
}

export function missingAnalysisKeys(facts: DpgFacts): (keyof DpgData)[] {
  return analysisKeys[facts.category].filter((k) => isMissing(facts.data[k]));
}

function complexityOf(hits: FactorHit[], methods: ManufacturingMethod[]): { level: ManufacturabilityReport['complexity']; why: string } {
  const penalty = -hits.filter((h) => h.complexity && h.points < 0).reduce((sum, h) => sum + h.points, 0);
  const drivers = hits.filter((h) => h.complexity && h.points < 0).map((h) => h.factor);
  const level = penalty > 25 ? 'high' : penalty > 10 || methods.length >= 4 ? 'medium' : 'low';
  const why = `Complexity penalty ${penalty} points from ${drivers.length ? drivers.join(', ') : 'no complexity factors'}; ${methods.length} process steps (high > 25 points; medium > 10 points or 4+ processes).`;
  return { level, why };
}

/** Scores how feasible a DPG is to manufacture, starting from a category baseline and adding documented factors. */
export function analyzeManufacturability(facts: DpgFacts): ManufacturabilityReport {
  const s = specSignals(facts);
  const baseline = categoryBaselines[facts.category];
  const hits = factorRules.map((rule) => rule(facts, s)).filter((h): h is FactorHit => h !== null);
  const missing = missingAnalysisKeys(facts);
  const critical = missing.filter((k) => criticalKeys.has(k));
  if (critical.length) {
    hits.push({
      factor: 'Missing critical specs', points: -3 * critical.length, complexity: false,
      explanation: `${critical.join(', ')} not given (-3 each): the analysis assumes category defaults there.`,
      recommendation: { type: 'risk', description: `Specify ${critical.join(', ')} before quoting; suppliers will otherwise price their own assumptions.`, impact: 'cost' },
    });
  }
  const factors: ManufacturabilityFactor[] = [
    { factor: `Category baseline (${facts.category})`, points: baseline.points, explanation: baseline.why },
    ...hits.map(({ factor, points, explanation }) => ({ factor, points, explanation })),
  ];
  const raw = factors.reduce((sum, f) => sum + f.points, 0);
  const score = Math.min(100, Math.max(0, raw));
  if (score !== raw) {
    factors.push({ factor: 'Clamped to 0..100', points: score - raw, explanation: `The factors add up to ${raw}; the score is clamped to the 0..100 range.` });
  }
  const methods = manufacturingMethods(facts, s);
  const complexity = complexityOf(hits, methods);
  return {
    feasibilityScore: score,
    complexity: complexity.level,
    complexityWhy: complexity.why,
    methods,
    factors,
    challenges: hits.flatMap((h) => (h.challenge ? [h.challenge] : [])),
    recommendations: hits.flatMap((h) => (h.recommendation ? [h.recommendation] : [])),
    missing,
  };
}
