import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc CPU counters. */
const clockTicks = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** CPU seconds (user + system) a process has used, or 0 if it is gone. */
function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3; utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  } catch {
    return 0;
  }
}

/** Busy CPU seconds of the whole machine, summed over all cores, and the part spent in interrupts. */
function machineCpu(): { busy: number; interrupts: number } {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '';
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = line.trim().split(/\s+/).slice(1).map(Number);
  return { busy: (user + nice + system + irq + softirq + steal) / clockTicks, interrupts: (irq + softirq) / clockTicks };
}

function machineBusySeconds(): number {
  return machineCpu().busy;
}

function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

export type CpuGroups = Record<string, number[]>;

export interface CpuSnapshot { at: number; machine: number; interrupts: number; own: number; groups: Record<string, number> }

export interface CpuUsage {
  /** Average number of cores busy on the whole machine during the run (2 = both cores). */
  machineBusyCores: number;
  /** CPU microseconds each process group spent per completed request. */
  usPerRequest: Record<string, number>;
  /**
   * CPU seconds per group, plus `load generator` (autocannon: this process), `interrupts` (irq and
   * softirq time, mostly loopback TCP, which Linux does not charge to any process) and `other`
   * (everything else on the machine: other programs).
   */
  seconds: Record<string, number>;
}

export function cpuSnapshot(groups: CpuGroups): CpuSnapshot {
  const sums: Record<string, number> = {};
  for (const [name, pids] of Object.entries(groups)) sums[name] = pids.reduce((total, pid) => total + processCpuSeconds(pid), 0);
  const machine = machineCpu();
  return { at: performance.now(), machine: machine.busy, interrupts: machine.interrupts, own: ownCpuSeconds(), groups: sums };
}

export function cpuUsage(before: CpuSnapshot, after: CpuSnapshot, requests: number): CpuUsage {
  const wall = (after.at - before.at) / 1000;
  const seconds: Record<string, number> = {};
  let accounted = 0;
  for (const name of Object.keys(after.groups)) {
    const used = (after.groups[name] ?? 0) - (before.groups[name] ?? 0);
    seconds[name] = used;
    accounted += used;
  }
  seconds['load generator'] = after.own - before.own;
  accounted += seconds['load generator'];
  seconds.interrupts = after.interrupts - before.interrupts;
  accounted += seconds.interrupts;
  const machine = after.machine - before.machine;
  seconds.other = Math.max(0, machine - accounted);
  const usPerRequest: Record<string, number> = {};
  for (const [name, used] of Object.entries(seconds)) usPerRequest[name] = Math.round((used * 1e7) / Math.max(1, requests)) / 10;
  for (const name of Object.keys(seconds)) seconds[name] = Math.round(seconds[name]! * 100) / 100;
  return { machineBusyCores: Math.round((machine / wall) * 100) / 100, usPerRequest, seconds };
}

/** Average number of busy cores on the whole machine over the next `ms` milliseconds. */
export async function sampleMachineBusyCores(ms: number): Promise<number> {
  const start = machineBusySeconds();
  const at = performance.now();
  await new Promise((resolve) => setTimeout(resolve, ms));
  return (machineBusySeconds() - start) / ((performance.now() - at) / 1000);
}

/** Waits (up to `waitSeconds`) until fewer than 0.3 cores are busy with other work; returns the busy cores before the run. */
export async function waitForQuiet(waitSeconds: number, log: (line: string) => void): Promise<number> {
  const deadline = performance.now() + waitSeconds * 1000;
  let busy = await sampleMachineBusyCores(2_000);
  while (busy >= 0.3 && performance.now() < deadline) {
    log(`machine busy (${busy.toFixed(2)} cores in use by other processes); waiting for it to be quiet`);
    busy = await sampleMachineBusyCores(5_000);
  }
  if (busy >= 0.3) log(`! ${busy.toFixed(2)} cores are busy with other work before the run: the figures will be disturbed`);
  return busy;
}
