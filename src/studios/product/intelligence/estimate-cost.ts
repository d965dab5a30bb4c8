import type { DpgFacts } from '../dpg-data.ts';
import { priceBreaks } from './amortised-unit-cost.ts';
import { costModels, familyPrices, materialPrices, purchasedParts, type ToolingItem } from './cost-data.ts';
import { averageUnitCost } from './learning-curve.ts';
import { specSignals, type ResolvedMaterial } from './spec-signals.ts';

export type { ToolingItem } from './cost-data.ts';

export interface CostTier {
  quantity: number;
  materialPerUnit: number;
  /** Direct labour (on its learning curve) plus machine time. */
  labourPerUnit: number;
  overheadPerUnit: number;
  toolingPerUnit: number;
  setupPerUnit: number;
  unitCost: number;
  totalCost: number;
  /** Fractional saving per unit against the previous (smaller) tier. */
  savingVsPrevious: number;
}

export interface MaterialLine { material: string; grams: number; usdPerKg: number; cost: number; source: string }

export interface CostEstimate {
  currency: 'USD';
  tooling: ToolingItem[];
  setupPerOrder: number;
  tiers: CostTier[];
  materials: MaterialLine[];
  learning: { rate: number; referenceUnit: number; plateauUnit: number; why: string };
  drivers: string[];
  opportunities: string[];
  assumptions: string[];
}

export const defaultCostTiers = [100, 500, 1000, 5000];

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;
const pct = (x: number): string => `${Math.round(x * 100)}%`;

function priceFor(m: ResolvedMaterial): { usdPerKg: number; source: string } {
  const hit = materialPrices.find((p) => p.match.test(m.name.toLowerCase()));
  return hit ? { usdPerKg: hit.usdPerKg, source: `${hit.key}: ${hit.source}` } : { usdPerKg: familyPrices[m.family], source: `Family fallback for ${m.family} (assumption)` };
}

/** Splits the product weight over its materials: by share when given, else 85% to the first and the rest evenly. */
function allocateWeight(materials: ResolvedMaterial[], grams: number): number[] {
  if (!materials.length) return [];
  const shares = materials.map((m) => m.share);
  if (shares.every((x) => x !== undefined)) {
    const total = shares.reduce((a, b) => a + (b ?? 0), 0) || 1;
    return shares.map((x) => (grams * (x ?? 0)) / total);
  }
  if (materials.length === 1) return [grams];
  return materials.map((_, i) => (i === 0 ? grams * 0.85 : (grams * 0.15) / (materials.length - 1)));
}

function tierQuantities(facts: DpgFacts, tiers?: number[]): number[] {
  const base = tiers?.length ? tiers : facts.data.quantities?.tiers?.length ? facts.data.quantities.tiers : defaultCostTiers;
  const all = [...base, ...(facts.data.quantities?.total ? [facts.data.quantities.total] : [])].filter((q) => Number.isInteger(q) && q > 0);
  return [...new Set(all)].sort((a, b) => a - b);
}

/** Estimates unit cost at each quantity tier from a per-category cost model, a learning curve and amortised tooling. */
export function estimateCost(facts: DpgFacts, tiers?: number[]): CostEstimate {
  const s = specSignals(facts);
  const model = costModels[facts.category];
  const weight = model.defaultWeightG(facts, s);
  const materialsForCost: ResolvedMaterial[] = s.materials.length ? s.materials : [{ name: `default ${facts.category} material`, family: facts.category === 'apparel' || facts.category === 'bag' ? 'textile' : facts.category === 'drinkware' ? 'metal' : 'plastic', inferredFamily: true, flexible: null }];
  const grams = allocateWeight(materialsForCost, weight.grams);
  const materials: MaterialLine[] = materialsForCost.map((m, i) => {
    const { usdPerKg, source } = priceFor(m);
    const g = grams[i] ?? 0;
    return { material: m.name, grams: round(g, 1), usdPerKg, cost: round((g / 1000) * usdPerKg * model.scrapFactor, 4), source };
  });
  const parts = purchasedParts(facts, s);
  const materialPerUnit = materials.reduce((a, m) => a + m.cost, 0) + parts.reduce((a, p) => a + p.cost, 0);
  const labour = model.labourMinutes(facts, s);
  const labourAtReference = labour.minutes * model.labourUsdPerMinute;
  const machine = model.machineMinutes * model.machineUsdPerMinute;
  const tooling = model.tooling(facts, s);
  const toolingTotal = tooling.reduce((a, t) => a + t.cost, 0);
  const quantities = tierQuantities(facts, tiers);

  const variable = quantities.map((quantity) => {
    const labourPerUnit = averageUnitCost({ costAtReference: labourAtReference, quantity, rate: model.learningRate, referenceUnit: model.referenceUnit, plateauUnit: model.plateauUnit }) + machine;
    const overheadPerUnit = model.overheadPct * (materialPerUnit + labourPerUnit);
    return { quantity, labourPerUnit, overheadPerUnit, variableUnitCost: materialPerUnit + labourPerUnit + overheadPerUnit };
  });
  const breaks = priceBreaks({ tooling: toolingTotal, setup: model.setupPerOrder, tiers: variable });
  const tiersOut: CostTier[] = breaks.map((b, i) => {
    const v = variable[i];
    return {
      quantity: b.quantity,
      materialPerUnit: round(materialPerUnit, 4),
      labourPerUnit: round(v?.labourPerUnit ?? 0, 4),
      overheadPerUnit: round(v?.overheadPerUnit ?? 0, 4),
      toolingPerUnit: round(toolingTotal / b.quantity, 4),
      setupPerUnit: round(model.setupPerOrder / b.quantity, 4),
      unitCost: round(b.unitCost, 4),
      totalCost: round(b.totalCost, 2),
      savingVsPrevious: round(b.savingVsPrevious, 4),
    };
  });

  const refQty = facts.data.quantities?.total ?? 1000;
  const ref = tiersOut.find((t) => t.quantity === refQty) ?? tiersOut.find((t) => t.quantity >= 1000) ?? tiersOut.at(-1);
  const drivers: string[] = [];
  const opportunities: string[] = [];
  if (ref) {
    const parts_ = [
      { name: 'Material', value: ref.materialPerUnit, detail: `${materials.map((m) => `${m.material} ${m.grams} g at USD ${m.usdPerKg}/kg`).join(', ')}; scrap x${model.scrapFactor}; ${parts.map((p) => `${p.item} USD ${p.cost}`).join(', ')}` },
      { name: 'Labour and machine time', value: ref.labourPerUnit, detail: `${labour.minutes} min at USD ${model.labourUsdPerMinute}/min on a ${pct(model.learningRate)} learning curve${machine ? `, plus ${model.machineMinutes} machine min at USD ${model.machineUsdPerMinute}/min` : ''}` },
      { name: 'Overhead', value: ref.overheadPerUnit, detail: `${pct(model.overheadPct)} of material and labour` },
      { name: 'Tooling', value: ref.toolingPerUnit, detail: `USD ${toolingTotal.toLocaleString('en-US')} (${tooling.map((t) => t.item).join(', ') || 'none'}) over ${ref.quantity.toLocaleString('en-US')} units` },
      { name: 'Setup', value: ref.setupPerUnit, detail: `USD ${model.setupPerOrder} per order over ${ref.quantity.toLocaleString('en-US')} units` },
    ].filter((p) => p.value > 0).sort((a, b) => b.value - a.value);
    for (const p of parts_) drivers.push(`${p.name}: ${pct(p.value / ref.unitCost)} of the USD ${ref.unitCost.toFixed(2)} unit cost at ${ref.quantity.toLocaleString('en-US')} units (${p.detail}).`);
    const toolingShare = ref.toolingPerUnit / ref.unitCost;
    if (toolingShare > 0.25) opportunities.push(`Tooling is ${pct(toolingShare)} of unit cost at ${ref.quantity.toLocaleString('en-US')} units: order more, or use a supplier's open (stock) tooling.`);
    if (ref.labourPerUnit / ref.unitCost > 0.4) opportunities.push('Labour is over 40% of unit cost: simplify construction or source where sewing/assembly minutes cost less.');
  }
  if (s.deviceModelCount > 1) opportunities.push(`Each extra device model adds a mould (${s.deviceModelCount} moulds now): start with the best-selling model.`);
  if (s.colourCount > 1 && (facts.category === 'apparel' || facts.category === 'bag')) opportunities.push(`${s.colourCount} colourways split the order; fewer colours raise quantity per dye lot.`);
  const last = tiersOut.at(-1), prev = tiersOut.at(-2);
  if (last && prev && last.savingVsPrevious > 0.1) opportunities.push(`Moving from ${prev.quantity.toLocaleString('en-US')} to ${last.quantity.toLocaleString('en-US')} units lowers unit cost by ${pct(last.savingVsPrevious)}.`);
  if (s.electronic) opportunities.push('Replace the USD 6 electronics placeholder with a costed BOM from the PCBA supplier.');

  return {
    currency: 'USD',
    tooling,
    setupPerOrder: model.setupPerOrder,
    tiers: tiersOut,
    materials,
    learning: { rate: model.learningRate, referenceUnit: model.referenceUnit, plateauUnit: model.plateauUnit, why: model.learningWhy },
    drivers,
    opportunities,
    assumptions: [
      'Factory-gate cost in USD: excludes supplier margin, freight, duties and certification testing.',
      'unitCost = materialPerUnit + labourPerUnit + overheadPerUnit + (tooling + setup) / quantity.',
      `Weight ${weight.grams} g: ${weight.why}${s.materials.length && !s.materials.every((m) => m.share !== undefined) && s.materials.length > 1 ? ' Split 85% to the first material, the rest evenly.' : ''}`,
      `Labour ${labour.minutes} min at the ${model.referenceUnit.toLocaleString('en-US')}th unit: ${labour.why}`,
      `Learning curve: unit n costs the reference unit x (n/${model.referenceUnit})^log2(${model.learningRate}), flat after unit ${model.plateauUnit.toLocaleString('en-US')}. ${model.learningWhy}`,
      ...materials.map((m) => `Price ${m.material}: USD ${m.usdPerKg}/kg. ${m.source}.`),
      ...tooling.map((t) => `Tooling ${t.item}: USD ${t.cost.toLocaleString('en-US')}. ${t.why}`),
      `Purchased parts per unit: ${parts.map((p) => `${p.item} USD ${p.cost}`).join(', ')}.`,
      ...(s.materials.length ? [] : ['No materials given: a default material for the category is priced.']),
    ],
  };
}
