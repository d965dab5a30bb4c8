import { describe, expect, it } from 'vitest';
import { designParamsFor } from './design-params.ts';
import { drawConceptSketch } from './draw-concept.ts';
import { elements, xmlProblems } from './xml-well-formed.ts';

const phone = { title: 'Case', category: 'phone_accessory' as const, summary: '', data: { device_models: ['Pixel 8'], colors: [{ name: 'sage' }] } };

describe('drawConceptSketch', () => {
  it('draws each variant shaded, numbered and captioned, and the variants differ', () => {
    const svgs = ([1, 2, 3] as const).map((variant) => drawConceptSketch(designParamsFor(phone, { variant })));
    for (const [i, svg] of svgs.entries()) {
      expect(xmlProblems(svg)).toEqual([]);
      expect(svg).toContain(`>Concept ${i + 1}<`);
      expect(svg).toContain('url(#light)');
      expect(svg).toContain('url(#hatch)');
      expect(elements(svg, 'svg')[0]!['data-variant']).toBe(String(i + 1));
    }
    expect(svgs[1]).toContain('contrast bumper frame');
    expect(svgs[2]).toContain('grip ridges');
    expect(new Set(svgs).size).toBe(3);
  });

  it('is deterministic and shows the logo in the accent colour', () => {
    const params = designParamsFor(phone, { variant: 2 });
    expect(drawConceptSketch(params)).toBe(drawConceptSketch(params));
    expect(elements(drawConceptSketch(params), 'rect', 'logo')[0]!.fill).toBe(params.colors.accent);
  });

  it('hatches more sparsely when the design is more minimalist', () => {
    const spacing = (minimalism: number) => Number(elements(drawConceptSketch(designParamsFor(phone, { minimalism })), 'pattern')[0]!.width);
    expect(spacing(0.9)).toBeGreaterThan(spacing(0.1));
  });

  it('draws every category', () => {
    for (const facts of [
      { title: 'Hoodie', category: 'apparel' as const, summary: '', data: { garment_type: 'hoodie' as const } },
      { title: 'Tote', category: 'bag' as const, summary: '', data: {} },
      { title: 'Mug', category: 'drinkware' as const, summary: '', data: { vessel_type: 'mug' as const } },
      { title: 'Box', category: 'hard_good' as const, summary: '', data: {} },
    ]) expect(xmlProblems(drawConceptSketch(designParamsFor(facts)))).toEqual([]);
  });
});
