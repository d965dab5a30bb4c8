import { describe, expect, it } from 'vitest';
import { devices, devicesMentioned, findDevice } from './device-dimensions.ts';

describe('device dimensions', () => {
  it('covers iPhone 12-16, Galaxy S22-S24 and Pixel 7-9 with their published bodies', () => {
    expect(findDevice('iPhone 15 Pro')).toMatchObject({ heightMm: 146.6, widthMm: 70.6, depthMm: 8.25 });
    expect(findDevice('iPhone 16 Pro Max')).toMatchObject({ heightMm: 163, widthMm: 77.6, depthMm: 8.25 });
    expect(findDevice('iPhone 14 Plus')).toMatchObject({ heightMm: 160.8, widthMm: 78.1 });
    expect(findDevice('Samsung Galaxy S24 Ultra')).toMatchObject({ heightMm: 162.3, widthMm: 79, depthMm: 8.6 });
    expect(findDevice('Google Pixel 9 Pro XL')).toMatchObject({ heightMm: 162.8, widthMm: 76.6, depthMm: 8.5 });
    for (const n of [12, 13, 14, 15, 16]) for (const s of ['', ' Pro', ' Pro Max']) expect(findDevice(`iPhone ${n}${s}`)?.model).toBe(`iPhone ${n}${s}`);
    for (const n of [22, 23, 24]) for (const s of ['', '+', ' Ultra']) expect(findDevice(`Galaxy S${n}${s}`)?.model).toBe(`Galaxy S${n}${s}`);
    for (const n of [7, 8, 9]) expect(findDevice(`Pixel ${n} Pro${n === 9 ? ' XL' : ''}`)).toBeDefined();
  });

  it('matches the longest model name, so a Pro Max is not read as a Pro', () => {
    expect(findDevice('case for iphone 15 pro max')?.model).toBe('iPhone 15 Pro Max');
    expect(findDevice('S24 plus')?.model).toBe('Galaxy S24+');
    expect(findDevice('galaxy s24')?.model).toBe('Galaxy S24');
    expect(findDevice('a Nokia 3310')).toBeUndefined();
  });

  it('finds every model mentioned, in order', () => {
    expect(devicesMentioned('Cases for the iPhone 15 and iPhone 15 Pro Max, later Pixel 8').map((d) => d.model))
      .toEqual(['iPhone 15', 'iPhone 15 Pro Max', 'Pixel 8']);
  });

  it('keeps every camera module and button inside the body', () => {
    for (const d of devices) {
      expect(d.camera.xMm + d.camera.widthMm).toBeLessThanOrEqual(d.widthMm + 0.01);
      expect(d.camera.yMm + d.camera.heightMm).toBeLessThan(d.heightMm / 2);
      for (const b of d.buttons) expect(b.fromTopMm + b.lengthMm).toBeLessThan(d.heightMm);
    }
  });
});
