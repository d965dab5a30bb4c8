import type { DpgFacts } from '../dpg-data.ts';
import { codeLetterFor, samplingPlan, type SamplingPlan } from './aql.ts';
import { applicable, categoryStandards, commonStandards, inspectionPoints, type InspectionPoint, type QualityStandard, type QualityTest } from './quality-standards.ts';
import { specSignals } from './spec-signals.ts';

export type { InspectionPoint, QualityStandard, QualityTest } from './quality-standards.ts';

export interface AqlPlan {
  inspectionLevel: 'II';
  codeLetter: string;
  sampleSize: number;
  critical: 0;
  major: 2.5;
  minor: 4.0;
  accept: { major: number; minor: number };
  /** The exact single sampling plans (ISO 2859-1 arrows can move an AQL to another sample size). */
  plans: { major: SamplingPlan; minor: SamplingPlan };
  lotSize: number;
}

export interface QualityPlan {
  standards: QualityStandard[];
  inspections: InspectionPoint[];
  aql: AqlPlan;
  tests: QualityTest[];
}

/** "ISO 105-C06 / AATCC 61" -> ["iso 105-c06", "aatcc 61"]; "MIL-STD-810H Method 516.8" -> ["mil-std-810h"]. */
const codes = (standard: string): string[] => standard.split(/\s*[/+]\s*/).map((p) => p.replace(/\s+method.*$/i, '').trim().toLowerCase());

/** Quality plan for a DPG: standards, inspection points, the AQL sampling plan for the lot, and tests. */
export function qualityPlan(facts: DpgFacts, lotSize?: number): QualityPlan {
  const s = specSignals(facts);
  const lot = lotSize ?? facts.data.quantities?.total ?? 1000;
  const entries = [...commonStandards, ...applicable(categoryStandards[facts.category], facts, s)];
  const requested = (facts.data.quality_standards ?? []).filter((q) => !entries.some((e) => codes(e.standard.standard).some((c) => q.toLowerCase().includes(c))));
  const standards: QualityStandard[] = [
    ...entries.map((e) => e.standard),
    ...requested.map((q) => ({ standard: q, relevance: 'high' as const, description: 'Requested in the DPG.' })),
  ];
  const codeLetter = codeLetterFor(Math.max(2, lot));
  const major = samplingPlan(codeLetter, 2.5, lot);
  const minor = samplingPlan(codeLetter, 4.0, lot);
  const sampleSize = Math.max(major.sampleSize, minor.sampleSize);
  return {
    standards,
    inspections: [
      ...inspectionPoints[facts.category],
      { stage: 'pre_shipment', point: 'Final random inspection', method: `At least 80% packed: draw ${sampleSize} units (ISO 2859-1 level II, code ${codeLetter}); accept at most 0 critical, ${major.accept} major (AQL 2.5, n ${major.sampleSize}) and ${minor.accept} minor (AQL 4.0, n ${minor.sampleSize}) defects.` },
      { stage: 'pre_shipment', point: 'Packaging and labelling', method: 'Carton marks, barcodes, required labels and carton drop check.' },
    ],
    aql: { inspectionLevel: 'II', codeLetter, sampleSize, critical: 0, major: 2.5, minor: 4.0, accept: { major: major.accept, minor: minor.accept }, plans: { major, minor }, lotSize: lot },
    tests: entries.flatMap((e) => (e.test ? [e.test] : [])),
  };
}
