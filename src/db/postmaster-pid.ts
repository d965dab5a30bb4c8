import { readFile, readlink, realpath } from 'node:fs/promises';
import { isProcessAlive } from '../kernel/index.ts';

/** The parsed `postmaster.pid` lock file that PostgreSQL keeps in its data directory. */
export interface PostmasterPid {
  pid: number;
  dataDir: string;
  port: number;
  status: string;
}

export async function readPostmasterPid(pgDataDir: string): Promise<PostmasterPid | undefined> {
  let text: string;
  try {
    text = await readFile(`${pgDataDir}/postmaster.pid`, 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return { pid, dataDir: lines[1] ?? '', port, status: (lines[7] ?? '').trim() };
}

/**
 * True when `pid` is alive and is a PostgreSQL server (a recycled pid is not). With `pgDataDir`, it
 * must also be the server of that directory: a postmaster runs in its data directory, so a pid
 * reused by another PostgreSQL (of another cluster) is not taken for it.
 */
export async function isPostgresProcess(pid: number, pgDataDir?: string): Promise<boolean> {
  if (!isProcessAlive(pid)) return false;
  try {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    if (!cmdline.includes('postgres')) return false;
  } catch {
    return process.platform !== 'linux';
  }
  if (pgDataDir === undefined) return true;
  const [cwd, dir] = await Promise.all([readlink(`/proc/${pid}/cwd`).catch(() => undefined), realpath(pgDataDir).catch(() => undefined)]);
  // Unreadable (another user's process, no /proc): keep the cautious answer rather than drop a live server's lock.
  return cwd === undefined || dir === undefined || cwd === dir;
}
