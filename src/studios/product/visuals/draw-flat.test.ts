import { describe, expect, it } from 'vitest';
import type { DpgFacts } from '../dpg-data.ts';
import { designParamsFor } from './design-params.ts';
import { drawTechnicalFlat } from './draw-flat.ts';
import { applyDesignEdit } from './edit-design.ts';
import { elements, xmlProblems } from './xml-well-formed.ts';

const products: DpgFacts[] = [
  { title: 'Slim case for iPhone 15 Pro & 15', category: 'phone_accessory', summary: '', data: { device_models: ['iPhone 15 Pro'], colors: [{ name: 'navy' }] } },
  { title: 'Hoodie', category: 'apparel', summary: '', data: { garment_type: 'hoodie' } },
  { title: 'Tee', category: 'apparel', summary: '', data: { garment_type: 't_shirt' } },
  { title: 'Polo', category: 'apparel', summary: '', data: { garment_type: 'polo' } },
  { title: 'Jacket', category: 'apparel', summary: '', data: { garment_type: 'jacket' } },
  { title: 'Dress', category: 'apparel', summary: '', data: { garment_type: 'dress' } },
  { title: 'Chinos', category: 'apparel', summary: '', data: { garment_type: 'pants' } },
  { title: 'Tote', category: 'bag', summary: '', data: { bag_type: 'tote' } },
  { title: 'Backpack', category: 'bag', summary: '', data: { bag_type: 'backpack' } },
  { title: 'Duffel', category: 'bag', summary: '', data: { bag_type: 'duffel' } },
  { title: 'Messenger', category: 'bag', summary: '', data: { bag_type: 'messenger' } },
  { title: 'Pouch', category: 'bag', summary: '', data: { bag_type: 'pouch' } },
  { title: 'Bottle', category: 'drinkware', summary: '', data: { vessel_type: 'bottle' } },
  { title: 'Mug', category: 'drinkware', summary: '', data: { vessel_type: 'mug' } },
  { title: 'Tumbler', category: 'drinkware', summary: '', data: { vessel_type: 'tumbler' } },
  { title: 'Cup', category: 'drinkware', summary: '', data: { vessel_type: 'cup' } },
  { title: 'Speaker', category: 'hard_good', summary: '', data: {} },
];
const phone = designParamsFor(products[0]!);

describe('drawTechnicalFlat', () => {
  it('draws well-formed SVG for every category, variant and view, each view different', () => {
    for (const facts of products) {
      for (const variant of [1, 2, 3] as const) {
        const params = designParamsFor(facts, { variant });
        const svgs = (['front', 'back', 'side'] as const).map((view) => drawTechnicalFlat(params, view));
        for (const svg of svgs) expect(xmlProblems(svg), `${facts.title} ${variant}`).toEqual([]);
        expect(new Set(svgs).size).toBe(3);
      }
    }
  });

  it('is drawn in mm at a standard scale with a title block', () => {
    const svg = drawTechnicalFlat(phone, 'back', { version: 'v3' });
    const root = elements(svg, 'svg')[0]!;
    expect(root['data-scale']).toBe('1:1');
    expect(root.width).toMatch(/^[\d.]+mm$/);
    expect(svg).toContain('BACK VIEW');
    expect(svg).toContain('>v3<');
    expect(svg).toContain('Slim case for iPhone 15 Pro &amp; 15');
    expect(drawTechnicalFlat(phone, 'back')).toContain('>—<');
  });

  it('draws the logo placement box at the logo width, and a smaller one after "logo smaller"', () => {
    const before = elements(drawTechnicalFlat(phone, 'back'), 'rect', 'logo');
    expect(before).toHaveLength(1);
    expect(Number(before[0]!.width)).toBe(phone.logo.widthMm);
    expect(before[0]!['data-width-mm']).toBe('24');
    const smaller = applyDesignEdit(phone, 'make the logo smaller').params;
    const after = elements(drawTechnicalFlat(smaller, 'back'), 'rect', 'logo');
    expect(Number(after[0]!.width)).toBeCloseTo(19.2, 2);
    expect(elements(drawTechnicalFlat(phone, 'front'), 'rect', 'logo')).toHaveLength(0);
    expect(elements(drawTechnicalFlat(applyDesignEdit(phone, 'remove the logo').params, 'back'), 'rect', 'logo')).toHaveLength(0);
  });

  it('draws an apparel print box at its width on the face it sits on', () => {
    const hoodie = designParamsFor(products[1]!);
    expect(Number(elements(drawTechnicalFlat(hoodie, 'front'), 'rect', 'logo')[0]!.width)).toBe(220);
    const back = applyDesignEdit(hoodie, 'make the logo smaller and move the logo to the back').params;
    expect(elements(drawTechnicalFlat(back, 'front'), 'rect', 'logo')).toHaveLength(0);
    expect(Number(elements(drawTechnicalFlat(back, 'back'), 'rect', 'logo')[0]!.width)).toBe(176);
  });

  it('dimensions the case from the device body', () => {
    const values = elements(drawTechnicalFlat(phone, 'back'), 'g', 'dimension').map((d) => d['data-value']);
    expect(values).toEqual(expect.arrayContaining(['73', '149', '38.6', '24']));
    const side = elements(drawTechnicalFlat(phone, 'side'), 'g', 'dimension').map((d) => d['data-value']);
    expect(side).toEqual(expect.arrayContaining(['10.1', '0.8']));
    const raised = elements(drawTechnicalFlat(applyDesignEdit(phone, 'raise the bezels').params, 'side'), 'g', 'dimension').map((d) => d['data-value']);
    expect(raised).toEqual(expect.arrayContaining(['10.4', '1.1']));
  });

  it('draws a pointed collar differently from a round one', () => {
    const polo = designParamsFor(products[3]!);
    expect(polo.apparel?.neckline).toBe('pointed_collar');
    const round = applyDesignEdit(polo, 'round collar').params;
    const outlines = (svg: string) => elements(svg, 'path', 'outline').map((p) => p.d);
    const pointed = outlines(drawTechnicalFlat(polo, 'front'));
    const rounded = outlines(drawTechnicalFlat(round, 'front'));
    expect(pointed).not.toEqual(rounded);
    expect(pointed.filter((d) => !rounded.includes(d))).toHaveLength(2);
  });

  it('draws a kangaroo pocket only when the hoodie has one, and a zip for a full zip', () => {
    const hoodie = designParamsFor(products[1]!);
    const front = drawTechnicalFlat(hoodie, 'front');
    const without = drawTechnicalFlat(applyDesignEdit(hoodie, 'remove the pocket').params, 'front');
    expect(front).toContain('Kangaroo pocket');
    expect(without).not.toContain('Kangaroo pocket');
    expect(elements(without, 'path', 'outline').length).toBe(elements(front, 'path', 'outline').length - 1);
    expect(drawTechnicalFlat(applyDesignEdit(hoodie, 'full zip').params, 'front')).toContain('Full-length #5 coil zip');
  });

  it('drops stitching and texture as minimalism rises', () => {
    const hoodie = designParamsFor(products[1]!);
    const count = (minimalism: number, cls: string) => elements(drawTechnicalFlat({ ...hoodie, minimalism }, 'front'), 'path', cls).length;
    expect(count(0.2, 'texture')).toBeGreaterThan(0);
    expect(count(0.9, 'texture')).toBe(0);
    expect(count(0.9, 'stitch')).toBeLessThan(count(0.2, 'stitch'));
  });

  it('draws a view well under 50 ms', () => {
    const hoodie = designParamsFor(products[1]!, { variant: 2 });
    drawTechnicalFlat(hoodie, 'front');
    const start = performance.now();
    for (let i = 0; i < 10; i++) drawTechnicalFlat(hoodie, 'front');
    expect((performance.now() - start) / 10).toBeLessThan(50);
  });
});
