import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTriggerRuntime, watchRoot, type TriggerRuntime } from '../../src/engine/index.ts';
import { createLogger } from '../../src/kernel/index.ts';
import { createTestFoundry, signUpUser, type Account, type TestFoundry } from '../support/test-foundry.ts';
import { apiAs, createTrigger, createWorkflow, runDepsOf, waitForRunEnd, waitForRuns } from './trigger-kit.ts';

const logger = createLogger({ level: 'silent' });
let foundry: TestFoundry;
let owner: Account;
let runtime: TriggerRuntime;

beforeAll(async () => {
  foundry = await createTestFoundry();
  owner = await signUpUser(foundry, 'Watcher Owner');
  // Long automatic sync: the test calls syncFileTriggers() itself when it changed a trigger.
  runtime = await startTriggerRuntime(
    { ...runDepsOf(foundry), config: foundry.config, logger, keys: foundry.deps.keys },
    { syncIntervalMs: 60_000, fileSettleMs: 100 },
  );
});
afterAll(async () => {
  await runtime?.close();
  await foundry?.dispose();
});

describe('file triggers', () => {
  it('starts a run for a file dropped into the watched folder, and catches up on files dropped while paused', async () => {
    const workflowId = await createWorkflow(foundry, owner, 'Import orders');
    const trigger = await createTrigger(foundry, owner, workflowId, { kind: 'file', name: 'Order drop', config: { path: 'orders/in', pattern: '*.csv' } });
    await runtime.syncFileTriggers();
    const folder = join(watchRoot(foundry.dataDir), 'orders', 'in');

    await writeFile(join(folder, 'notes.txt'), 'not a csv');
    const content = 'id,total\n1,9.50\n';
    await writeFile(join(folder, 'day-1.csv'), content);
    const [run] = await waitForRuns(foundry, owner, workflowId, 1);
    expect(run!.trigger).toEqual({ kind: 'file', id: trigger.id });
    const ended = await waitForRunEnd(foundry, owner, run!.id);
    expect(ended).toMatchObject({ status: 'succeeded', input: { path: join(folder, 'day-1.csv'), name: 'day-1.csv', size: Buffer.byteLength(content), event: 'created' } });
    // The trigger records its run just after starting it, so a fast run may end first.
    await expect.poll(async () => (await apiAs(foundry, owner)('GET', `/api/triggers/${trigger.id}`)).json(), { timeout: 10_000 })
      .toMatchObject({ lastRunId: run!.id, lastError: null });

    await apiAs(foundry, owner)('PATCH', `/api/triggers/${trigger.id}`, { status: 'paused' });
    await runtime.syncFileTriggers();
    await writeFile(join(folder, 'day-2.csv'), 'id,total\n2,1.00\n');
    await apiAs(foundry, owner)('PATCH', `/api/triggers/${trigger.id}`, { status: 'active' });
    await runtime.syncFileTriggers();
    const runs = await waitForRuns(foundry, owner, workflowId, 2);
    const inputs = await Promise.all(runs.map(async (r) => (await waitForRunEnd(foundry, owner, r.id)).input as { name: string }));
    expect(inputs.map((i) => i.name).sort()).toEqual(['day-1.csv', 'day-2.csv']);
  });
});
