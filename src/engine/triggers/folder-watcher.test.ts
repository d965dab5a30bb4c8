import { mkdir, mkdtemp, open, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../kernel/index.ts';
import { watchFolder, type FolderWatcher, type SettledFile } from './folder-watcher.ts';

const logger = createLogger({ level: 'silent' });
const settleMs = 150;
let folder: string;
let watcher: FolderWatcher | undefined;

beforeEach(async () => {
  folder = join(await mkdtemp(join(tmpdir(), 'foundry-watch-')), 'in');
});
afterEach(async () => {
  watcher?.close();
  watcher = undefined;
  await rm(join(folder, '..'), { recursive: true, force: true });
});

/** Reports collected in order, and a way to wait for the n-th. */
function collector() {
  const files: SettledFile[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  return {
    files,
    onFile: async (file: SettledFile) => {
      files.push(file);
      for (const w of waiters.filter((x) => files.length >= x.n)) w.resolve();
    },
    until: (n: number) => new Promise<void>((resolve) => {
      if (files.length >= n) resolve();
      else waiters.push({ n, resolve });
    }),
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watchFolder', () => {
  it('creates the folder and reports a new file once, after it stops growing', async () => {
    const seen = collector();
    watcher = await watchFolder({ folder, settleMs, logger, onFile: seen.onFile });
    const handle = await open(join(folder, 'orders.csv'), 'w');
    await handle.write('id,total\n');
    await pause(30);
    await handle.write('1,19.90\n2,5.00\n');
    await handle.close();
    await seen.until(1);
    await writeFile(join(folder, 'marker.txt'), 'x');
    await seen.until(2);
    expect(seen.files.map((f) => [f.name, f.size, f.event])).toEqual([['orders.csv', 24, 'created'], ['marker.txt', 1, 'created']]);
    expect(seen.files[0]!.path).toBe(join(folder, 'orders.csv'));
  });

  it('reports a changed file as changed, and skips dot-files and names outside the glob', async () => {
    const seen = collector();
    watcher = await watchFolder({ folder, settleMs, logger, pattern: '*.csv', onFile: seen.onFile });
    await writeFile(join(folder, '.upload.csv'), 'partial');
    await writeFile(join(folder, 'notes.txt'), 'ignored');
    await writeFile(join(folder, 'a.csv'), 'v1');
    await seen.until(1);
    await writeFile(join(folder, 'a.csv'), 'version 2');
    await seen.until(2);
    expect(seen.files.map((f) => [f.name, f.size, f.event])).toEqual([['a.csv', 2, 'created'], ['a.csv', 9, 'changed']]);
  });

  it('takes files already there as seen, except those modified after reportModifiedAfter', async () => {
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'old.csv'), 'old');
    await writeFile(join(folder, 'while-down.csv'), 'new');
    const since = new Date('2026-01-01T00:00:00Z');
    await utimes(join(folder, 'old.csv'), new Date('2025-12-31T00:00:00Z'), new Date('2025-12-31T00:00:00Z'));
    const seen = collector();
    watcher = await watchFolder({ folder, settleMs, logger, reportModifiedAfter: since, onFile: seen.onFile });
    await seen.until(1);
    await writeFile(join(folder, 'after.csv'), 'x');
    await seen.until(2);
    expect(seen.files.map((f) => f.name)).toEqual(['while-down.csv', 'after.csv']);
  });
});
