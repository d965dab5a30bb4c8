import type { Readable } from 'node:stream';
import type { BlobStore, StoredBlob } from '../artifacts/index.ts';
import { FoundryError } from '../kernel/index.ts';
import { FileTooLargeError } from './knowledge-errors.ts';

/**
 * Streams content into the blob store, at most `maxBytes` of it (413 FILE_TOO_LARGE beyond), with
 * `check` looking at the first bytes before the blob is kept.
 */
export async function storeLimited(blobs: BlobStore, content: Readable, { maxBytes, fileName }: { maxBytes: number; fileName: string }, check: (head: Buffer) => void): Promise<StoredBlob> {
  try {
    return await blobs.put(content, { maxBytes, check });
  } catch (error) {
    if (FoundryError.isInstance(error) && error.code === 'ARTIFACT_TOO_LARGE') throw tooLargeFile(fileName, maxBytes, error);
    throw error;
  }
}

export function tooLargeFile(fileName: string, maxBytes: number, cause?: unknown): FileTooLargeError {
  return new FileTooLargeError({
    message: `${fileName} is larger than the knowledge limit of ${maxBytes.toLocaleString('en')} bytes.`,
    details: { filename: fileName, limit: 'maxBytes', max: maxBytes }, cause,
  });
}
