import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { FoundryColdStarts, Samples } from './cold-start.ts';
import type { LatencyResult, LatencySettings } from './measure-latency.ts';
import type { GroupMemory, ProcessMemory } from './rss.ts';
import type { HeapFigures } from './foundry-api.ts';
import type { ServerSettings, TableStatistics } from './scratch-db.ts';
import type { FoundryMode } from './spawn-foundry.ts';
import { mib, round } from './stats.ts';

export interface MachineInfo {
  date: string;
  node: string;
  platform: string;
  cpus: number;
  cpuModel: string;
  memoryTotalGiB: number;
  /** 1-minute load average when the run began and ended (other work on the machine shows here). */
  loadAverageStart: number;
  loadAverageEnd: number;
  /** Cores busy (with other work) during the 2 s before the run. */
  busyCoresBefore: number;
}

export interface ModeResults {
  mode: FoundryMode;
  coldStart: Omit<FoundryColdStarts, 'dataDir' | 'databaseUrl'>;
  database: ServerSettings;
  idle: { foundry: ProcessMemory; postgres?: GroupMemory; heap: HeapFigures };
  afterLoad: { foundry: ProcessMemory; postgres?: GroupMemory };
  /** Projects in the workspace when the list runs started. */
  projectsBeforeList: number;
  /** What the query planner knew about `projects` around the list runs, and the plans it chose. */
  planner: { statisticsBefore: TableStatistics; statisticsAfterFreshRun: TableStatistics; planBefore: string[]; planAnalyzed: string[] };
  latency: { create: LatencyResult; listFresh: LatencyResult; listAnalyzed: LatencyResult };
}

export interface BenchResults {
  machine: MachineInfo;
  settings: LatencySettings & { coldStartRuns: number; idleSeconds: number; pollIntervalMs: number };
  baseline: { coldStart: Samples; idle: ProcessMemory; latency: LatencyResult };
  /** Node start + loading Foundry's modules, no database and no port (bench/import-time.ts). */
  moduleLoad: Samples;
  modes: ModeResults[];
  wallSeconds: number;
}

/** A Markdown table, padded so it also reads well in a terminal. */
function table(header: string[], rows: string[][], right: boolean[] = []): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (right[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (right[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

const ms = (v: number) => (v >= 100 ? String(Math.round(v)) : v.toFixed(v >= 10 ? 1 : 2));
const mb = (bytes: number) => `${mib(bytes).toFixed(1)}`;
const int = (v: number) => Math.round(v).toLocaleString('en-US');
const modeName = (mode: FoundryMode) => (mode === 'embedded' ? 'embedded' : 'PostgreSQL');
const times = (a: number, b: number) => `${(a / b).toFixed(1)}x`;

export function formatReport(r: BenchResults): string {
  const m = r.machine;
  const s = r.settings;
  const out: string[] = [];
  out.push(`Foundry benchmark, ${m.date}`);
  out.push(`${m.platform}, ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryTotalGiB} GiB RAM, Node ${m.node}`);
  out.push(`other work: ${m.busyCoresBefore.toFixed(2)} cores busy just before the run; load average (1 min) ${m.loadAverageStart.toFixed(2)} at the start, ${m.loadAverageEnd.toFixed(2)} at the end`);
  out.push(`load: autocannon in the orchestrating process, ${s.connections} connections, ${s.durationSeconds} s measured after ${s.warmupSeconds} s warm-up, 127.0.0.1`);
  for (const mode of r.modes) {
    const d = mode.database;
    out.push(`${modeName(mode.mode)} database: PostgreSQL ${d.version}, fsync=${d.fsync}, synchronous_commit=${d.synchronousCommit}, shared_buffers=${d.sharedBuffers}, autovacuum=${d.autovacuum}`);
  }

  out.push('', `Cold start: spawn to the first 200 (polled every ${s.pollIntervalMs} ms), median of ${s.coldStartRuns}`, '');
  const cold = (label: string, x: Samples) => [label, ms(x.medianMs), `${ms(x.minMs)} - ${ms(x.maxMs)}`, times(x.medianMs, r.baseline.coldStart.medianMs)];
  const coldRows = [
    cold('baseline: bare Fastify, GET /hello', r.baseline.coldStart),
    cold('Foundry modules loaded (node start + imports; no db, no port)', r.moduleLoad),
  ];
  for (const mode of r.modes) {
    const c = mode.coldStart;
    coldRows.push(cold(mode.mode === 'embedded' ? 'embedded, first start (initdb + migrations)' : 'PostgreSQL, first start (empty database, migrations)', c.firstStart));
    coldRows.push(cold(`${modeName(mode.mode)}, restart`, c.restart));
    coldRows.push([`${modeName(mode.mode)}, shutdown (SIGTERM to exit)`, ms(c.shutdown.medianMs), `${ms(c.shutdown.minMs)} - ${ms(c.shutdown.maxMs)}`, '']);
  }
  out.push(table(['what (GET /readyz unless said)', 'median ms', 'min - max ms', 'vs baseline'], coldRows, [false, true, true, true]));

  out.push('', `Memory: VmRSS ${s.idleSeconds} s after ready (idle), and after the latency runs`, '');
  const memRows: string[][] = [['baseline: bare Fastify node', mb(r.baseline.idle.rssBytes), '', '']];
  for (const mode of r.modes) {
    memRows.push([`${modeName(mode.mode)}: Foundry node process`, mb(mode.idle.foundry.rssBytes), mb(mode.afterLoad.foundry.rssBytes), mb(mode.afterLoad.foundry.peakRssBytes)]);
    const h = mode.idle.heap;
    memRows.push([`${modeName(mode.mode)}: of which V8 heap used / total, external`, `${mb(h.heapUsedBytes)} / ${mb(h.heapTotalBytes)}, ${mb(h.externalBytes)}`, '', '']);
    const pg = mode.idle.postgres;
    const pgAfter = mode.afterLoad.postgres;
    if (pg && pgAfter) {
      memRows.push([`${modeName(mode.mode)}: PostgreSQL, sum of RSS (${pg.processes} / ${pgAfter.processes} processes)`, mb(pg.rssSumBytes), mb(pgAfter.rssSumBytes), '']);
      memRows.push([`${modeName(mode.mode)}: PostgreSQL, sum of PSS (shared pages split)`, mb(pg.pssSumBytes), mb(pgAfter.pssSumBytes), '']);
    }
  }
  out.push(table(['process', 'idle MiB', 'after load MiB', 'peak MiB'], memRows, [false, true, true, true]));

  out.push('', `API latency: ${s.connections} concurrent connections, ${s.durationSeconds} s each`, '');
  const cpu = (l: LatencyResult, group: string) => (l.cpu.usPerRequest[group] === undefined ? '' : String(Math.round(l.cpu.usPerRequest[group]!)));
  const lat = (l: LatencyResult) => [
    l.label, int(l.requestsPerSecond), ms(l.p50Ms), ms(l.p99Ms), ms(l.maxMs), String(l.non2xx),
    cpu(l, 'server'), cpu(l, 'postgres'), l.cpu.machineBusyCores.toFixed(2), (l.cpu.seconds.other ?? 0).toFixed(1),
  ];
  const latRows = [lat(r.baseline.latency)];
  for (const mode of r.modes) latRows.push(lat(mode.latency.create), lat(mode.latency.listFresh), lat(mode.latency.listAnalyzed));
  out.push(table(
    ['run', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'non-2xx', 'node CPU µs/req', 'pg CPU µs/req', 'busy cores', 'other CPU s'],
    latRows, [false, true, true, true, true, true, true, true, true, true],
  ));
  out.push('', 'node / pg CPU µs/req: CPU time of the server process / of the PostgreSQL processes serving its database, per request.',
    'busy cores: whole machine (2 = all). other CPU s: CPU used during the run by anything but the server, its database, the load',
    'generator and interrupt handling (loopback TCP); above 0 it means other programs competed for the cores.');
  const disturbed = [r.baseline.latency, ...r.modes.flatMap((x) => [x.latency.create, x.latency.listFresh, x.latency.listAnalyzed])]
    .filter((l) => (l.cpu.seconds.other ?? 0) > 0.1 * l.durationSeconds);
  for (const l of disturbed) {
    out.push(`! ${l.label}: other processes used ${(l.cpu.seconds.other ?? 0).toFixed(1)} CPU-s during the ${l.durationSeconds.toFixed(0)} s run; the machine was not quiet.`);
  }

  out.push('', 'Query planner and GET /api/projects (first page, newest first)', '');
  for (const mode of r.modes) {
    const p = mode.planner;
    const analyzedDuring = p.statisticsAfterFreshRun.lastAutoanalyze !== p.statisticsBefore.lastAutoanalyze;
    out.push(`- ${modeName(mode.mode)}: ${int(mode.projectsBeforeList)} projects; before the first list run the planner's statistics were ` +
      `${p.statisticsBefore.lastAutoanalyze || p.statisticsBefore.lastAnalyze ? 'from an earlier analyze' : 'absent (never analyzed)'}, ` +
      `${int(p.statisticsBefore.modifiedSinceAnalyze)} rows changed since${analyzedDuring ? '; autovacuum analyzed the table DURING that run' : ''}`);
    out.push(`  plan just inserted: ${planShape(p.planBefore)}`);
    out.push(`  plan after ANALYZE: ${planShape(p.planAnalyzed)}`);
  }

  const b = r.baseline.latency;
  out.push('', 'Against the baseline (same run, same settings)', '');
  for (const mode of r.modes) {
    for (const l of [mode.latency.create, mode.latency.listFresh, mode.latency.listAnalyzed]) {
      out.push(`- ${l.label}: p50 ${ms(l.p50Ms)} ms (baseline hello ${ms(b.p50Ms)} ms, ${times(l.p50Ms, b.p50Ms)}), ` +
        `p99 ${ms(l.p99Ms)} ms (baseline ${ms(b.p99Ms)} ms), ${int(l.requestsPerSecond)} req/s (baseline ${int(b.requestsPerSecond)} req/s, ${round((100 * l.requestsPerSecond) / b.requestsPerSecond, 1)}%)`);
    }
    out.push(`- ${modeName(mode.mode)} cold start: restart ${ms(mode.coldStart.restart.medianMs)} ms, first start ${ms(mode.coldStart.firstStart.medianMs)} ms (baseline hello ${ms(r.baseline.coldStart.medianMs)} ms); ` +
      `idle RSS ${mb(mode.idle.foundry.rssBytes)} MiB (baseline ${mb(r.baseline.idle.rssBytes)} MiB)` +
      (mode.idle.postgres ? ` + PostgreSQL ${mb(mode.idle.postgres.pssSumBytes)} MiB PSS` : ''));
  }
  out.push('', `wall time ${round(r.wallSeconds, 0)} s`);
  return out.join('\n');
}

/** "Limit > Sort > Nested Loop Left Join > ..." from EXPLAIN's text lines. */
function planShape(lines: string[]): string {
  return lines
    .filter((l) => /^\s*(->\s*)?[A-Z]/.test(l) && l.includes('(cost='))
    .map((l) => l.replace(/^\s*(->\s*)?/, '').replace(/\s*\(cost=.*$/, ''))
    .join(' > ');
}

export async function writeJson(path: string, results: BenchResults): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(results, null, 2)}\n`);
}
