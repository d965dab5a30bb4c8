import { performance } from 'node:perf_hooks';
import type { BenchChild } from './child-process.ts';
import { sleep } from './stats.ts';

/**
 * Polls `url` every `intervalMs` until it answers 200; returns ms from the child's spawn to that
 * answer. Fails with the child's output if it exits first or the deadline passes.
 */
export async function waitFor200(child: BenchChild, url: string, { intervalMs = 10, timeoutMs = 120_000 } = {}): Promise<number> {
  const deadline = child.spawnedAt + timeoutMs;
  let last = 'no answer yet';
  while (performance.now() < deadline) {
    if (child.hasExited()) {
      throw new Error(`${child.name} exited before ${url} answered 200 (${last}).\n--- output ---\n${child.output()}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      const now = performance.now();
      await response.body?.cancel();
      if (response.status === 200) return now - child.spawnedAt;
      last = `status ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await sleep(intervalMs);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms (${last}).\n--- output of ${child.name} ---\n${child.output()}`);
}
