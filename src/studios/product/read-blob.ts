import type { BlobStore } from '../../artifacts/index.ts';

/** A stored blob's bytes, for the small files the studio re-reads (images, documents). */
export async function readBlob(blobs: BlobStore, sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of blobs.read(sha256)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
