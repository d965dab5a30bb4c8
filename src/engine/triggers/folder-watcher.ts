import { watch, type FSWatcher } from 'node:fs';
import { mkdir, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../../kernel/index.ts';
import { nameMatches } from './watch-path.ts';

/**
 * Watches one folder (not its subfolders) and reports each new or changed file once it has
 * stopped changing: its size and modification time were the same at two looks `settleMs` apart.
 */

export interface SettledFile {
  /** Absolute path. */
  path: string;
  name: string;
  size: number;
  mtimeMs: number;
  event: 'created' | 'changed';
}

export interface FolderWatcherOptions {
  folder: string;
  /** Glob on the file name; every name (but dot-files) when absent. */
  pattern?: string;
  settleMs: number;
  /** Files modified after this (e.g. while the process was down) are reported at start; older ones are taken as seen. */
  reportModifiedAfter?: Date;
  onFile: (file: SettledFile) => Promise<void>;
  logger: Logger;
}

export interface FolderWatcher {
  /** False once the folder could not be watched any more (e.g. it was deleted); the owner restarts it. */
  readonly healthy: boolean;
  close(): void;
}

export async function watchFolder(options: FolderWatcherOptions): Promise<FolderWatcher> {
  const { folder, settleMs, logger } = options;
  await mkdir(folder, { recursive: true });
  /** Signature (`size:mtime`) of each file last reported or present at start. */
  const known = new Map<string, string>();
  const pending = new Map<string, { timer: NodeJS.Timeout; signature?: string }>();
  let closed = false;
  let healthy = true;

  const look = (name: string) => {
    if (closed || !nameMatches(name, options.pattern)) return;
    const entry = pending.get(name);
    if (entry) clearTimeout(entry.timer);
    const next = { signature: entry?.signature, timer: setTimeout(() => void settle(name), settleMs) };
    pending.set(name, next);
  };

  async function settle(name: string): Promise<void> {
    const entry = pending.get(name);
    if (closed || !entry) return;
    const path = join(folder, name);
    let signature: string;
    let size: number;
    let mtimeMs: number;
    try {
      const stats = await stat(path);
      if (!stats.isFile()) {
        pending.delete(name);
        return;
      }
      ({ size, mtimeMs } = stats);
      signature = `${size}:${mtimeMs}`;
    } catch {
      pending.delete(name);
      known.delete(name);
      return;
    }
    if (entry.signature !== signature) {
      entry.signature = signature;
      entry.timer = setTimeout(() => void settle(name), settleMs);
      return;
    }
    pending.delete(name);
    if (known.get(name) === signature) return;
    const event = known.has(name) ? 'changed' : 'created';
    known.set(name, signature);
    try {
      await options.onFile({ path, name, size, mtimeMs, event });
    } catch (error) {
      logger.warn({ err: error, path }, 'watched file did not start a run');
    }
  }

  const rescan = async (initial: boolean) => {
    const since = options.reportModifiedAfter?.getTime() ?? Number.POSITIVE_INFINITY;
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      if (!entry.isFile() || !nameMatches(entry.name, options.pattern)) continue;
      if (!initial) {
        look(entry.name);
        continue;
      }
      const stats = await stat(join(folder, entry.name)).catch(() => undefined);
      if (!stats) continue;
      if (stats.mtimeMs > since) look(entry.name);
      else known.set(entry.name, `${stats.size}:${stats.mtimeMs}`);
    }
  };

  const watcher: FSWatcher = watch(folder, { persistent: false }, (_event, filename) => {
    if (filename) look(filename.toString());
    else void rescan(false).catch((error: unknown) => logger.warn({ err: error, folder }, 'rescanning a watched folder failed'));
  });
  watcher.on('error', (error) => {
    healthy = false;
    logger.warn({ err: error, folder }, 'watching a folder failed');
  });
  try {
    await rescan(true);
  } catch (error) {
    watcher.close();
    throw error;
  }

  return {
    get healthy() {
      return healthy && !closed;
    },
    close() {
      closed = true;
      watcher.close();
      for (const entry of pending.values()) clearTimeout(entry.timer);
      pending.clear();
    },
  };
}
