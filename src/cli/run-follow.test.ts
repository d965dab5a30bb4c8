import { describe, expect, it } from 'vitest';
import type { RunEventView, RunView } from '../engine/index.ts';
import { FoundryError } from '../kernel/index.ts';
import type { ApiCall, OpenStream } from './api-client.ts';
import { followRun } from './run-follow.ts';
import { runEvent, runId, runView, sse } from './run-test-fixtures.ts';

/** A response streaming `chunks`, then ending, or failing like a dropped connection when `drop`. */
function eventStream(chunks: string[], { drop = false } = {}): Response {
  const queue = [...chunks];
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = queue.shift();
      if (chunk !== undefined) controller.enqueue(new TextEncoder().encode(chunk));
      else if (drop) controller.error(new TypeError('terminated'));
      else controller.close();
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/event-stream; charset=utf-8' } });
}

const completed = runView({ status: 'succeeded', progress: { done: 3, total: 3 } });
const events = [
  runEvent(1, 'run.started', { status: 'running', progress: { done: 0, total: 3 } }),
  runEvent(2, 'step.started', { attempt: 1 }, 'start'),
  runEvent(3, 'step.succeeded', {}, 'start'),
  runEvent(4, 'run.completed', { status: 'succeeded', progress: { done: 3, total: 3 } }),
];

function fakeApi(routes: Record<string, (path: string) => unknown>): { call: ApiCall; calls: string[] } {
  const calls: string[] = [];
  const call = (async (method: string, path: string) => {
    calls.push(`${method} ${path}`);
    const route = Object.keys(routes).find((pathname) => path.split('?')[0] === pathname);
    if (!route) throw new FoundryError({ code: 'NOT_FOUND', status: 404, message: path });
    return routes[route]!(path);
  }) as ApiCall;
  return { call, calls };
}

const noSleep = async () => undefined;

describe('followRun', () => {
  it('reads the stream to run.completed, reopening it after the last seq when it drops', async () => {
    const opened: string[] = [];
    const open: OpenStream = async (path) => {
      opened.push(path);
      if (opened.length === 1) return eventStream([': hello\n\n', sse(events[0]!), sse(events[1]!).slice(0, 30)], { drop: true });
      return eventStream([sse(events[1]!), sse(events[2]!), sse(events[3]!)]);
    };
    const seen: RunEventView[] = [];
    const { call, calls } = fakeApi({ [`/api/runs/${runId}`]: () => (seen.length === 4 ? completed : runView({ status: 'running' })) });
    const run = await followRun({ call, open, runId, onEvent: (e) => void seen.push(e), sleep: noSleep });
    expect(run.status).toBe('succeeded');
    expect(opened).toEqual([`/api/runs/${runId}/stream?after=0`, `/api/runs/${runId}/stream?after=1`]);
    expect(seen.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(calls).toEqual([`GET /api/runs/${runId}`, `GET /api/runs/${runId}`]);
  });

  it('stops when a stream ends on a run that has ended, with the rest of its timeline', async () => {
    const open: OpenStream = async () => eventStream(['retry: 3000\n\n', sse(events[0]!)]);
    const { call } = fakeApi({
      [`/api/runs/${runId}`]: () => completed,
      [`/api/runs/${runId}/events`]: (path) => ({ items: events.filter((e) => e.seq > Number(path.split('after=')[1])) }),
    });
    const seen: number[] = [];
    await expect(followRun({ call, open, runId, onEvent: (e) => void seen.push(e.seq), sleep: noSleep })).resolves.toMatchObject({ status: 'succeeded' });
    expect(seen).toEqual([1, 2, 3, 4]);
  });

  it('polls the events and the run when the stream is not served', async () => {
    const open: OpenStream = async () => Response.json({ error: { code: 'NOT_FOUND', message: 'no' } }, { status: 404 });
    let polls = 0;
    const { call, calls } = fakeApi({
      [`/api/runs/${runId}/events`]: (path) => {
        const after = Number(new URL(path, 'http://x').searchParams.get('after'));
        return { items: events.slice(0, ++polls * 2).filter((e) => e.seq > after) };
      },
      [`/api/runs/${runId}`]: () => (polls >= 2 ? completed : runView({ status: 'running' })),
    });
    const seen: number[] = [];
    const snapshots: RunView[] = [];
    const run = await followRun({ call, open, runId, onEvent: (e) => void seen.push(e.seq), onSnapshot: (r) => void snapshots.push(r), sleep: noSleep });
    expect(run.status).toBe('succeeded');
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(snapshots.map((r) => r.status)).toEqual(['running']);
    expect(calls.filter((c) => c.includes('/events'))).toEqual([`GET /api/runs/${runId}/events?after=0`, `GET /api/runs/${runId}/events?after=2`]);
  });

  it('falls back to polling the run alone after repeated empty streams and no events route', async () => {
    let opens = 0;
    const open: OpenStream = async () => {
      opens++;
      return eventStream([': heartbeat\n\n']);
    };
    let gets = 0;
    const { call } = fakeApi({ [`/api/runs/${runId}`]: () => {
      return ++gets >= 3 ? runView({ status: 'failed', error: { code: 'BOOM', message: 'it broke' } }) : runView({ status: 'running' });
    } });
    const run = await followRun({ call, open, runId, onEvent: () => undefined, maxStreamFailures: 2, sleep: noSleep });
    expect(opens).toBe(2);
    expect(run).toMatchObject({ status: 'failed', error: { code: 'BOOM' } });
  });

  it('keeps polling through a short outage, and reports a lasting one', async () => {
    const open: OpenStream = async () => {
      throw new FoundryError({ code: 'SERVER_UNREACHABLE', status: 503, message: 'down' });
    };
    let gets = 0;
    const flaky = fakeApi({ [`/api/runs/${runId}`]: () => {
      if (++gets <= 4) throw new FoundryError({ code: 'SERVER_UNREACHABLE', status: 503, message: 'down' });
      return completed;
    } });
    await expect(followRun({ call: flaky.call, open, runId, onEvent: () => undefined, sleep: noSleep })).resolves.toMatchObject({ status: 'succeeded' });

    const down = fakeApi({ [`/api/runs/${runId}`]: () => {
      throw new FoundryError({ code: 'SERVER_UNREACHABLE', status: 503, message: 'down' });
    } });
    await expect(followRun({ call: down.call, open, runId, onEvent: () => undefined, sleep: noSleep })).rejects.toMatchObject({ code: 'SERVER_UNREACHABLE' });

    const gone = fakeApi({ [`/api/runs/${runId}`]: () => {
      throw new FoundryError({ code: 'RUN_NOT_FOUND', status: 404, message: 'no such run' });
    } });
    await expect(followRun({ call: gone.call, open, runId, onEvent: () => undefined, sleep: noSleep })).rejects.toMatchObject({ code: 'RUN_NOT_FOUND' });
  });
});
