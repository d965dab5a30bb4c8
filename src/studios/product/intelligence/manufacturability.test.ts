import { describe, expect, it } from 'vitest';
import type { DpgFacts } from '../dpg-data.ts';
import { bottle, hoodie, phoneCase, speaker } from './fixtures.ts';
import { analyzeManufacturability } from './manufacturability.ts';

const sum = (r: ReturnType<typeof analyzeManufacturability>): number => r.factors.reduce((s, f) => s + f.points, 0);

describe('analyzeManufacturability', () => {
  it('scores a TPU case for two models from the baseline and its factors', () => {
    const r = analyzeManufacturability(phoneCase);
    expect(r.factors[0]).toMatchObject({ factor: 'Category baseline (phone_accessory)', points: 80 });
    expect(r.factors.find((f) => f.factor === 'Several device models')?.points).toBe(-4);
    expect(r.factors.find((f) => f.factor === 'Tight tolerance')?.points).toBe(-6);
    expect(r.factors.find((f) => f.factor === 'Multiple colours')?.points).toBe(-4);
    expect(r.factors.find((f) => f.factor === 'Economic order quantity')?.points).toBe(5);
    expect(r.feasibilityScore).toBe(80 - 6 - 4 - 4 + 5);
    expect(r.feasibilityScore).toBe(sum(r));
    expect(r.methods.map((m) => m.name)).toContain('TPU injection moulding');
    expect(r.methods.map((m) => m.name)).toContain('UV digital printing');
  });

  it('flags a rigid material for a bumper case as a mismatch with an alternative', () => {
    const rigid: DpgFacts = { ...phoneCase, data: { ...phoneCase.data, materials: [{ name: 'Polycarbonate' }], case_style: 'bumper' } };
    const r = analyzeManufacturability(rigid);
    expect(r.factors.find((f) => f.factor === 'Rigid material for a flexible case')?.points).toBe(-15);
    expect(r.challenges.some((c) => c.issue === 'Material/process mismatch')).toBe(true);
    expect(r.recommendations.some((x) => x.type === 'alternative' && /TPU/.test(x.description))).toBe(true);
    expect(r.feasibilityScore).toBeLessThan(analyzeManufacturability(phoneCase).feasibilityScore);
  });

  it('prices in soft-touch finishes and small tooled quantities', () => {
    const small: DpgFacts = { ...phoneCase, summary: 'Slim case with a soft-touch coating', data: { ...phoneCase.data, quantities: { total: 200 } } };
    const r = analyzeManufacturability(small);
    expect(r.factors.find((f) => f.factor === 'Soft-touch finish')?.points).toBe(-5);
    expect(r.factors.find((f) => f.factor === 'Small quantity versus tooling')?.points).toBe(-10);
    expect(r.feasibilityScore).toBe(sum(r));
  });

  it('describes a vacuum bottle with deep drawing and vacuum sealing', () => {
    const r = analyzeManufacturability(bottle);
    const names = r.methods.map((m) => m.name);
    expect(names).toContain('Deep drawing or tube spinning of stainless steel');
    expect(names).toContain('Double-wall welding and vacuum sealing');
    expect(r.factors.find((f) => f.factor === 'Vacuum insulation')?.points).toBe(-8);
    expect(r.factors.some((f) => f.factor === 'Food contact')).toBe(true);
  });

  it('treats a plastic vacuum bottle as a mismatch', () => {
    const plastic: DpgFacts = { ...bottle, data: { ...bottle.data, materials: [{ name: 'Tritan', family: 'plastic' }] } };
    expect(analyzeManufacturability(plastic).factors.find((f) => f.factor === 'Vacuum insulation without metal')?.points).toBe(-20);
  });

  it('uses cut-and-sew for apparel and lists the colour approval risk', () => {
    const r = analyzeManufacturability(hoodie);
    expect(r.methods[0]?.name).toBe('Cut-and-sew');
    expect(r.methods.map((m) => m.name)).toContain('Embroidery');
    expect(r.recommendations.some((x) => x.type === 'risk' && /Pantone/.test(x.description))).toBe(true);
    expect(r.missing).toEqual([]);
  });

  it('rates a Bluetooth speaker as complex and lists the certification challenge', () => {
    const r = analyzeManufacturability(speaker);
    expect(r.complexity).not.toBe('low');
    expect(r.factors.find((f) => f.factor === 'Electronics with radio')?.points).toBe(-17);
    expect(r.challenges.some((c) => c.issue === 'Certification')).toBe(true);
    expect(r.methods.map((m) => m.name)).toContain('PCBA (SMT) and final assembly with functional test');
  });

  it('lists missing keys and penalises missing critical ones', () => {
    const bare: DpgFacts = { title: 'Tote', category: 'bag', summary: 'A tote bag', data: {} };
    const r = analyzeManufacturability(bare);
    expect(r.missing).toEqual(['materials', 'dimensions', 'quantities', 'colors', 'bag_type', 'capacity_l']);
    expect(r.factors.find((f) => f.factor === 'Missing critical specs')?.points).toBe(-9);
    expect(r.feasibilityScore).toBe(75 - 9);
  });

  it('clamps at 0 and says so in a factor so the factors still sum to the score', () => {
    const awful: DpgFacts = {
      title: 'Rugged speaker case', category: 'drinkware', summary: 'Bluetooth soft-touch vacuum cup for kids',
      data: {
        materials: [{ name: 'Glass' }, { name: 'ABS' }, { name: 'PC' }, { name: 'Wood' }, { name: 'Ceramic' }, { name: 'Paper' }, { name: 'Cork' }],
        dimensions: [{ name: 'h', mm: 100, toleranceMm: 0.01 }], colors: Array.from({ length: 8 }, (_, i) => ({ name: `c${i}`, pantone: `P${i}` })),
        quantities: { total: 50 }, insulation: 'double_wall_vacuum', electronic: true, for_children: true, food_contact: true,
      },
    };
    const r = analyzeManufacturability(awful);
    expect(r.feasibilityScore).toBe(0);
    expect(r.factors.at(-1)?.factor).toBe('Clamped to 0..100');
    expect(sum(r)).toBe(0);
    expect(r.complexity).toBe('high');
  });
});
