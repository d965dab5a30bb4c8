const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function isPng(data: Uint8Array): boolean {
  return data.length >= 24 && signature.every((b, i) => data[i] === b);
}

/** Width and height from a PNG's IHDR chunk (bytes 16..23, big-endian), or undefined for non-PNG data. */
export function pngSize(data: Uint8Array): { width: number; height: number } | undefined {
  if (!isPng(data)) return undefined;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}
