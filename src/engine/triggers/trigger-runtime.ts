import type { Config, Logger } from '../../kernel/index.ts';
import type { MasterKeys } from '../../vault/index.ts';
import { startSystemRun, type RunDeps } from '../runs.ts';
import { startFileTriggers, type FileTriggers } from './file-triggers.ts';
import type { StartTriggerRun } from './fire-trigger.ts';
import { startSmtpListener, type SmtpListener } from './smtp-listener.ts';
import { startTriggerScheduler } from './trigger-scheduler.ts';

export interface TriggerRuntimeDeps extends RunDeps {
  config: Pick<Config, 'dataDir' | 'smtpPort' | 'smtpHost' | 'smtpMaxBytes'>;
  logger: Logger;
  keys: MasterKeys;
}

/** Timings, with their defaults; tests shorten them. */
export interface TriggerRuntimeOptions {
  /** @default 1000 */
  schedulerIntervalMs?: number;
  /** How often the file watchers are brought in line with the table. @default 3000 */
  syncIntervalMs?: number;
  /** How long a watched file must stay unchanged before it starts a run. @default 1000 */
  fileSettleMs?: number;
}

export interface TriggerRuntime {
  /** The SMTP listener's port, when it runs. */
  smtpPort?: number;
  /** Re-reads the file triggers now (the runtime also does so every `syncIntervalMs`). */
  syncFileTriggers(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts what fires triggers in this process: the schedule loop, the file watchers and, when
 * `FOUNDRY_SMTP_PORT` is set, the SMTP listener. Webhooks need nothing here: they arrive over HTTP.
 * Safe to run in several processes at once (schedule firings are claimed; file and mail runs carry
 * idempotency keys).
 */
export async function startTriggerRuntime(deps: TriggerRuntimeDeps, options: TriggerRuntimeOptions = {}): Promise<TriggerRuntime> {
  const startRun: StartTriggerRun = (request) => startSystemRun(deps, request);
  const fireDeps = { db: deps.db, clock: deps.clock, logger: deps.logger, startRun };
  const scheduler = startTriggerScheduler({ ...fireDeps, intervalMs: options.schedulerIntervalMs });
  const files: FileTriggers = startFileTriggers({
    ...fireDeps, dataDir: deps.config.dataDir, syncIntervalMs: options.syncIntervalMs, settleMs: options.fileSettleMs,
  });
  let smtp: SmtpListener | undefined;
  try {
    await files.sync().catch((error: unknown) => deps.logger.error({ err: error }, 'starting the file triggers failed'));
    if (deps.config.smtpPort !== 0) {
      smtp = await startSmtpListener({ ...fireDeps, host: deps.config.smtpHost, port: deps.config.smtpPort, maxBytes: deps.config.smtpMaxBytes });
    }
  } catch (error) {
    await Promise.all([scheduler.close(), files.close()]);
    throw error;
  }
  return {
    ...(smtp ? { smtpPort: smtp.port } : {}),
    syncFileTriggers: files.sync,
    async close() {
      await Promise.all([scheduler.close(), files.close(), smtp?.close()]);
    },
  };
}
