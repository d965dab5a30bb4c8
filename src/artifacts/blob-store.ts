import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PayloadTooLargeError, newId } from '../kernel/index.ts';

export interface StoredBlob {
  sha256: string;
  size: number;
  /** The first bytes, for content sniffing. */
  head: Buffer;
}

/** Content-addressed storage: a blob's name is its SHA-256, so equal content is stored once. */
export interface PutOptions {
  maxBytes: number;
  /** Inspects the first bytes before the blob is kept; a throw discards the file. */
  check?: (head: Buffer) => void;
}

export interface BlobStore {
  put(content: Readable, options: PutOptions): Promise<StoredBlob>;
  read(sha256: string): Readable;
  remove(sha256: string): Promise<void>;
}

/** Blobs in `<root>/<aa>/<bb>/<sha256>`, written to a temporary file and renamed into place. */
export function createFileBlobStore(root: string): BlobStore {
  const pathOf = (sha: string) => join(root, sha.slice(0, 2), sha.slice(2, 4), sha);
  return {
    async put(content, { maxBytes, check }) {
      const tmpDir = join(root, 'tmp');
      await mkdir(tmpDir, { recursive: true });
      const tmp = join(tmpDir, newId());
      const hash = createHash('sha256');
      let size = 0;
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.length;
          if (size > maxBytes) {
            done(new PayloadTooLargeError({ code: 'ARTIFACT_TOO_LARGE', message: `The file is larger than the limit of ${maxBytes} bytes.`, details: { maxBytes } }));
            return;
          }
          hash.update(chunk);
          done(null, chunk);
        },
      });
      try {
        await pipeline(content, meter, createWriteStream(tmp, { flags: 'wx' }));
        const truncated = (content as Readable & { truncated?: boolean }).truncated;
        if (truncated) throw new PayloadTooLargeError({ code: 'ARTIFACT_TOO_LARGE', message: `The file is larger than the limit of ${maxBytes} bytes.`, details: { maxBytes } });
        const sha256 = hash.digest('hex');
        const head = await readHead(tmp);
        check?.(head);
        const target = pathOf(sha256);
        await mkdir(join(target, '..'), { recursive: true });
        await syncFile(tmp);
        await rename(tmp, target);
        return { sha256, size, head };
      } finally {
        await rm(tmp, { force: true });
      }
    },
    read(sha256) {
      return createReadStream(pathOf(sha256));
    },
    async remove(sha256) {
      await rm(pathOf(sha256), { force: true });
    },
  };
}

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const { size } = await stat(path);
    const buffer = Buffer.alloc(Math.min(4096, size));
    await handle.read(buffer, 0, buffer.length, 0);
    return buffer;
  } finally {
    await handle.close();
  }
}

/** fsync before the rename, so an acknowledged upload survives a power cut. */
async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
