import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NonRetryableStepError } from '../../src/engine/index.ts';
import { FoundryError, type FoundryPlugin } from '../../src/kernel/index.ts';

/**
 * Tools for the engine conformance suite. They keep their state in files, not in memory, so the
 * same suite runs against one process and against several `foundry worker` processes
 * (FOUNDRY_PLUGINS=test/support/engine-test-plugin.ts).
 */
const stateDir = join(tmpdir(), 'foundry-engine-test');

async function countCall(key: string): Promise<number> {
  await mkdir(stateDir, { recursive: true });
  const file = join(stateDir, `${key}.calls`);
  const calls = Number(await readFile(file, 'utf8').catch(() => '0')) + 1;
  await writeFile(file, String(calls));
  return calls;
}

const sleep = (ms: number, signal: AbortSignal) => new Promise<void>((resolve, reject) => {
  const timer = setTimeout(resolve, ms);
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    reject(signal.reason as Error);
  }, { once: true });
});

/** A transient failure the engine should retry. */
class FlakyError extends FoundryError {
  constructor(call: number) {
    super({ code: 'FLAKY', status: 503, category: 'third_party', retryable: true, message: `flaky failure on call ${call}` });
  }
}

const plugin: FoundryPlugin = {
  name: 'engine-test',
  tools: [
    { name: 'test.echo', description: 'Returns its input.', execute: async (input, call) => ({ output: { ...input, key: call.idempotencyKey }, costUsd: 0.001 }) },
    {
      name: 'test.sleep', description: 'Waits input.ms milliseconds.',
      execute: async (input, call) => {
        await sleep(Number(input.ms ?? 100), call.signal);
        return { output: { slept: Number(input.ms ?? 100), label: input.label ?? null } };
      },
    },
    {
      name: 'test.flaky', description: 'Fails (retryably) until it has been called input.failTimes times for this step.',
      execute: async (input, call) => {
        const calls = await countCall(`${call.idempotencyKey}-${String(input.salt ?? '')}`);
        if (calls <= Number(input.failTimes ?? 0)) throw new FlakyError(calls);
        return { output: { calls } };
      },
    },
    {
      name: 'test.fail', description: 'Fails for good.',
      execute: async (input) => {
        throw new NonRetryableStepError({ message: String(input.message ?? 'failed on purpose') });
      },
    },
    {
      name: 'test.hang', description: 'Never finishes unless aborted.',
      execute: (_input, call) => new Promise((_resolve, reject) => call.signal.addEventListener('abort', () => reject(call.signal.reason as Error), { once: true })),
    },
    {
      name: 'test.record', description: 'Appends input.label to input.log (a file) and returns it.',
      execute: async (input, call) => {
        await appendFile(String(input.log), `${JSON.stringify({ label: input.label, key: call.idempotencyKey })}\n`);
        return { output: { recorded: input.label } };
      },
    },
  ],
};

export default plugin;
export const engineTestPluginPath = import.meta.filename;
