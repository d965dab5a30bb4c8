import type { DpgFacts } from '../dpg-data.ts';
import { checkCompliance, type ComplianceReport } from './check-compliance.ts';
import { estimateCost, type CostEstimate } from './estimate-cost.ts';
import { analyzeManufacturability, type ManufacturabilityReport } from './manufacturability.ts';
import { qualityPlan, type QualityPlan } from './quality-plan.ts';

export interface DpgAnalysis {
  manufacturability: ManufacturabilityReport;
  compliance: ComplianceReport;
  cost: CostEstimate;
  quality: QualityPlan;
}

/** The full deterministic analysis of a DPG: manufacturability, compliance, cost tiers and quality plan. */
export function analyzeDpg(facts: DpgFacts): DpgAnalysis {
  return {
    manufacturability: analyzeManufacturability(facts),
    compliance: checkCompliance(facts),
    cost: estimateCost(facts),
    quality: qualityPlan(facts),
  };
}
