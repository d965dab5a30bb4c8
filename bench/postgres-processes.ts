import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sleep } from './stats.ts';

/** The postmaster pid and port of the embedded cluster in a Foundry data directory, if it runs. */
export async function embeddedPostmaster(dataDir: string): Promise<{ pid: number; port: number } | undefined> {
  const text = await readFile(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').catch(() => undefined);
  if (!text) return undefined;
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !(await isPostgres(pid))) return undefined;
  return { pid, port };
}

async function isPostgres(pid: number): Promise<boolean> {
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  return cmdline.includes('postgres');
}

async function parentOf(pid: number): Promise<number | undefined> {
  const text = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => undefined);
  const match = text?.match(/^PPid:\s+(\d+)/m);
  return match ? Number(match[1]) : undefined;
}

/** The postmaster of the data directory and every process it forked (backends, checkpointer ...). */
export async function embeddedPostgresPids(dataDir: string): Promise<number[]> {
  const postmaster = await embeddedPostmaster(dataDir);
  if (!postmaster) return [];
  const pids = [postmaster.pid];
  for (const entry of await readdir('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === postmaster.pid) continue;
    if ((await parentOf(pid)) === postmaster.pid) pids.push(pid);
  }
  return pids;
}

/**
 * Stops an embedded server that outlived its Foundry (only after a crash: Foundry stops it on
 * SIGTERM). SIGINT is PostgreSQL's fast shutdown; SIGKILL if it has not gone within 15 s.
 */
export async function stopOrphanPostgres(dataDir: string): Promise<void> {
  const postmaster = await embeddedPostmaster(dataDir);
  if (!postmaster) return;
  console.error(`! the embedded PostgreSQL of ${dataDir} (pid ${postmaster.pid}) is still running; stopping it`);
  process.kill(postmaster.pid, 'SIGINT');
  for (let i = 0; i < 150; i++) {
    if (!(await isPostgres(postmaster.pid))) return;
    await sleep(100);
  }
  process.kill(postmaster.pid, 'SIGKILL');
}
