import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canvasTote, tpuPhoneCase } from './fixtures.ts';
import { matchSuppliers, type MatchRequirements } from './match-suppliers.ts';
import { parseSuppliersCsv } from './suppliers-csv.ts';
import type { Supplier } from './supplier-types.ts';

const suppliers: Supplier[] = parseSuppliersCsv(readFileSync(new URL('../../../../test/fixtures/product/suppliers.csv', import.meta.url), 'utf8'))
  .map((s, i) => ({ ...s, id: `s${i + 1}` }));
const requirements: MatchRequirements = { quantity: 10_000, neededBy: '2027-01-15', today: '2026-12-01', requiredCertifications: ['ISO 9001'], processes: ['Injection molding'] };

describe('matchSuppliers', () => {
  const matches = matchSuppliers(tpuPhoneCase, requirements, suppliers);

  it('keeps only suppliers of the product category, best first, scores within 0..1', () => {
    expect(matches.map((m) => m.name)).toEqual([
      'Lumen Case Works (Shenzhen) Co. Ltd.',
      'Saigon Polymer Craft JSC',
      'NovaForm Monterrey S.A. de C.V.',
      'Ridgeway Moulders Pvt. Ltd.',
      'Harbourline Plastics Dongguan Ltd.',
    ]);
    for (const m of matches) {
      expect(m.score).toBeGreaterThan(0);
      expect(m.score).toBeLessThanOrEqual(1);
    }
    expect(matches.some((m) => m.name.includes('Thread'))).toBe(false);
  });

  it('explains each match', () => {
    const lumen = matches[0]!;
    // Covers injection moulding and the DPG's UV print (0.3), ISO 9001 (0.25), MOQ (0.15) and lead time (0.15) fit, rating 4.6/5 (0.138).
    expect(lumen.score).toBe(0.988);
    expect(lumen.reasons).toEqual([
      'Makes phone accessory products (Shenzhen, China).',
      'Runs injection molding and UV print.',
      'Holds ISO 9001.',
      'MOQ of 1,000 fits the 10,000 units needed.',
      'Lead time of 21 days fits delivery by 15 January 2027 (45 days away).',
      'Rated 4.6/5.',
    ]);
    expect(lumen.gaps).toEqual([]);
    const harbourline = matches.find((m) => m.name.startsWith('Harbourline'))!;
    expect(harbourline.gaps).toEqual(['No UV print listed among its capabilities.', 'MOQ of 15,000 is above the 10,000 units needed.']);
    const ridgeway = matches.find((m) => m.name.startsWith('Ridgeway'))!;
    expect(ridgeway.gaps).toContain('No UV print listed among its capabilities.');
    expect(ridgeway.reasons).toContain('Lead time of 45 days fits delivery by 15 January 2027 (45 days away).');
  });

  it('scores lead time and certifications against the requirements', () => {
    const tight = matchSuppliers(tpuPhoneCase, { ...requirements, neededBy: '2026-12-21' }, suppliers);
    expect(tight.find((m) => m.name.startsWith('Ridgeway'))!.gaps).toContain('Lead time of 45 days does not fit delivery by 21 December 2026 (20 days away).');
    const strict = matchSuppliers(tpuPhoneCase, { ...requirements, requiredCertifications: ['ISO 9001', 'ISO 14001'] }, suppliers);
    expect(strict.find((m) => m.name.startsWith('Lumen'))!.gaps).toContain('Lacks ISO 14001.');
    expect(strict.find((m) => m.name.startsWith('Saigon'))!.reasons).toContain('Holds ISO 9001 and ISO 14001.');
  });

  it('matches other categories through their processes', () => {
    const bags = matchSuppliers(canvasTote, { ...requirements, quantity: 3000, requiredCertifications: [], processes: ['cut and sew'] }, suppliers);
    expect(bags.map((m) => m.name).sort()).toEqual(['Anatolia Denim & Sewing A.S.', 'Hanoi Canvas & Tote Co.', 'Pearl River Bagworks Co. Ltd.', 'Tirupur Loomline Exports']);
    for (const m of bags) expect(m.reasons).toContain('Runs cut and sew and screen printing.');
  });

  it('returns nothing for an empty directory and rejects bad requirements', () => {
    expect(matchSuppliers(tpuPhoneCase, requirements, [])).toEqual([]);
    expect(() => matchSuppliers(tpuPhoneCase, { ...requirements, today: 'today' }, suppliers)).toThrow(expect.objectContaining({ code: 'SUPPLIER_MATCH_INVALID' }));
  });
});
