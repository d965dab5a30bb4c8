import { setTimeout as sleep } from 'node:timers/promises';
import { isTerminal, type RunState } from '../../src/engine/index.ts';
import type { KnowledgeSourceView } from '../../src/knowledge/index.ts';

/** GET through the API as some caller, returning the parsed body (throws on another status). */
export type ApiGet = (url: string) => Promise<unknown>;

/**
 * Waits until a knowledge source's ingestion has ended: the source ready or failed and its run
 * finished, so nothing about it changes any more. Returns the source as it ended.
 */
export async function waitForIngestion(get: ApiGet, sourceId: string, { timeoutMs = 60_000 } = {}): Promise<KnowledgeSourceView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const source = await get(`/api/knowledge/${sourceId}`) as KnowledgeSourceView;
    if ((source.status === 'ready' || source.status === 'error') && source.runId) {
      const run = await get(`/api/runs/${source.runId}`) as { status: RunState };
      if (isTerminal(run.status)) return source;
    }
    if (Date.now() > deadline) throw new Error(`knowledge source ${sourceId} still ${source.status} after ${timeoutMs} ms`);
    await sleep(50);
  }
}
