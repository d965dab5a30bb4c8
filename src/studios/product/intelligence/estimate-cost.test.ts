import { describe, expect, it } from 'vitest';
import type { DpgFacts } from '../dpg-data.ts';
import { estimateCost } from './estimate-cost.ts';
import { bottle, hoodie, phoneCase, speaker } from './fixtures.ts';

describe('estimateCost', () => {
  it('prices a two-model TPU case with one mould per model and default tiers plus the DPG quantity', () => {
    const e = estimateCost(phoneCase);
    expect(e.currency).toBe('USD');
    expect(e.tiers.map((t) => t.quantity)).toEqual([100, 500, 1000, 5000]);
    expect(e.tooling[0]).toMatchObject({ item: 'Injection mould x2 device models', cost: 8000 });
    const t1000 = e.tiers.find((t) => t.quantity === 1000);
    expect(t1000?.toolingPerUnit).toBe(8);
    expect(t1000?.setupPerUnit).toBe(0.3);
    // 30 g TPU at 3.5 USD/kg with 5% scrap plus a 0.05 poly bag
    expect(t1000?.materialPerUnit).toBeCloseTo(0.03 * 3.5 * 1.05 + 0.05, 4);
  });

  it('keeps every tier consistent with the amortisation formula and falls with quantity', () => {
    const e = estimateCost(hoodie, [100, 300, 1000, 5000]);
    expect(e.tiers.map((t) => t.quantity)).toEqual([100, 300, 500, 1000, 5000]);
    for (const t of e.tiers) {
      expect(t.unitCost).toBeCloseTo(t.materialPerUnit + t.labourPerUnit + t.overheadPerUnit + t.toolingPerUnit + t.setupPerUnit, 3);
      expect(t.totalCost).toBeCloseTo(t.unitCost * t.quantity, 0);
    }
    for (let i = 1; i < e.tiers.length; i++) {
      expect(e.tiers[i]!.unitCost).toBeLessThan(e.tiers[i - 1]!.unitCost);
      expect(e.tiers[i]!.savingVsPrevious).toBeGreaterThan(0);
    }
    expect(e.tiers[0]?.savingVsPrevious).toBe(0);
  });

  it('puts apparel labour on a 90% learning curve from the hoodie SAM', () => {
    const e = estimateCost(hoodie, [1000]);
    expect(e.learning.rate).toBe(0.9);
    const t = e.tiers.find((x) => x.quantity === 1000);
    // 45 SAM + 3 min embroidery at 0.06 USD/min; average over units 1..1000 is above the 1,000th-unit cost
    expect(t?.labourPerUnit).toBeGreaterThan(48 * 0.06);
    const small = e.tiers.find((x) => x.quantity === 500);
    expect(small!.labourPerUnit).toBeGreaterThan(t!.labourPerUnit);
    expect(e.assumptions.some((a) => /SAM 45 min/.test(a))).toBe(true);
    expect(e.tooling.map((x) => x.item)).toEqual(['Pattern making and grading', 'Embroidery digitising']);
  });

  it('cites the price source for each material and explains the drivers', () => {
    const e = estimateCost(bottle);
    expect(e.materials[0]).toMatchObject({ material: '18/8 stainless steel (304)', usdPerKg: 2.0 });
    expect(e.materials[0]?.source).toMatch(/Mysteel/);
    expect(e.drivers[0]).toMatch(/of the USD [\d.]+ unit cost at 2,000 units/);
    expect(e.assumptions.some((a) => /excludes supplier margin/.test(a))).toBe(true);
  });

  it('adds electronics tooling and a flagged BOM placeholder for a speaker', () => {
    const e = estimateCost(speaker);
    expect(e.tooling.map((t) => t.item)).toEqual(['Injection mould', 'SMT stencil and test fixture']);
    expect(e.opportunities.some((o) => /electronics placeholder/.test(o))).toBe(true);
  });

  it('uses the RFQ tiers from the DPG when none are passed and still prices a bare spec', () => {
    const bare: DpgFacts = { title: 'Tote', category: 'bag', summary: 'Tote', data: { quantities: { total: 750, tiers: [250, 750, 2000] } } };
    const e = estimateCost(bare);
    expect(e.tiers.map((t) => t.quantity)).toEqual([250, 750, 2000]);
    expect(e.assumptions).toContain('No materials given: a default material for the category is priced.');
  });
});
