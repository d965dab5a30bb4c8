export interface ImageInfo {
  type: 'png' | 'jpeg' | 'gif' | 'webp';
  width: number;
  height: number;
}

function jpegSize(bytes: Buffer): { width: number; height: number } | undefined {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) { at += 1; continue; }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { at += 2; continue; }
    const length = bytes.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
    }
    at += 2 + length;
  }
  return undefined;
}

function webpSize(bytes: Buffer): { width: number; height: number } | undefined {
  const chunk = bytes.toString('latin1', 12, 16);
  if (chunk === 'VP8 ' && bytes.length >= 30) return { width: bytes.readUInt16LE(26) & 0x3fff, height: bytes.readUInt16LE(28) & 0x3fff };
  if (chunk === 'VP8L' && bytes.length >= 25) {
    const bits = bytes.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X' && bytes.length >= 30) return { width: bytes.readUIntLE(24, 3) + 1, height: bytes.readUIntLE(27, 3) + 1 };
  return undefined;
}

/** The type and pixel size of a PNG, JPEG, GIF or WebP from its header, or undefined when the header is not one. */
export function imageInfo(bytes: Buffer): ImageInfo | undefined {
  let found: ImageInfo | undefined;
  if (bytes.length >= 24 && bytes.toString('latin1', 1, 4) === 'PNG' && bytes.toString('latin1', 12, 16) === 'IHDR') {
    found = { type: 'png', width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  } else if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    const size = jpegSize(bytes);
    found = size && { type: 'jpeg', ...size };
  } else if (bytes.length >= 10 && /^GIF8[79]a$/.test(bytes.toString('latin1', 0, 6))) {
    found = { type: 'gif', width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
  } else if (bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') {
    const size = webpSize(bytes);
    found = size && { type: 'webp', ...size };
  }
  return found && found.width > 0 && found.height > 0 ? found : undefined;
}

/** Whether the file reaches its format's end marker (PNG IEND, JPEG EOI, GIF trailer, the RIFF length): a cut-off upload does not. */
export function imageComplete(bytes: Buffer, type: ImageInfo['type']): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024));
  if (type === 'png') return tail.includes('IEND');
  if (type === 'jpeg') return tail.includes(Buffer.from([0xff, 0xd9]));
  if (type === 'gif') return tail.includes(0x3b);
  return bytes.length >= bytes.readUInt32LE(4) + 8;
}
