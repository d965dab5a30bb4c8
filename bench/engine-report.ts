import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CommitRate, EngineTarget } from './engine-db.ts';
import { actionSteps, nodesPerRun, type EngineResult, type Latency } from './engine-workload.ts';

export interface TargetResults {
  target: EngineTarget;
  settings: Record<string, string>;
  raw: CommitRate;
  /** The same on 10 connections at once (group commit): for reference, not the target. */
  rawGrouped: CommitRate;
  engine: EngineResult[];
}

export interface EngineBenchResults {
  machine: { date: string; node: string; platform: string; cpus: number; cpuModel: string; memoryTotalGiB: number; loadAverageStart: number; loadAverageEnd: number; busyCoresBefore: number };
  settings: { seconds: number; warmupSeconds: number; concurrencies: number[] };
  targets: TargetResults[];
  wallSeconds: number;
}

/** Share of the raw commit rate the engine must reach. */
export const targetShare = 0.5;

export async function writeEngineJson(path: string, results: EngineBenchResults): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(results, null, 2)}\n`);
}

function table(header: string[], rows: string[][], right: boolean[] = []): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (right[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (right[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

const int = (v: number) => Math.round(v).toLocaleString('en-US');
const ms = (v: number | undefined) => (v === undefined ? '' : v >= 100 ? String(Math.round(v)) : v.toFixed(v >= 10 ? 1 : 2));
const pct = (v: number) => `${(v * 100).toFixed(0)}%`;
const name = (t: EngineTarget) => (t === 'embedded' ? 'embedded' : 'PostgreSQL');
const shapeName = (r: EngineResult) => (r.shape === 'chain' ? `chain of ${actionSteps}` : `fan-out ${actionSteps} wide`);
const lat = (l: Latency | undefined) => (l === undefined ? '' : `${ms(l.p50)} / ${ms(l.p99)}`);

/** Write transactions this process issued per action step, and the biggest senders. */
export function commitsPerStep(r: EngineResult): {
  total: number; roundTrips: number;
  bySender: { label: string; writes: boolean; perStep: number; perRun: number; roundTripsPerStep: number }[];
} {
  const steps = r.runs * actionSteps;
  const per = (n: number, d: number) => (d === 0 ? Number.NaN : n / d);
  const total = r.transactions.filter((t) => t.writes).reduce((sum, t) => sum + t.count, 0);
  return {
    total: per(total, steps),
    roundTrips: per(r.transactions.reduce((sum, t) => sum + t.statements, 0), steps),
    bySender: r.transactions.map((t) => ({ label: t.label, writes: t.writes, perStep: per(t.count, steps), perRun: per(t.count, r.runs), roundTripsPerStep: per(t.statements, steps) })),
  };
}

export function formatEngineReport(results: EngineBenchResults): string {
  const out: string[] = [];
  const rows: string[][] = [];
  for (const t of results.targets) {
    rows.push([`${name(t.target)}: raw INSERT+COMMIT, 1 connection`, '', int(t.raw.perSecond), '100%', `${ms(t.raw.p50Ms)} / ${ms(t.raw.p99Ms)} (commit)`, '', '1', '', '']);
    rows.push([`${name(t.target)}: raw INSERT+COMMIT, ${t.rawGrouped.connections} connections`, '', int(t.rawGrouped.perSecond), pct(t.rawGrouped.perSecond / t.raw.perSecond),
      `${ms(t.rawGrouped.p50Ms)} / ${ms(t.rawGrouped.p99Ms)} (commit)`, '', '1', '', '']);
    for (const r of t.engine) {
      const share = r.actionStepsPerSecond / t.raw.perSecond;
      rows.push([
        `${name(t.target)}: ${shapeName(r)}`, String(r.concurrency), int(r.actionStepsPerSecond), pct(share),
        r.shape === 'chain' ? `${lat(r.callToCall)}` : '', r.shape === 'chain' ? lat(r.tableGap) : '',
        commitsPerStep(r).total.toFixed(2),
        `${int(r.cpu.usPerRequest['load generator'] ?? 0)} + ${int(r.cpu.usPerRequest.postgres ?? 0)}`,
        (r.cpu.seconds.other ?? 0).toFixed(1),
      ]);
    }
  }
  out.push(table(
    ['what', 'runs at once', 'steps/s', 'of raw', 'step→step p50 / p99 ms', 'table gap p50 / p99 ms', 'write tx per step', 'CPU µs per step node + pg', 'other CPU s'],
    rows, [false, true, true, true, true, true, true, true, true],
  ));
  out.push('');
  out.push(`Target: engine steps/s ≥ ${pct(targetShare)} of the raw commit rate of the same database. steps/s counts the ${actionSteps} no-op action steps of each`);
  out.push(`run (a chain run has ${nodesPerRun.chain} nodes with trigger and output, a fan-out run ${nodesPerRun.fanout}). step→step: from one no-op call to the next step's call in the`);
  out.push('chain, measured in the tool (includes the commit between them). table gap: next attempt startedAt minus the previous finishedAt in');
  out.push('workflow_attempts (both are stamped before the batch is committed, so it leaves the commit out). write tx per step: transactions this');
  out.push('process sent that wrote, per action step (every one waits for a WAL flush). The 10-connection raw row shows what group commit allows');
  out.push('(commits arriving together share one flush); it is for reference, the target is against 1 connection. CPU per step: of this');
  out.push('process (Foundry with its worker, and the clients) and of the PostgreSQL processes serving the database. other CPU s: CPU that');
  out.push('anything else on the machine used during the 10 s; above a few tenths, other programs competed for the cores.');
  for (const t of results.targets) {
    const missed = t.engine.filter((r) => r.actionStepsPerSecond < targetShare * t.raw.perSecond);
    out.push(`${name(t.target)}: ${missed.length === 0 ? 'every measurement meets the target' : `${missed.length} of ${t.engine.length} measurements miss the target (${int(targetShare * t.raw.perSecond)} steps/s)`}.`);
  }
  for (const t of results.targets) {
    for (const r of t.engine) {
      const c = commitsPerStep(r);
      out.push('');
      out.push(`${name(t.target)}, ${shapeName(r)}, ${r.concurrency} at a time: ${r.runs} runs in ${r.seconds.toFixed(1)} s, ${int(r.actionStepsPerSecond)} steps/s, ` +
        `${r.failedRuns} not succeeded; server: ${int(r.server.writeTransactions)} write transactions (${(r.server.writeTransactions / Math.max(1, r.runs * actionSteps)).toFixed(2)}/step), ` +
        `${r.server.walSyncs === undefined ? '?' : int(r.server.walSyncs)} WAL flushes; CPU per step: node ${int(r.cpu.usPerRequest['load generator'] ?? 0)} µs, ` +
        `PostgreSQL ${int(r.cpu.usPerRequest.postgres ?? 0)} µs; ${r.cpu.machineBusyCores} cores busy (other programs: ${r.cpu.seconds.other ?? 0} CPU-s)`);
      out.push(table(['transactions this process sent, by sender', 'wrote', 'per run', 'per step', 'round trips per step'],
        [...c.bySender.map((s) => [s.label, s.writes ? 'yes' : 'no', s.perRun.toFixed(2), s.perStep.toFixed(2), s.roundTripsPerStep.toFixed(2)]),
          ['all', '', '', '', c.roundTrips.toFixed(2)]], [false, false, true, true, true]));
    }
  }
  out.push('');
  out.push(`Machine: ${results.machine.cpus} cores (${results.machine.cpuModel}), ${results.machine.memoryTotalGiB} GiB, ${results.machine.platform}, Node ${results.machine.node}; ` +
    `${results.machine.busyCoresBefore} cores busy with other work just before; load average ${results.machine.loadAverageStart} at the start, ${results.machine.loadAverageEnd} at the end.`);
  for (const t of results.targets) {
    out.push(`${name(t.target)}: PostgreSQL ${t.settings.server_version}, fsync=${t.settings.fsync}, synchronous_commit=${t.settings.synchronous_commit}, ` +
      `wal_sync_method=${t.settings.wal_sync_method}, commit_delay=${t.settings.commit_delay}.`);
  }
  out.push(`Each measurement: ${results.settings.warmupSeconds} s warm-up, ${results.settings.seconds} s measured, a fresh database. Whole run: ${Math.round(results.wallSeconds)} s.`);
  return out.join('\n');
}
