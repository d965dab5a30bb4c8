import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export interface ExitInfo { code: number | null; signal: NodeJS.Signals | null }

/** A child process started by the benchmark, with its output tail kept for error messages. */
export interface BenchChild {
  name: string;
  pid: number;
  process: ChildProcess;
  /** performance.now() taken immediately before spawn(). */
  spawnedAt: number;
  exited: Promise<ExitInfo>;
  hasExited(): boolean;
  /** The last few KiB of stdout and stderr. */
  output(): string;
  /** SIGTERM, wait for the exit (SIGKILL after timeoutMs); resolves to ms from the signal to the exit. */
  stop(timeoutMs?: number): Promise<number>;
}

const live = new Set<BenchChild>();
const tailBytes = 16 * 1024;

export const projectRoot = new URL('..', import.meta.url).pathname;

export function spawnChild(name: string, args: string[], env: NodeJS.ProcessEnv): BenchChild {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, args, { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`could not spawn ${name}`);
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-tailBytes);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let done = false;
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once('exit', (code, signal) => {
      done = true;
      resolve({ code, signal });
    });
  });
  const handle: BenchChild = {
    name,
    pid: child.pid,
    process: child,
    spawnedAt,
    exited,
    hasExited: () => done,
    output: () => tail,
    async stop(timeoutMs = 30_000) {
      const start = performance.now();
      if (!done) {
        child.kill('SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        const timedOut = await Promise.race([
          exited.then(() => false),
          new Promise<boolean>((resolve) => { timer = setTimeout(() => resolve(true), timeoutMs); }),
        ]);
        clearTimeout(timer);
        if (timedOut) {
          console.error(`! ${name} (pid ${child.pid}) ignored SIGTERM for ${timeoutMs} ms; sending SIGKILL`);
          child.kill('SIGKILL');
          await exited;
        }
      }
      live.delete(handle);
      return performance.now() - start;
    },
  };
  live.add(handle);
  void exited.then(() => live.delete(handle));
  return handle;
}

/** Stops every child still running (used in the final cleanup, also after a failure). */
export async function stopAllChildren(): Promise<void> {
  for (const child of [...live]) await child.stop(15_000).catch(() => undefined);
}
