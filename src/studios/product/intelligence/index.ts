/** Manufacturing intelligence of the product studio: deterministic, explainable analysis of a DPG. */
export * from './analyze-dpg.ts';
export * from './manufacturability.ts';
export { categoryBaselines, typicalToleranceMm } from './manufacturability-factors.ts';
export * from './compliance-rules.ts';
export * from './check-compliance.ts';
export * from './estimate-cost.ts';
export { costModels, materialPrices, familyPrices } from './cost-data.ts';
export * from './amortised-unit-cost.ts';
export * from './learning-curve.ts';
export * from './quality-plan.ts';
export { codeLetterFor, sampleSizeFor, samplingPlan, supportedAqls, type SamplingPlan } from './aql.ts';
export { specSignals, inferFamily, type MaterialFamily, type ResolvedMaterial, type SpecSignals } from './spec-signals.ts';
