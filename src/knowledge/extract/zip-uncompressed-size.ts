/**
 * The total uncompressed size of a ZIP's entries, read from its central directory, so that a .docx
 * or .xlsx that would inflate to gigabytes is refused before a parser inflates it. Undefined when
 * the directory cannot be found or uses ZIP64 fields (the parser then decides).
 */
export function zipUncompressedSize(bytes: Buffer): number | undefined {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end === -1 || end + 22 > bytes.length) return undefined;
  const entries = bytes.readUInt16LE(end + 10);
  const directory = bytes.readUInt32LE(end + 16);
  if (entries === 0xffff || directory === 0xffffffff) return undefined;
  let total = 0;
  let at = directory;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return undefined;
    const size = bytes.readUInt32LE(at + 24);
    if (size === 0xffffffff) return undefined;
    total += size;
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return total;
}
