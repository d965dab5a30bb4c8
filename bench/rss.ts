import { readFile } from 'node:fs/promises';

/** A value in kB from /proc/<pid>/status (VmRSS, VmHWM ...), or undefined if the process is gone. */
async function statusKb(pid: number, field: string): Promise<number | undefined> {
  const text = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => undefined);
  const match = text?.match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  return match ? Number(match[1]) : undefined;
}

async function pssKb(pid: number): Promise<number | undefined> {
  const text = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => undefined);
  const match = text?.match(/^Pss:\s+(\d+) kB/m);
  return match ? Number(match[1]) : undefined;
}

export interface ProcessMemory {
  pid: number;
  /** Resident set size now, bytes. */
  rssBytes: number;
  /** Peak resident set size since the start, bytes. */
  peakRssBytes: number;
}

/** VmRSS and VmHWM of one process. */
export async function processMemory(pid: number): Promise<ProcessMemory> {
  const rss = await statusKb(pid, 'VmRSS');
  if (rss === undefined) throw new Error(`cannot read /proc/${pid}/status (has the process exited?)`);
  return { pid, rssBytes: rss * 1024, peakRssBytes: ((await statusKb(pid, 'VmHWM')) ?? rss) * 1024 };
}

export interface GroupMemory {
  processes: number;
  /** Sum of VmRSS: counts pages shared between the processes (shared_buffers) once per process. */
  rssSumBytes: number;
  /** Sum of the proportional set sizes: shared pages split between their users, so it adds up. */
  pssSumBytes: number;
}

/** Memory of a group of processes (the embedded PostgreSQL server and its backends). */
export async function groupMemory(pids: readonly number[]): Promise<GroupMemory> {
  let processes = 0;
  let rss = 0;
  let pss = 0;
  for (const pid of pids) {
    const r = await statusKb(pid, 'VmRSS');
    if (r === undefined) continue;
    processes++;
    rss += r;
    pss += (await pssKb(pid)) ?? r;
  }
  return { processes, rssSumBytes: rss * 1024, pssSumBytes: pss * 1024 };
}
