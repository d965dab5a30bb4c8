import { describe, expect, it } from 'vitest';
import { makeTextGif, makeTextPng, renderText } from '../../../test/support/knowledge-fixtures.ts';
import { imageComplete, imageInfo } from './image-info.ts';

/** A baseline JPEG's markers up to its frame header (SOF0), then an end marker. */
function jpegHeader(width: number, height: number): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]);
  const sof0 = Buffer.from([0xff, 0xc0, 0x00, 0x0b, 0x08, height >> 8, height & 255, width >> 8, width & 255, 0x01, 0x01, 0x11, 0x00]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof0, Buffer.from([0xff, 0xd9])]);
}

function webp(chunk: 'VP8 ' | 'VP8L' | 'VP8X', width: number, height: number): Buffer {
  const body = Buffer.alloc(30);
  body.write('RIFF', 0, 'latin1');
  body.writeUInt32LE(22, 4);
  body.write('WEBP', 8, 'latin1');
  body.write(chunk, 12, 'latin1');
  if (chunk === 'VP8 ') {
    body.writeUInt16LE(width, 26);
    body.writeUInt16LE(height, 28);
  } else if (chunk === 'VP8L') {
    body[20] = 0x2f;
    body.writeUInt32LE(((height - 1) << 14) | (width - 1), 21);
  } else {
    body.writeUIntLE(width - 1, 24, 3);
    body.writeUIntLE(height - 1, 27, 3);
  }
  return body;
}

describe('imageInfo', () => {
  it('reads the size of PNG, GIF, JPEG and the three kinds of WebP from their headers', () => {
    const { width, height } = renderText(['AB']);
    expect(imageInfo(makeTextPng(['AB']))).toEqual({ type: 'png', width, height });
    expect(imageInfo(makeTextGif(['AB']))).toEqual({ type: 'gif', width, height });
    expect(imageInfo(jpegHeader(640, 480))).toEqual({ type: 'jpeg', width: 640, height: 480 });
    expect(imageInfo(webp('VP8 ', 300, 200))).toEqual({ type: 'webp', width: 300, height: 200 });
    expect(imageInfo(webp('VP8L', 300, 200))).toEqual({ type: 'webp', width: 300, height: 200 });
    expect(imageInfo(webp('VP8X', 5000, 4000))).toEqual({ type: 'webp', width: 5000, height: 4000 });
  });

  it('gives undefined for a header that is not one, or a zero size', () => {
    expect(imageInfo(Buffer.from('not an image'))).toBeUndefined();
    expect(imageInfo(jpegHeader(0, 0))).toBeUndefined();
    expect(imageInfo(Buffer.from([0xff, 0xd8, 0x00, 0x00]))).toBeUndefined();
  });

  it('tells a complete file from a cut-off one', () => {
    const png = makeTextPng(['AB']);
    expect(imageComplete(png, 'png')).toBe(true);
    expect(imageComplete(png.subarray(0, png.length - 20), 'png')).toBe(false);
    expect(imageComplete(jpegHeader(1, 1), 'jpeg')).toBe(true);
    expect(imageComplete(jpegHeader(1, 1).subarray(0, 30), 'jpeg')).toBe(false);
    expect(imageComplete(webp('VP8 ', 1, 1), 'webp')).toBe(true);
    expect(imageComplete(webp('VP8 ', 1, 1).subarray(0, 20), 'webp')).toBe(false);
  });
});
