/**
 * Decodes PostgreSQL's binary form of a one-dimensional `real[]` (what `array_send(embedding)`
 * returns): a header of ndim, has-null flag, element type, length and lower bound, then each
 * element as a 4-byte length and a big-endian float. Far cheaper than parsing the text form.
 * Writes into `target` when given (the lengths must match). Returns undefined for anything else (no
 * dimensions, more than one, a null element, another length than the target's).
 */
export function decodeFloat4Array(bytes: Uint8Array, target?: Float32Array): Float32Array | undefined {
  if (bytes.byteLength < 12) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dimensions = view.getInt32(0);
  if (dimensions === 0) return target === undefined || target.length === 0 ? new Float32Array(0) : undefined;
  if (dimensions !== 1 || view.getInt32(4) !== 0 || bytes.byteLength < 20) return undefined;
  const length = view.getInt32(12);
  if (bytes.byteLength !== 20 + length * 8 || (target !== undefined && target.length !== length)) return undefined;
  const out = target ?? new Float32Array(length);
  for (let i = 0, at = 20; i < length; i++, at += 8) {
    if (view.getInt32(at) !== 4) return undefined;
    out[i] = view.getFloat32(at + 4);
  }
  return out;
}
