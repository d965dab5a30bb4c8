import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RecorderCall } from '../../support/recorder-plugin.ts';

/**
 * The external service of the crash tests: it stores each effect once by its idempotency key, as
 * a well-behaved service does, and counts the repeats (proof that delivery was at-least-once).
 */

export interface RecordedEffect extends RecorderCall {
  /** Order of first receipt, from 1. */
  seq: number;
  /** When it was first received (ms, this process's monotonic clock). */
  at: number;
  /** Later calls with the same key: acknowledged, not recorded again. */
  repeats: number;
  /** Processes that sent it, first one first. */
  pids: number[];
}

export interface Recorder {
  url: string;
  effects: Map<string, RecordedEffect>;
  /** Calls of keys already recorded. */
  duplicates(): number;
  /** `/begin` announcements received (compensations about to make their effect). */
  begins: RecorderCall[];
  /** Called before the answer is sent: a test may kill the calling worker here. */
  onCall?: (event: { path: '/begin' | '/effect'; call: RecorderCall; duplicate: boolean }) => void;
  close(): Promise<void>;
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function isCall(value: unknown): value is RecorderCall {
  const v = value as Partial<RecorderCall> | null;
  return typeof v === 'object' && v !== null && typeof v.key === 'string' && typeof v.runId === 'string' && typeof v.node === 'string'
    && (v.kind === 'execute' || v.kind === 'compensate') && typeof v.pid === 'number';
}

/** `effectDelayMs`: how long to hold each answer to /effect (a slower service keeps more calls in flight when a worker dies). */
export async function startRecorder(options: { effectDelayMs?: () => number } = {}): Promise<Recorder> {
  const effects = new Map<string, RecordedEffect>();
  let duplicates = 0;
  let seq = 0;
  const recorder: Recorder = {
    url: '', effects, begins: [],
    duplicates: () => duplicates,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
  const answer = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };
  const server = createServer((request, response) => {
    void (async () => {
      const path = request.url;
      if (request.method !== 'POST' || (path !== '/effect' && path !== '/begin')) return answer(response, 404, { error: 'not found' });
      const call = await readJson(request);
      if (!isCall(call)) return answer(response, 400, { error: 'bad call' });
      if (path === '/begin') {
        recorder.begins.push(call);
        recorder.onCall?.({ path, call, duplicate: false });
        return answer(response, 200, { duplicate: false });
      }
      const known = effects.get(call.key);
      if (known) {
        duplicates += 1;
        known.repeats += 1;
        known.pids.push(call.pid);
      } else {
        seq += 1;
        effects.set(call.key, { ...call, seq, at: performance.now(), repeats: 0, pids: [call.pid] });
      }
      recorder.onCall?.({ path, call, duplicate: known !== undefined });
      const delay = options.effectDelayMs?.() ?? 0;
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
      return answer(response, 200, { duplicate: known !== undefined });
    })().catch((error: unknown) => answer(response, 500, { error: String(error) }));
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  recorder.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return recorder;
}
