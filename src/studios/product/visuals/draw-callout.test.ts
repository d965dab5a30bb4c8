import { describe, expect, it } from 'vitest';
import type { DpgFacts } from '../dpg-data.ts';
import { designParamsFor } from './design-params.ts';
import { calloutsFor } from './draw-callout.ts';
import { elements, xmlProblems } from './xml-well-formed.ts';

const names = (facts: DpgFacts, variant: 1 | 2 | 3 = 1) => calloutsFor(designParamsFor(facts, { variant })).map((c) => c.name);

describe('calloutsFor', () => {
  it('details the key features of each category', () => {
    expect(names({ title: 'Case', category: 'phone_accessory', summary: 'iPhone 15', data: {} })).toEqual(['camera_cutout', 'bezel', 'logo', 'buttons']);
    expect(names({ title: 'Hoodie', category: 'apparel', summary: '', data: { garment_type: 'hoodie' } })).toEqual(['hood', 'pocket', 'cuff', 'logo']);
    expect(names({ title: 'Polo', category: 'apparel', summary: '', data: { garment_type: 'polo' } })).toEqual(['collar', 'cuff', 'closure', 'logo']);
    expect(names({ title: 'Mug', category: 'drinkware', summary: '', data: { vessel_type: 'mug' } })).toEqual(['lid', 'handle', 'base', 'logo']);
    expect(names({ title: 'Tote', category: 'bag', summary: '', data: {} })).toEqual(['closure', 'strap', 'logo']);
    expect(names({ title: 'Box', category: 'hard_good', summary: '', data: {} })).toEqual(['edge', 'logo']);
  });

  it('draws enlarged, well-formed details with their own dimensions', () => {
    const params = designParamsFor({ title: 'Case', category: 'phone_accessory', summary: 'iPhone 15 Pro', data: {} });
    const callouts = calloutsFor(params);
    for (const c of callouts) expect(xmlProblems(c.svg), c.name).toEqual([]);
    const camera = callouts.find((c) => c.name === 'camera_cutout')!.svg;
    expect(elements(camera, 'svg')[0]!['data-scale']).toBe('2:1');
    expect(elements(camera, 'g', 'dimension').map((d) => d['data-value'])).toEqual(['38.6', '38.6']);
    expect(camera).toContain('DETAIL A');
    const logo = callouts.find((c) => c.name === 'logo')!.svg;
    expect(Number(elements(logo, 'rect', 'logo')[0]!.width)).toBe(params.logo.widthMm);
  });
});
