import { describe, expect, it } from 'vitest';
import { decodeFloat4Array } from './float4-array.ts';

/** PostgreSQL's array_send layout for a one-dimensional float4 array (element type oid 700). */
function arraySend(values: number[], { nullFlag = 0 } = {}): Buffer {
  const buffer = Buffer.alloc(20 + values.length * 8);
  buffer.writeInt32BE(1, 0);
  buffer.writeInt32BE(nullFlag, 4);
  buffer.writeInt32BE(700, 8);
  buffer.writeInt32BE(values.length, 12);
  buffer.writeInt32BE(1, 16);
  values.forEach((v, i) => {
    buffer.writeInt32BE(4, 20 + i * 8);
    buffer.writeFloatBE(v, 24 + i * 8);
  });
  return buffer;
}

describe('decodeFloat4Array', () => {
  it('reads the binary form of a real[]', () => {
    expect([...decodeFloat4Array(arraySend([0.5, -1.25, 3]))!]).toEqual([0.5, -1.25, 3]);
  });

  it('reads an empty array and one sliced out of a larger buffer', () => {
    const empty = Buffer.alloc(12);
    empty.writeInt32BE(700, 8);
    expect(decodeFloat4Array(empty)).toEqual(new Float32Array(0));
    const padded = Buffer.concat([Buffer.from([9, 9, 9]), arraySend([1, 2])]);
    expect([...decodeFloat4Array(padded.subarray(3))!]).toEqual([1, 2]);
  });

  it('decodes into a given array of the same length only', () => {
    const matrix = new Float32Array(4);
    expect(decodeFloat4Array(arraySend([7, 8]), matrix.subarray(2, 4))).toBeDefined();
    expect([...matrix]).toEqual([0, 0, 7, 8]);
    expect(decodeFloat4Array(arraySend([1, 2, 3]), matrix.subarray(0, 2))).toBeUndefined();
  });

  it('refuses arrays with nulls, several dimensions or a wrong length', () => {
    expect(decodeFloat4Array(arraySend([1], { nullFlag: 1 }))).toBeUndefined();
    const twoDims = arraySend([1, 2]);
    twoDims.writeInt32BE(2, 0);
    expect(decodeFloat4Array(twoDims)).toBeUndefined();
    expect(decodeFloat4Array(arraySend([1, 2]).subarray(0, 27))).toBeUndefined();
    expect(decodeFloat4Array(Buffer.alloc(4))).toBeUndefined();
  });
});
