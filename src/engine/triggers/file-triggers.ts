import { stat } from 'node:fs/promises';
import { and, eq } from 'drizzle-orm';
import { tables } from '../../db/index.ts';
import type { Logger } from '../../kernel/index.ts';
import { fireTrigger, triggerIdempotencyKey, type FireDeps } from './fire-trigger.ts';
import { watchFolder, type FolderWatcher, type SettledFile } from './folder-watcher.ts';
import type { FileTriggerConfig } from './trigger-schemas.ts';
import { findTriggerById, type TriggerRow } from './triggers.ts';
import { watchFolder as folderOf } from './watch-path.ts';

/**
 * Keeps one folder watcher per active file trigger, re-reading the triggers every `syncIntervalMs`:
 * new and resumed triggers start watching, paused and deleted ones stop, changed ones restart.
 */

export interface FileTriggersDeps extends FireDeps {
  logger: Logger;
  dataDir: string;
  syncIntervalMs?: number;
  /** How long a file must stay unchanged before it starts a run. */
  settleMs?: number;
}

export interface FileTriggers {
  /** Brings the watchers in line with the table now. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

const t = tables.workflowTriggers;

interface Watching {
  key: string;
  folder: string;
  watcher: FolderWatcher;
}

export function startFileTriggers(deps: FileTriggersDeps): FileTriggers {
  const watching = new Map<string, Watching>();
  let closed = false;
  let syncing: Promise<void> | undefined;

  const onFile = (triggerId: string) => async (file: SettledFile) => {
    const trigger = await findTriggerById(deps.db, triggerId);
    if (!trigger || trigger.status !== 'active') return;
    await fireTrigger(deps, trigger, {
      input: { path: file.path, name: file.name, size: file.size, event: file.event },
      idempotencyKey: triggerIdempotencyKey(trigger, file.name, file.size, file.mtimeMs),
    });
  };

  async function start(row: TriggerRow, key: string): Promise<void> {
    const config = row.config as FileTriggerConfig;
    const folder = folderOf(deps.dataDir, config.path);
    const watcher = await watchFolder({
      folder, pattern: config.pattern, settleMs: deps.settleMs ?? 1000, logger: deps.logger,
      reportModifiedAfter: row.lastFiredAt ?? row.createdAt, onFile: onFile(row.id),
    });
    if (closed) return watcher.close();
    watching.set(row.id, { key, folder, watcher });
  }

  async function syncNow(): Promise<void> {
    const rows = await deps.db.select().from(t).where(and(eq(t.kind, 'file'), eq(t.status, 'active')));
    const wanted = new Map(rows.map((r) => [r.id, r]));
    for (const [id, current] of watching) {
      const row = wanted.get(id);
      const folderGone = await stat(current.folder).then(() => false, () => true);
      if (!row || JSON.stringify(row.config) !== current.key || !current.watcher.healthy || folderGone) {
        current.watcher.close();
        watching.delete(id);
      }
    }
    for (const row of rows) {
      if (watching.has(row.id) || closed) continue;
      await start(row, JSON.stringify(row.config)).catch((error: unknown) => deps.logger.warn({ err: error, triggerId: row.id }, 'cannot watch the folder of a file trigger'));
    }
  }

  const sync = () => {
    syncing ??= syncNow().finally(() => {
      syncing = undefined;
    });
    return syncing;
  };

  const timer = setInterval(() => {
    sync().catch((error: unknown) => deps.logger.error({ err: error }, 'syncing file triggers failed'));
  }, deps.syncIntervalMs ?? 3000);
  timer.unref();

  return {
    sync,
    async close() {
      closed = true;
      clearInterval(timer);
      await syncing?.catch(() => undefined);
      for (const current of watching.values()) current.watcher.close();
      watching.clear();
    },
  };
}
