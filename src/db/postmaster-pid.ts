import { readFile } from 'node:fs/promises';
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

/** True when `pid` is alive and is a PostgreSQL server (a recycled pid is not). */
export async function isPostgresProcess(pid: number): Promise<boolean> {
  if (!isProcessAlive(pid)) return false;
  try {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('postgres');
  } catch {
    return process.platform !== 'linux';
  }
}
