import { NonRetryableStepError } from '../../src/engine/index.ts';
import type { FoundryPlugin, ToolCallContext } from '../../src/kernel/index.ts';

/**
 * Tools whose effect is an HTTP call to a recorder server (test/durability/support/recorder.ts),
 * carrying the call's idempotency key, so a test can count how often each effect happened. Load
 * it into `foundry worker` with FOUNDRY_PLUGINS=test/support/recorder-plugin.ts; the recorder's
 * address comes from FOUNDRY_TEST_RECORDER_URL, read at call time.
 *
 * - `recorder.effect` ({ node }): posts the effect.
 * - `recorder.compensate` ({ node }): announces itself (`/begin`, not an effect), waits, posts the
 *   effect, waits again: about 2 × FOUNDRY_TEST_RECORDER_DELAY_MS (default 150 ms), so a worker can
 *   be killed before or after the effect and before the step is recorded.
 * - `recorder.fail`: fails for good (NonRetryableStepError), to start a saga's compensation.
 */

export interface RecorderCall {
  key: string;
  kind: 'execute' | 'compensate';
  node: string;
  runId: string;
  stepId: string;
  /** The worker process that made the call. */
  pid: number;
}

function recorderUrl(): string {
  const url = process.env.FOUNDRY_TEST_RECORDER_URL;
  if (!url) throw new NonRetryableStepError({ message: 'FOUNDRY_TEST_RECORDER_URL is not set in this worker.' });
  return url;
}

async function post(path: string, body: RecorderCall, signal: AbortSignal): Promise<{ duplicate: boolean }> {
  const response = await fetch(new URL(path, recorderUrl()), {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal,
  });
  if (!response.ok) throw new Error(`recorder answered ${response.status}: ${await response.text()}`);
  return await response.json() as { duplicate: boolean };
}

const pause = (ms: number, signal: AbortSignal) => new Promise<void>((resolve, reject) => {
  const timer = setTimeout(resolve, ms);
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    reject(signal.reason);
  }, { once: true });
});

const callOf = (kind: RecorderCall['kind'], input: Record<string, unknown>, call: ToolCallContext): RecorderCall => ({
  key: call.idempotencyKey, kind, node: String(input.node ?? ''), runId: call.runId, stepId: call.stepId, pid: process.pid,
});

const recorderPlugin: FoundryPlugin = {
  name: 'test-recorder',
  tools: [
    {
      name: 'recorder.effect',
      description: 'Records an effect, by idempotency key, at the test recorder.',
      async execute(input, call) {
        const answer = await post('/effect', callOf('execute', input, call), call.signal);
        return { output: { duplicate: answer.duplicate } };
      },
    },
    {
      name: 'recorder.compensate',
      description: 'A slow compensation: announces itself, waits, records its effect, waits.',
      async execute(input, call) {
        const delay = Number(process.env.FOUNDRY_TEST_RECORDER_DELAY_MS ?? 150);
        const body = callOf('compensate', input, call);
        await post('/begin', body, call.signal);
        await pause(delay, call.signal);
        const answer = await post('/effect', body, call.signal);
        await pause(delay, call.signal);
        return { output: { duplicate: answer.duplicate } };
      },
    },
    {
      name: 'recorder.fail',
      description: 'Fails for good.',
      async execute(input) {
        throw new NonRetryableStepError({ message: `Step ${String(input.node ?? '')} always fails.` });
      },
    },
  ],
};

export default recorderPlugin;
