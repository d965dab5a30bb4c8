import autocannon from 'autocannon';
import { cpuSnapshot, cpuUsage, type CpuGroups, type CpuUsage } from './cpu.ts';
import { percentile, round } from './stats.ts';

export interface LatencyTarget {
  /** e.g. "embedded POST /api/projects". */
  label: string;
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** JSON text; `[<id>]` is replaced by a fresh id in every request. */
  body?: string;
  /** The server's processes by group (asked after the warm-up), whose CPU time the measured run records. */
  cpuGroups?: () => Promise<CpuGroups>;
}

export interface LatencySettings {
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
}

export interface LatencyResult {
  label: string;
  method: string;
  path: string;
  connections: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  meanMs: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  cpu: CpuUsage;
  /** autocannon's own figures (its histogram has 1 ms resolution), for cross-checking. */
  autocannon: { requestsPerSecondAverage: number; p50Ms: number; p99Ms: number };
}

interface Run { result: autocannon.Result; times: Float64Array; statusCodes: Record<string, number> }

function cannon(target: LatencyTarget, connections: number, seconds: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    let times = new Float64Array(1 << 16);
    let count = 0;
    const statusCodes: Record<string, number> = {};
    const instance = autocannon({
      url: target.url,
      method: target.method,
      connections,
      pipelining: 1,
      duration: seconds,
      timeout: 10,
      ...(target.headers ? { headers: target.headers } : {}),
      ...(target.body === undefined ? {} : { body: target.body, idReplacement: target.body.includes('[<id>]') }),
    }, (error: unknown, result: autocannon.Result) => {
      if (error) reject(error instanceof Error ? error : new Error(String(error)));
      else resolve({ result, times: times.slice(0, count).sort(), statusCodes });
    });
    // autocannon's histogram keeps whole milliseconds; the response event carries the exact time.
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
      if (statusCode < 200 || statusCode >= 300) return;
      if (count === times.length) {
        const bigger = new Float64Array(times.length * 2);
        bigger.set(times);
        times = bigger;
      }
      times[count++] = responseTime;
    });
  });
}

function assertClean(label: string, phase: string, run: Run): void {
  const { result } = run;
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(
      `${label} (${phase}): ${result.non2xx} non-2xx responses, ${result.errors} errors, ${result.timeouts} timeouts; ` +
        `status codes ${JSON.stringify(run.statusCodes)}. Latency figures with failures would be meaningless.`,
    );
  }
}

/** A warm-up run (discarded), then the measured run; fails if any response is not 2xx. */
export async function measureLatency(target: LatencyTarget, settings: LatencySettings): Promise<LatencyResult> {
  if (settings.warmupSeconds > 0) assertClean(target.label, 'warm-up', await cannon(target, settings.connections, settings.warmupSeconds));
  const groups = (await target.cpuGroups?.()) ?? {};
  const before = cpuSnapshot(groups);
  const run = await cannon(target, settings.connections, settings.durationSeconds);
  const after = cpuSnapshot(groups);
  assertClean(target.label, 'measured run', run);
  const { result, times } = run;
  let sum = 0;
  for (const t of times) sum += t;
  const ms = (v: number) => round(v, 2);
  return {
    label: target.label,
    method: target.method,
    path: new URL(target.url).pathname + new URL(target.url).search,
    connections: settings.connections,
    durationSeconds: result.duration,
    requests: times.length,
    requestsPerSecond: round(times.length / result.duration, 0),
    meanMs: ms(sum / times.length),
    p50Ms: ms(percentile(times, 50)),
    p90Ms: ms(percentile(times, 90)),
    p99Ms: ms(percentile(times, 99)),
    maxMs: ms(times[times.length - 1] ?? Number.NaN),
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: run.statusCodes,
    cpu: cpuUsage(before, after, times.length),
    autocannon: { requestsPerSecondAverage: result.requests.average, p50Ms: result.latency.p50, p99Ms: result.latency.p99 },
  };
}
