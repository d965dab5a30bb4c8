import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort, isProcessAlive } from '../../src/kernel/index.ts';

/**
 * `foundry serve` as a child process, for tests that kill it (SIGKILL, SIGTERM) and start it again
 * on the same data directory and database.
 */

const cli = join(import.meta.dirname, '../../src/cli/main.ts');
const repoRoot = join(import.meta.dirname, '../..');

export interface FoundryProcessOptions {
  /** FOUNDRY_DATA_DIR; the embedded PostgreSQL lives in `<dataDir>/postgres` when no databaseUrl is given. */
  dataDir: string;
  /** DATABASE_URL; unset runs the embedded PostgreSQL of the data directory. */
  databaseUrl?: string;
  /** HTTP port; a free one by default. */
  port?: number;
  /** Extra environment variables (win over the defaults). */
  env?: Record<string, string>;
}

export interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface FoundryProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  /** `http://127.0.0.1:<port>`. */
  url: string;
  stdout(): string;
  stderr(): string;
  /** Both streams, labelled, for assertion messages. */
  output(): string;
  /** The exit status, once the process is gone. */
  exitStatus(): ExitStatus | undefined;
  /** Resolves when the process has exited (and its streams closed). */
  exited: Promise<ExitStatus>;
  /** Sends `signal` and waits for the exit; throws when it has not exited after `timeoutMs`. */
  kill(signal?: NodeJS.Signals, timeoutMs?: number): Promise<ExitStatus>;
}

export { freePort };

/** Spawns `foundry serve` without waiting for it (see startFoundryProcess). */
export async function spawnFoundryProcess(options: FoundryProcessOptions): Promise<FoundryProcess> {
  const port = options.port ?? (await freePort());
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    FOUNDRY_DATA_DIR: options.dataDir,
    FOUNDRY_LOG_LEVEL: 'warn',
    FOUNDRY_AUTH_RATE_LIMIT: '100000',
    FOUNDRY_WEB_DIR: join(options.dataDir, 'no-web'),
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...options.env,
  };
  const child = spawn(process.execPath, [cli, 'serve', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => { stdout += chunk; });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  let status: ExitStatus | undefined;
  const exited = new Promise<ExitStatus>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      status = { code, signal };
      resolve(status);
    });
  });
  exited.catch(() => undefined);
  const pid = child.pid;
  if (pid === undefined) {
    const error = await exited.then(() => undefined, (e: unknown) => e);
    throw new Error(`could not spawn foundry serve: ${String(error)}`);
  }
  const output = () => `--- stdout of foundry serve (pid ${pid}) ---\n${stdout}\n--- stderr ---\n${stderr}`;
  return {
    child, pid, port, url: `http://127.0.0.1:${port}`,
    stdout: () => stdout,
    stderr: () => stderr,
    output,
    exitStatus: () => status,
    exited,
    async kill(signal = 'SIGTERM', timeoutMs = 30_000) {
      if (status) return status;
      child.kill(signal);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`foundry serve (pid ${pid}) did not exit within ${timeoutMs} ms of ${signal}\n${output()}`)), timeoutMs);
      });
      try {
        return await Promise.race([exited, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/**
 * Spawns `foundry serve` and waits until GET /readyz answers 200. Throws (with the child's output)
 * when the process exits first or is not ready within `timeoutMs`; the child is killed then.
 */
export async function startFoundryProcess(options: FoundryProcessOptions & { timeoutMs?: number }): Promise<FoundryProcess> {
  const foundry = await spawnFoundryProcess(options);
  const timeoutMs = options.timeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    const status = foundry.exitStatus();
    if (status) throw new Error(`foundry serve exited before it was ready (code ${status.code}, signal ${status.signal})\n${foundry.output()}`);
    try {
      const response = await fetch(`${foundry.url}/readyz`, { signal: AbortSignal.timeout(2_000) });
      const body = await response.text();
      if (response.status === 200) return foundry;
      last = `${response.status} ${body}`;
    } catch (error) {
      last = String((error as { cause?: unknown }).cause ?? error);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await foundry.kill('SIGKILL').catch(() => undefined);
  throw new Error(`foundry serve was not ready within ${timeoutMs} ms (last /readyz: ${last})\n${foundry.output()}`);
}

/** The embedded PostgreSQL cluster directory of a Foundry data directory. */
export const embeddedPgDir = (dataDir: string) => join(dataDir, 'postgres');

/** The pid in `<dataDir>/postgres/postmaster.pid`, or undefined when there is no such file. */
export async function postmasterPid(dataDir: string): Promise<number | undefined> {
  const text = await readFile(join(embeddedPgDir(dataDir), 'postmaster.pid'), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const pid = Number(text.split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** Pids of live processes whose command line names the data directory's cluster (a postmaster started with `-D <dir>`). */
export async function postgresProcessesFor(dataDir: string): Promise<number[]> {
  const pgDir = embeddedPgDir(dataDir);
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmdline = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    const args = cmdline.split('\0');
    if (args.some((a) => a.includes('postgres')) && args.includes(pgDir) && isProcessAlive(Number(entry))) found.push(Number(entry));
  }
  return found;
}

/** Waits until `pid` is gone; false when it is still alive after `timeoutMs`. */
export async function waitForProcessExit(pid: number, timeoutMs = 10_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}

/**
 * Clean-up after a failed test: stops (fast shutdown, then SIGKILL) any PostgreSQL still running on
 * the data directory's cluster, so no server outlives the test run.
 */
export async function stopLeftoverPostgres(dataDir: string): Promise<void> {
  for (const pid of await postgresProcessesFor(dataDir)) {
    try {
      process.kill(pid, 'SIGINT');
    } catch {
      continue;
    }
    if (!(await waitForProcessExit(pid, 15_000))) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
      await waitForProcessExit(pid, 5_000);
    }
  }
}
