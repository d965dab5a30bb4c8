import { describe, expect, it } from 'vitest';
import type { DpgFacts } from '../dpg-data.ts';
import { designParamsFor, parsePlacement } from './design-params.ts';
import { caseOuter } from './params-phone-case.ts';

const phone: DpgFacts = { title: 'Slim case', category: 'phone_accessory', summary: 'A slim case for the iPhone 15 Pro', data: { colors: [{ name: 'Navy' }, { name: 'Coral', hex: '#FF7F50' }] } };
const hoodie: DpgFacts = { title: 'Heavyweight hoodie', category: 'apparel', summary: '', data: { garment_type: 'hoodie' } };

describe('designParamsFor', () => {
  it('sizes a phone case from the named device and derives colours from the DPG', () => {
    const p = designParamsFor(phone);
    expect(p.phoneCase).toMatchObject({ deviceLabel: 'iPhone 15 Pro', deviceKnown: true, deviceWidthMm: 70.6, deviceHeightMm: 146.6, caseStyle: 'slim' });
    expect(caseOuter(p.phoneCase!)).toEqual({ widthMm: 73, heightMm: 149, depthMm: 10.1 });
    expect(p.colors).toMatchObject({ body: '#1f2a44', bodyName: 'Navy', accent: '#ff7f50', accentName: 'Coral' });
    expect(p.apparel).toBeUndefined();
  });

  it('falls back to a generic body when no known device is named', () => {
    const p = designParamsFor({ ...phone, summary: 'a case' });
    expect(p.phoneCase?.deviceKnown).toBe(false);
  });

  it('keeps the DPG choices and varies what it leaves open', () => {
    const specified = designParamsFor({ ...phone, data: { ...phone.data, bezel_height_mm: 1.5, camera_cutout: 'covered', logo: { widthMm: 30, placement: 'bottom' } } }, { variant: 3 });
    expect(specified.phoneCase).toMatchObject({ bezelHeightMm: 1.5, camera: { kind: 'covered' } });
    expect(specified.logo).toMatchObject({ widthMm: 30, placement: 'bottom' });
  });

  it('makes the three phone variants differ in logo placement and bezel/corner treatment', () => {
    const [v1, v2, v3] = ([1, 2, 3] as const).map((variant) => designParamsFor(phone, { variant }));
    expect(new Set([v1!.logo.placement, v2!.logo.placement, v3!.logo.placement]).size).toBe(3);
    expect(v2!.phoneCase!.frame).toBe('accent_bumper');
    expect(v2!.phoneCase!.bezelHeightMm).toBeGreaterThan(v1!.phoneCase!.bezelHeightMm);
    expect(v2!.phoneCase!.cornerRadiusMm).toBeGreaterThan(v1!.phoneCase!.cornerRadiusMm);
    expect(v3!.phoneCase!.cornerRadiusMm).toBeLessThan(v1!.phoneCase!.cornerRadiusMm);
    expect(v3!.phoneCase).toMatchObject({ gripRidges: true, buttons: 'cutout', camera: { kind: 'lens_ring' } });
    expect(new Set([v1!.variantName, v2!.variantName, v3!.variantName]).size).toBe(3);
  });

  it('makes the hoodie variants differ: kangaroo pullover, full zip, no pocket with raglan contrast', () => {
    const [v1, v2, v3] = ([1, 2, 3] as const).map((variant) => designParamsFor(hoodie, { variant }).apparel!);
    expect(v1).toMatchObject({ neckline: 'hood', pockets: 'kangaroo', closure: 'none', sleeves: 'long', hemRib: true, cuffRib: true });
    expect(v2).toMatchObject({ pockets: 'kangaroo', closure: 'full_zip' });
    expect(v3).toMatchObject({ pockets: 'none', closure: 'none', sleeveConstruction: 'raglan', contrastPanels: true });
  });

  it('reads garment measurements from the DPG, halving a full chest circumference', () => {
    const a = designParamsFor({ ...hoodie, data: { ...hoodie.data, dimensions: [{ name: 'Chest', mm: 1160 }, { name: 'Body length', mm: 720 }] } }).apparel!;
    expect(a.measurements.chestWidthMm).toBe(580);
    expect(a.measurements.bodyLengthMm).toBe(720);
  });

  it('detects the garment from the title when the type is not set', () => {
    expect(designParamsFor({ title: 'Team polo shirt', category: 'apparel', summary: '', data: {} }).apparel?.garment).toBe('polo');
  });

  it('sizes drinkware so that the drawn inner volume holds the capacity', () => {
    const d = designParamsFor({ title: 'Bottle', category: 'drinkware', summary: '', data: { vessel_type: 'tumbler', capacity_ml: 590 } }).drinkware!;
    const fillHeight = d.heightMm * 0.9 - d.wallMm;
    const top = d.diameterMm / 2 - d.wallMm;
    const bottom = d.baseDiameterMm / 2 - d.wallMm;
    const ml = (Math.PI * fillHeight * (top * top + top * bottom + bottom * bottom)) / 3 / 1000;
    expect(ml).toBeGreaterThan(560);
    expect(ml).toBeLessThan(620);
    expect(d.heightMm / d.diameterMm).toBeCloseTo(1.95, 1);
  });

  it('sizes a bag from its capacity', () => {
    const b = designParamsFor({ title: 'Tote', category: 'bag', summary: '', data: { bag_type: 'tote', capacity_l: 18 } }).bag!;
    expect((b.widthMm * b.heightMm * b.depthMm) / 1e6).toBeGreaterThan(16);
    expect((b.widthMm * b.heightMm * b.depthMm) / 1e6).toBeLessThan(20);
    expect(b.closure).toBe('open');
  });

  it('takes a hard good box from the DPG dimensions', () => {
    const h = designParamsFor({ title: 'Speaker', category: 'hard_good', summary: '', data: { dimensions: [{ name: 'width', mm: 160 }, { name: 'height', mm: 90 }, { name: 'depth', mm: 70 }] } }, { variant: 2 }).hardGood!;
    expect(h).toMatchObject({ widthMm: 160, heightMm: 90, depthMm: 70, edge: 'chamfer', accentBand: true });
  });

  it('clamps minimalism and caps the logo at 80% of the face', () => {
    const p = designParamsFor({ ...phone, data: { logo: { widthMm: 500 } } }, { minimalism: 4 });
    expect(p.minimalism).toBe(1);
    expect(p.logo.widthMm).toBe(56.5);
  });
});

describe('parsePlacement', () => {
  it('reads faces and positions', () => {
    expect(parsePlacement('left chest', 'apparel')).toMatchObject({ placement: 'left', face: 'front' });
    expect(parsePlacement('centre back', 'apparel')).toMatchObject({ placement: 'centre', face: 'back' });
    expect(parsePlacement('bottom right', 'bag')).toMatchObject({ placement: 'bottom', offsetX: 0.25 });
    expect(parsePlacement('back, centred', 'phone_accessory')).toMatchObject({ placement: 'centre' });
    expect(parsePlacement('', 'bag')).toBeUndefined();
  });
});
