import type { RunEventView, RunView } from '../engine/index.ts';
import { isTerminal } from '../engine/index.ts';
import type { ApiCall, OpenStream } from './api-client.ts';
import { createEventStreamParser } from './run-event-stream.ts';

export interface FollowRunOptions {
  call: ApiCall;
  open: OpenStream;
  runId: string;
  /** Events up to this seq are known already. @default 0 */
  after?: number;
  /** Each event once, in seq order. */
  onEvent(event: RunEventView): void | Promise<void>;
  /** A RunView fetched while polling (the stream was unavailable). */
  onSnapshot?(run: RunView): void | Promise<void>;
  /** Streams opened in a row that end with no event before falling back to polling. @default 3 */
  maxStreamFailures?: number;
  /** Between polls. @default 1000 */
  pollIntervalMs?: number;
  /** A stream that carries nothing (not even a heartbeat) for this long is reopened. @default 60000 */
  idleTimeoutMs?: number;
  /** Test hook: waiting between reconnects and polls. */
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function asRunEvent(data: string): RunEventView | undefined {
  try {
    const value = JSON.parse(data) as Partial<RunEventView>;
    return typeof value.seq === 'number' && typeof value.type === 'string' ? (value as RunEventView) : undefined;
  } catch {
    return undefined;
  }
}

type StreamOutcome = { kind: 'completed' } | { kind: 'ended'; received: number; retryMs?: number } | { kind: 'unavailable' };

/**
 * Follows a run until it ends and returns its final RunView. Reads `GET /api/runs/:id/stream`,
 * reopening it with `after=<last seq>` when it drops; when the stream cannot be had (not served,
 * not an event stream, or failing `maxStreamFailures` times in a row) it polls `GET
 * /api/runs/:id/events` and `GET /api/runs/:id` instead.
 */
export async function followRun(options: FollowRunOptions): Promise<RunView> {
  const { call, runId, maxStreamFailures = 3, pollIntervalMs = 1_000, sleep = defaultSleep } = options;
  let after = options.after ?? 0;
  const path = (route: string) => `/api/runs/${encodeURIComponent(runId)}/${route}?after=${after}`;
  const getRun = () => call<RunView>('GET', `/api/runs/${encodeURIComponent(runId)}`);
  let completed = false;
  const deliver = async (event: RunEventView) => {
    if (event.seq <= after) return;
    after = event.seq;
    await options.onEvent(event);
    if (event.type === 'run.completed') completed = true;
  };

  async function readStream(): Promise<StreamOutcome> {
    const controller = new AbortController();
    const idleMs = options.idleTimeoutMs ?? 60_000;
    let idle: NodeJS.Timeout | undefined;
    const touch = () => {
      clearTimeout(idle);
      idle = setTimeout(() => controller.abort(), idleMs);
    };
    const parser = createEventStreamParser();
    let received = 0;
    try {
      touch();
      let response: Response;
      try {
        response = await options.open(path('stream'), controller.signal);
      } catch {
        return { kind: 'ended', received };
      }
      if (!response.ok || !response.body || !(response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
        await response.body?.cancel().catch(() => undefined);
        return { kind: 'unavailable' };
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          touch();
          for (const message of parser.push(value)) {
            const event = asRunEvent(message.data);
            if (!event) continue;
            await deliver(event);
            received++;
            if (completed) return { kind: 'completed' };
          }
        }
      } catch {
        // dropped (network error or idle timeout): reopen from the last seq
      } finally {
        reader.cancel().catch(() => undefined);
      }
      return { kind: 'ended', received, retryMs: parser.retryMs };
    } finally {
      clearTimeout(idle);
      controller.abort();
    }
  }

  /** The run, with the rest of its timeline delivered, when it has ended; undefined otherwise or when unknown. */
  const ended = async (): Promise<RunView | undefined> => {
    const run = await getRun().catch(() => undefined);
    if (!run || !isTerminal(run.status)) return undefined;
    const rest = await call<{ items: RunEventView[] }>('GET', path('events')).catch(() => ({ items: [] }));
    for (const event of rest.items) await deliver(event);
    return run;
  };

  let failures = 0;
  for (;;) {
    const outcome = await readStream();
    if (outcome.kind === 'completed') return getRun();
    if (outcome.kind === 'unavailable') break;
    const run = await ended();
    if (run) return run;
    failures = outcome.received > 0 ? 0 : failures + 1;
    if (failures >= maxStreamFailures) break;
    await sleep(outcome.retryMs ?? Math.min(5_000, 250 * 2 ** failures));
  }

  let eventsServed = true;
  let outage = 0;
  for (;;) {
    let run: RunView;
    try {
      if (eventsServed) {
        const events = await call<{ items: RunEventView[] }>('GET', path('events')).catch((error: unknown) => {
          if (isTransient(error)) throw error;
          eventsServed = false;
          return { items: [] };
        });
        for (const event of events.items) await deliver(event);
      }
      run = await getRun();
      outage = 0;
    } catch (error) {
      if (!isTransient(error) || ++outage > maxOutagePolls) throw error;
      await sleep(pollIntervalMs);
      continue;
    }
    if (completed || isTerminal(run.status)) return run;
    await options.onSnapshot?.(run);
    await sleep(pollIntervalMs);
  }
}

/** Polls in a row (about two minutes) that may fail because the server is away, restarting, before giving up. */
const maxOutagePolls = 120;

/** The server is unreachable or unavailable for now: worth asking again. */
function isTransient(error: unknown): boolean {
  const { status } = error as { status?: unknown };
  return typeof status === 'number' && status >= 500;
}
