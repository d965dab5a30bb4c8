import type { BlobStore } from '../artifacts/index.ts';
import { tooLargeFile } from './store-limited.ts';

/** A stored blob's bytes, refusing more than `maxBytes` (the limit may have been lowered since it was stored). */
export async function readBlob(blobs: BlobStore, sha256: string, { maxBytes, fileName }: { maxBytes: number; fileName: string }): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of blobs.read(sha256)) {
    const buffer = part as Buffer;
    size += buffer.length;
    if (size > maxBytes) throw tooLargeFile(fileName, maxBytes);
    parts.push(buffer);
  }
  return Buffer.concat(parts, size);
}
