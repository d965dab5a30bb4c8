import { describe, expect, it } from 'vitest';
import type { DpgFacts } from '../dpg-data.ts';
import { bottle, hoodie, phoneCase, speaker } from './fixtures.ts';
import { qualityPlan } from './quality-plan.ts';

describe('qualityPlan', () => {
  it('samples a 10,000 lot at letter L: 200 units, Ac 10 major and 14 minor', () => {
    const p = qualityPlan(phoneCase, 10_000);
    expect(p.aql).toMatchObject({ inspectionLevel: 'II', codeLetter: 'L', sampleSize: 200, critical: 0, major: 2.5, minor: 4.0, accept: { major: 10, minor: 14 } });
  });

  it('samples a 1,200 lot at letter J with 80 units', () => {
    const p = qualityPlan(hoodie, 1200);
    expect(p.aql).toMatchObject({ codeLetter: 'J', sampleSize: 80, accept: { major: 5, minor: 7 } });
    expect(p.inspections.find((i) => i.stage === 'pre_shipment')?.method).toMatch(/draw 80 units/);
  });

  it('defaults the lot to the DPG quantity and keeps the larger sample when an arrow changes it', () => {
    const p = qualityPlan({ ...phoneCase, data: { ...phoneCase.data, quantities: { total: 40 } } });
    expect(p.aql.codeLetter).toBe('D');
    expect(p.aql.plans.major).toMatchObject({ sampleSize: 5, accept: 0 });
    expect(p.aql.plans.minor).toMatchObject({ sampleSize: 13, accept: 1 });
    expect(p.aql.sampleSize).toBe(13);
  });

  it('recommends colour fastness and shrinkage for apparel, not a drop test', () => {
    const p = qualityPlan(hoodie);
    const names = p.standards.map((x) => x.standard);
    expect(names).toEqual(expect.arrayContaining(['ISO 9001', 'ISO 105-C06 / AATCC 61', 'ISO 6330 + ISO 5077', 'ISO 13938-2']));
    expect(names).not.toContain('ISO 13934-1');
    expect(p.tests.some((t) => t.test === 'Colour fastness to washing')).toBe(true);
    expect(p.inspections.some((i) => i.stage === 'incoming' && /ASTM D5430/.test(i.method))).toBe(true);
  });

  it('adds a MIL-STD-810H drop test for a case only when the user asks for a drop claim', () => {
    expect(qualityPlan(phoneCase).standards.some((x) => /MIL-STD-810H/.test(x.standard))).toBe(false);
    const asked: DpgFacts = { ...phoneCase, data: { ...phoneCase.data, quality_standards: ['Drop test to MIL-STD-810H'] } };
    const p = qualityPlan(asked);
    expect(p.standards.find((x) => /MIL-STD-810H/.test(x.standard))?.relevance).toBe('low');
    expect(p.standards.filter((x) => /MIL-STD/.test(x.standard))).toHaveLength(1);
  });

  it('uses EN 12546-1 heat retention for vacuum drinkware and electrical tests for a speaker', () => {
    expect(qualityPlan(bottle).standards.map((x) => x.standard)).toContain('EN 12546-1');
    expect(qualityPlan(bottle).inspections.some((i) => i.point === 'Vacuum check')).toBe(true);
    const sp = qualityPlan(speaker).standards.map((x) => x.standard);
    expect(sp).toEqual(expect.arrayContaining(['IEC 62368-1', 'IEC 62133-2 / UN 38.3']));
  });
});
