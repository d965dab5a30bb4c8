import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/**
 * `foundry worker` processes for the crash tests: started against one database with the recorder
 * plugin, killed with SIGKILL, started again. Each slot is one worker; a restart reuses the slot.
 */

const cli = join(import.meta.dirname, '../../../src/cli/main.ts');
const repoRoot = join(import.meta.dirname, '../../..');
export const recorderPluginPath = join(import.meta.dirname, '../../support/recorder-plugin.ts');

export interface WorkerOptions {
  databaseUrl: string;
  dataDir: string;
  recorderUrl: string;
  leaseMs: number;
  /** Extra environment (wins over the defaults). */
  env?: Record<string, string>;
}

export interface WorkerProcess {
  slot: number;
  pid: number;
  child: ChildProcess;
  /** Output so far, labelled, for failure messages. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  alive(): boolean;
}

export interface WorkerPool {
  workers: WorkerProcess[];
  /** The live worker with this pid, if any. */
  byPid(pid: number): WorkerProcess | undefined;
  /** SIGKILLs the worker in `slot`, waits for it to die, and starts a new one in the slot. */
  killAndRestart(slot: number, beforeRestart?: () => Promise<void>): Promise<{ killed: number; started: number }>;
  /** Output of every process this pool started (dead ones too): for assertion messages. */
  logs(): string;
  /** Stops every worker (SIGTERM, then SIGKILL after 10 s). */
  stop(): Promise<void>;
}

function startWorker(slot: number, options: WorkerOptions): WorkerProcess {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    DATABASE_URL: options.databaseUrl,
    FOUNDRY_DATA_DIR: options.dataDir,
    FOUNDRY_WEB_DIR: join(options.dataDir, 'no-web'),
    FOUNDRY_LEASE_MS: String(options.leaseMs),
    FOUNDRY_PLUGINS: recorderPluginPath,
    FOUNDRY_LOG_LEVEL: 'warn',
    FOUNDRY_TEST_RECORDER_URL: options.recorderUrl,
    ...options.env,
  };
  const child = spawn(process.execPath, [cli, 'worker'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => { text += chunk; });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => { text += chunk; });
  let done = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('close', (code, signal) => {
      done = true;
      resolve({ code, signal });
    });
  });
  if (child.pid === undefined) throw new Error('could not spawn foundry worker');
  const pid = child.pid;
  return { slot, pid, child, exited, alive: () => !done, output: () => `--- foundry worker, slot ${slot}, pid ${pid} ---\n${text}` };
}

export function startWorkerPool(count: number, options: WorkerOptions): WorkerPool {
  const workers = Array.from({ length: count }, (_, slot) => startWorker(slot, options));
  const all = [...workers];
  const killing = new Set<number>();
  return {
    workers,
    byPid: (pid) => workers.find((w) => w.pid === pid && w.alive() && !killing.has(w.slot)),
    async killAndRestart(slot, beforeRestart) {
      const worker = workers[slot]!;
      killing.add(slot);
      try {
        worker.child.kill('SIGKILL');
        const status = await worker.exited;
        if (status.signal !== 'SIGKILL') throw new Error(`worker ${worker.pid} ended by itself before the kill (${JSON.stringify(status)})\n${worker.output()}`);
        await beforeRestart?.();
        const next = startWorker(slot, options);
        workers[slot] = next;
        all.push(next);
        return { killed: worker.pid, started: next.pid };
      } finally {
        killing.delete(slot);
      }
    },
    logs: () => all.map((w) => w.output()).join('\n'),
    async stop() {
      await Promise.all(workers.map(async (w) => {
        if (!w.alive()) return;
        w.child.kill('SIGTERM');
        const timer = setTimeout(() => w.child.kill('SIGKILL'), 10_000);
        await w.exited;
        clearTimeout(timer);
      }));
    },
  };
}
