import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PayloadTooLargeError } from '../kernel/index.ts';
import { createFileBlobStore, type BlobStore } from './blob-store.ts';

let root: string;
let store: BlobStore;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'foundry-blobs-'));
  store = createFileBlobStore(root);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
/** A stream that yields `bytes` in chunks of `size`, like an upload arriving over the network. */
const chunked = (bytes: Buffer, size = 1000) =>
  Readable.from((function* () {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  })());

/** Every file under the store's root, as paths relative to it. */
async function filesUnder(dir = root): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name))).sort();
}

describe('file blob store', () => {
  it('names a blob by its SHA-256 and stores it at <aa>/<bb>/<sha>', async () => {
    const bytes = randomBytes(10_000);
    const blob = await store.put(chunked(bytes), { maxBytes: 1_000_000 });
    const sha = sha256(bytes);
    expect(blob.sha256).toBe(sha);
    expect(blob.size).toBe(bytes.length);
    expect(blob.head.equals(bytes.subarray(0, 4096))).toBe(true);
    expect(await filesUnder()).toEqual([join(sha.slice(0, 2), sha.slice(2, 4), sha)]);
    expect((await readFile(join(root, sha.slice(0, 2), sha.slice(2, 4), sha))).equals(bytes)).toBe(true);
  });

  it('reads back exactly the stored bytes', async () => {
    const bytes = randomBytes(70_000);
    const { sha256: sha } = await store.put(chunked(bytes, 4096), { maxBytes: 1_000_000 });
    expect((await buffer(store.read(sha))).equals(bytes)).toBe(true);
  });

  it('stores the same content once, whatever the chunking', async () => {
    const bytes = randomBytes(5000);
    const a = await store.put(chunked(bytes, 7), { maxBytes: 10_000 });
    const b = await store.put(chunked(bytes, 5000), { maxBytes: 10_000 });
    const [c, d] = await Promise.all([store.put(chunked(bytes), { maxBytes: 10_000 }), store.put(chunked(bytes), { maxBytes: 10_000 })]);
    expect(new Set([a.sha256, b.sha256, c.sha256, d.sha256]).size).toBe(1);
    expect(await filesUnder()).toHaveLength(1);
    const other = await store.put(chunked(Buffer.from('different')), { maxBytes: 10_000 });
    expect(other.sha256).not.toBe(a.sha256);
    expect(await filesUnder()).toHaveLength(2);
  });

  it('keeps a short head for small files and an empty head for an empty file', async () => {
    const small = await store.put(Readable.from([Buffer.from('%PDF-1.7')]), { maxBytes: 100 });
    expect(small.head.toString()).toBe('%PDF-1.7');
    const empty = await store.put(Readable.from([]), { maxBytes: 100 });
    expect(empty).toMatchObject({ size: 0, sha256: sha256(Buffer.alloc(0)) });
    expect(empty.head.length).toBe(0);
  });

  it('accepts a file of exactly the limit', async () => {
    const blob = await store.put(chunked(randomBytes(2048), 100), { maxBytes: 2048 });
    expect(blob.size).toBe(2048);
  });

  it('refuses a file over the limit with PayloadTooLargeError and leaves no file behind', async () => {
    const error = await store.put(chunked(randomBytes(2049), 100), { maxBytes: 2048 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PayloadTooLargeError);
    expect((error as PayloadTooLargeError).code).toBe('ARTIFACT_TOO_LARGE');
    expect((error as PayloadTooLargeError).status).toBe(413);
    expect(await filesUnder()).toEqual([]);
  });

  it('refuses a stream the upload parser truncated at its own limit, leaving no file behind', async () => {
    const truncated = Object.assign(chunked(randomBytes(1000)), { truncated: true });
    const error = await store.put(truncated, { maxBytes: 1_000_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PayloadTooLargeError);
    expect(await filesUnder()).toEqual([]);
  });

  it('leaves no file behind when the source stream fails', async () => {
    const failing = Readable.from((function* () {
      yield randomBytes(500);
      throw new Error('connection reset');
    })());
    await expect(store.put(failing, { maxBytes: 1_000_000 })).rejects.toThrow('connection reset');
    expect(await filesUnder()).toEqual([]);
  });

  it('removes a blob', async () => {
    const { sha256: sha } = await store.put(Readable.from([Buffer.from('bye')]), { maxBytes: 100 });
    await store.remove(sha);
    expect(await filesUnder()).toEqual([]);
    await store.remove(sha);
  });
});
