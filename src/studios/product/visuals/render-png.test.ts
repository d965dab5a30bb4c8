import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { designParamsFor } from './design-params.ts';
import { drawTechnicalFlat } from './draw-flat.ts';
import { isPng, pngSize } from './png-info.ts';
import { renderPng } from './render-png.ts';

describe('renderPng', () => {
  it('renders a PNG of the requested width', async () => {
    const png = await renderPng('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 10"><rect width="20" height="10" fill="#123456"/></svg>', { widthPx: 300 });
    expect(isPng(png)).toBe(true);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(pngSize(png)).toEqual({ width: 300, height: 150 });
  });

  it('renders a technical flat at 1024 px in a few hundred ms', async () => {
    const svg = drawTechnicalFlat(designParamsFor({ title: 'Hoodie', category: 'apparel', summary: '', data: { garment_type: 'hoodie' } }), 'front');
    await renderPng(svg, { widthPx: 64 });
    const start = performance.now();
    const png = await renderPng(svg, { widthPx: 1024 });
    expect(performance.now() - start).toBeLessThan(1500);
    expect(pngSize(png)?.width).toBe(1024);
  });

  it.runIf(existsSync('/usr/share/fonts'))('draws text with a system font', async () => {
    const blank = await renderPng('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 20"><rect width="100" height="20" fill="#fff"/></svg>', { widthPx: 200 });
    const text = await renderPng('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 20"><rect width="100" height="20" fill="#fff"/><text x="5" y="15" font-size="12" font-family="sans-serif">Foundry</text></svg>', { widthPx: 200 });
    expect(text.equals(blank)).toBe(false);
  });

  it('still renders shapes when a font family is unknown', async () => {
    const png = await renderPng('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text font-family="NoSuchFont">x</text><circle cx="5" cy="5" r="4"/></svg>', { widthPx: 40 });
    expect(pngSize(png)).toEqual({ width: 40, height: 40 });
  });
});
