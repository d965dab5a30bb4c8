import { pngSize } from './png-info.ts';
import { renderPng } from './render-png.ts';

/**
 * Turns an alpha mask (transparent = change here, OpenAI's convention) into a greyscale one
 * (white = change, black = keep), as Stability's inpaint expects. Rendered through resvg: a
 * colour matrix maps 1 − alpha to every channel.
 */
export async function alphaMaskToGreyscale(mask: Buffer): Promise<Buffer> {
  const size = pngSize(mask);
  if (!size) throw new Error('The mask is not a PNG.');
  const { width, height } = size;
  const href = `data:image/png;base64,${mask.toString('base64')}`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`
    + '<filter id="m" x="0" y="0" width="1" height="1" color-interpolation-filters="sRGB"><feColorMatrix type="matrix" values="0 0 0 -1 1  0 0 0 -1 1  0 0 0 -1 1  0 0 0 0 1"/></filter>'
    + `<rect width="${width}" height="${height}" fill="#ffffff"/><image width="${width}" height="${height}" xlink:href="${href}" filter="url(#m)"/></svg>`;
  return renderPng(svg, { widthPx: width });
}
