import { describe, expect, it } from 'vitest';
import { genomeSpecSections } from './genome-spec.ts';

describe('genomeSpecSections', () => {
  it('lays out a phone case spec as readable sections', () => {
    const sections = genomeSpecSections({
      materials: [{ name: 'TPU', family: 'plastic', share: 0.7 }, { name: 'Polycarbonate' }],
      dimensions: [{ name: 'Length', mm: 152.4, toleranceMm: 0.2 }],
      colors: [{ name: 'Midnight', hex: '#1a1a2e', pantone: '19-4007 TCX' }, { name: 'Clear' }],
      quantities: { total: 1000, split: [{ label: 'iPhone 14', quantity: 600 }, { label: 'iPhone 15' }], tiers: [500, 1000] },
      quality_standards: ['Drop test 1.2 m'],
      packaging: { type: 'Kraft box' },
      labeling: ['Country of origin'],
      target_markets: ['US', 'EU'],
      target_unit_price: { amount: 3.5, currency: 'USD' },
      food_contact: false,
      device_models: ['iPhone 14', 'iPhone 15'],
      case_style: 'slim',
      bezel_height_mm: 1.5,
    });
    expect(sections.map((s) => s.key)).toEqual(['materials', 'dimensions', 'colors', 'quantities', 'quality_standards', 'packaging', 'labeling', 'targets', 'category']);
    const rows = Object.fromEntries(sections.map((s) => [s.key, s.rows]));
    expect(rows.materials).toEqual([{ label: 'TPU', value: 'Plastic · 70%' }, { label: 'Polycarbonate', value: '—' }]);
    expect(rows.dimensions).toEqual([{ label: 'Length', value: '152.4 mm ± 0.2' }]);
    expect(rows.packaging).toEqual([{ label: 'Type', value: 'Kraft box' }]);
    expect(rows.colors).toEqual([{ label: 'Midnight', value: '#1A1A2E · Pantone 19-4007 TCX', swatch: '#1a1a2e' }, { label: 'Clear', value: '—' }]);
    expect(rows.quantities).toEqual([
      { label: 'Total', value: '1,000 units' }, { label: 'Split: iPhone 14', value: '600 units' }, { label: 'Split: iPhone 15', value: '—' },
      { label: 'Tiers to quote', value: '500 · 1,000' },
    ]);
    expect(rows.targets).toEqual([
      { label: 'Markets', value: 'US, EU' }, { label: 'Target unit price', value: '$3.50' }, { label: 'Food contact', value: 'No' },
    ]);
    expect(rows.category).toEqual([
      { label: 'Device models', value: 'iPhone 14, iPhone 15' }, { label: 'Case style', value: 'Slim' }, { label: 'Bezel height', value: '1.5 mm' },
    ]);
  });

  it('shows category units and leaves empty specs out', () => {
    const sections = genomeSpecSections({ capacity_ml: 750, fabric_weight_gsm: 180, weight_g: 320, capacity_l: 20, materials: [] });
    expect(sections).toEqual([{
      key: 'category', title: 'Category details',
      rows: [
        { label: 'Capacity', value: '750 ml' }, { label: 'Fabric weight', value: '180 g/m²' }, { label: 'Weight', value: '320 g' }, { label: 'Capacity', value: '20 L' },
      ],
    }]);
  });
});
