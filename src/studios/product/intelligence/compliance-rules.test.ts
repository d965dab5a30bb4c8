import { describe, expect, it } from 'vitest';
import { complianceRules } from './compliance-rules.ts';

describe('complianceRules table', () => {
  it('has unique ids and every rule cites, scopes and evidences itself', () => {
    const ids = complianceRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of complianceRules) {
      expect(r.citation.length, r.id).toBeGreaterThan(3);
      expect(r.markets.length, r.id).toBeGreaterThan(0);
      expect(r.evidence.length, r.id).toBeGreaterThan(0);
      for (const m of r.markets) expect(m, r.id).toMatch(/^(EU|[A-Z]{2}(-[A-Z]{2})?)$/);
    }
  });

  it('holds the published CPSIA lead limits', () => {
    const substrate = complianceRules.find((r) => r.id === 'us-cpsia-lead-substrate');
    const paint = complianceRules.find((r) => r.id === 'us-cpsia-lead-paint');
    expect(substrate?.limits?.[0]).toMatchObject({ limit: 100, unit: 'ppm' });
    expect(paint?.citation).toBe('16 CFR 1303');
    expect(paint?.limits?.[0]).toMatchObject({ limit: 90, unit: 'ppm' });
  });

  it('lists the eight CPSIA phthalates at 0.1% each', () => {
    const r = complianceRules.find((x) => x.id === 'us-cpsia-phthalates');
    expect(r?.limits?.map((l) => l.substance).sort()).toEqual(['BBP', 'DBP', 'DCHP', 'DEHP', 'DHEXP', 'DIBP', 'DINP', 'DPENP']);
    expect(r?.limits?.every((l) => l.limit === 0.1 && l.unit === '%')).toBe(true);
  });

  it('holds the RoHS Annex II limits as amended by (EU) 2015/863', () => {
    const r = complianceRules.find((x) => x.id === 'eu-rohs');
    const limits = Object.fromEntries((r?.limits ?? []).map((l) => [l.substance, l.limit]));
    expect(limits['Cadmium (Cd)']).toBe(0.01);
    for (const s of ['Lead (Pb)', 'Mercury (Hg)', 'Hexavalent chromium (Cr VI)', 'PBB', 'PBDE', 'DEHP', 'BBP', 'DBP', 'DIBP']) expect(limits[s], s).toBe(0.1);
    expect(r?.appliesWhen.electronic).toBe(true);
  });

  it('marks only directive-backed rules as CE acts', () => {
    const ce = complianceRules.filter((r) => r.conformityMarking === 'CE').map((r) => r.id).sort();
    expect(ce).toEqual(['eu-ce-emc', 'eu-ce-lvd', 'eu-ce-red', 'eu-ce-toys', 'eu-rohs']);
    expect(complianceRules.find((r) => r.id === 'eu-gpsr')?.conformityMarking).toBeUndefined();
  });
});
