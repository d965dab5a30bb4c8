export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * Decodes a text file: a byte-order mark decides (UTF-8, UTF-16LE/BE); otherwise strict UTF-8, and
 * when that fails, Windows-1252 (the superset of Latin-1 that files called "latin1" are written in).
 * `preferred` (an HTML meta charset) is used when it names an encoding the runtime knows.
 */
export function decodeText(bytes: Buffer, preferred?: string): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (preferred !== undefined && !/^utf-?8$/i.test(preferred)) {
    try {
      const decoder = new TextDecoder(preferred);
      return { text: decoder.decode(bytes), encoding: decoder.encoding };
    } catch {
      // an unknown label: fall through to UTF-8 detection
    }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** True when the bytes are not text: a NUL or many control bytes in the first 64 KiB (UTF-16 with a BOM is text). */
export function looksBinary(bytes: Buffer): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const head = bytes.subarray(0, 65_536);
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x1b) control++;
  }
  return control > head.length * 0.01;
}
