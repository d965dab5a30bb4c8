import { describe, expect, it } from 'vitest';
import { alphaMaskToGreyscale } from './mask-convert.ts';
import { pngSize } from './png-info.ts';

/** RGBA pixels of a PNG, rendered back through resvg. */
async function pixels(png: Buffer, width: number): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${width}"><image width="${width}" height="${width}" xlink:href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
  return new Resvg(svg).render().pixels;
}

describe('alphaMaskToGreyscale', () => {
  it('turns transparent pixels white and opaque ones black', async () => {
    const { Resvg } = await import('@resvg/resvg-js');
    // Left half opaque black, right half transparent: the right half is the area to change.
    const mask = new Resvg('<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="2" height="4" fill="#000"/></svg>').render().asPng();
    const grey = await alphaMaskToGreyscale(mask);
    expect(pngSize(grey)).toEqual({ width: 4, height: 4 });
    const px = await pixels(grey, 4);
    const at = (x: number, y: number) => [...px.subarray((y * 4 + x) * 4, (y * 4 + x) * 4 + 4)];
    expect(at(0, 1)).toEqual([0, 0, 0, 255]);
    expect(at(3, 1)).toEqual([255, 255, 255, 255]);
  });

  it('refuses data that is not a PNG', async () => {
    await expect(alphaMaskToGreyscale(Buffer.from('nope'))).rejects.toThrow('not a PNG');
  });
});
