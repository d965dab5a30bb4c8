import { describe, expect, it } from 'vitest';
import { analyzeDpg } from './analyze-dpg.ts';
import { bottle, phoneCase } from './fixtures.ts';
import * as api from './index.ts';

describe('analyzeDpg', () => {
  it('combines the four analyses for one DPG', () => {
    const a = analyzeDpg(bottle);
    expect(a.manufacturability.feasibilityScore).toBe(a.manufacturability.factors.reduce((s, f) => s + f.points, 0));
    expect(a.compliance.markets).toEqual(['US', 'DE']);
    expect(a.cost.tiers.map((t) => t.quantity)).toEqual([100, 500, 1000, 2000, 5000]);
    expect(a.quality.aql).toMatchObject({ codeLetter: 'K', sampleSize: 125 });
  });

  it('is deterministic', () => {
    expect(JSON.stringify(analyzeDpg(phoneCase))).toBe(JSON.stringify(analyzeDpg(phoneCase)));
  });

  it('exposes the public API from the folder index', () => {
    for (const name of ['analyzeDpg', 'analyzeManufacturability', 'checkCompliance', 'estimateCost', 'qualityPlan', 'amortisedUnitCost', 'priceBreaks', 'complianceRules', 'samplingPlan']) {
      expect(typeof (api as Record<string, unknown>)[name], name).not.toBe('undefined');
    }
  });
});
