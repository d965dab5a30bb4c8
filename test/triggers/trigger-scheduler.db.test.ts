import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTriggerScheduler, startTriggerRuntime, type TriggerRuntime } from '../../src/engine/index.ts';
import { createLogger, type Clock } from '../../src/kernel/index.ts';
import { createTestFoundry, signUpUser, type Account, type TestFoundry } from '../support/test-foundry.ts';
import { apiAs, createTrigger, createWorkflow, recordingStartRun, runDepsOf, waitForRunEnd, waitForRuns } from './trigger-kit.ts';

const logger = createLogger({ level: 'silent' });
let foundry: TestFoundry;
let owner: Account;

beforeAll(async () => {
  // Only the schedulers under test fire: the process's own would race them for past-due firings.
  foundry = await createTestFoundry({}, { triggers: false });
  owner = await signUpUser(foundry, 'Scheduler Owner');
});
afterAll(async () => {
  await foundry?.dispose();
});

const fixedClock = (iso: string): Clock => ({ now: () => new Date(iso) });

async function scheduleTrigger(workflowId: string, config: Record<string, unknown>, dueAt: string): Promise<string> {
  const { id } = await createTrigger(foundry, owner, workflowId, { kind: 'schedule', name: `Every ${String(config.cron)}`, config });
  await foundry.database.pool.query('update workflow_triggers set next_fire_at = $2 where id = $1', [id, dueAt]);
  return id;
}

async function triggerRow(id: string) {
  const { rows } = await foundry.database.pool.query<{ next_fire_at: Date | null; last_fired_at: Date | null; last_run_id: string | null; last_error: string | null }>(
    'select next_fire_at, last_fired_at, last_run_id, last_error from workflow_triggers where id = $1', [id],
  );
  return rows[0]!;
}

async function runsOf(triggerId: string) {
  const { rows } = await foundry.database.pool.query<{ id: string; trigger_kind: string; input: Record<string, unknown> }>(
    'select id, trigger_kind, input from workflow_runs where trigger_id = $1', [triggerId],
  );
  return rows;
}

/** Parks every schedule trigger made by earlier tests, so each test's tick sees only its own. */
async function parkOthers(): Promise<void> {
  await foundry.database.pool.query("update workflow_triggers set next_fire_at = '2100-01-01' where kind = 'schedule'");
}

describe('the trigger scheduler', () => {
  it('fires each due firing exactly once when two schedulers tick at the same moment', async () => {
    await parkOthers();
    const workflowId = await createWorkflow(foundry, owner, 'Contended schedule');
    const due = '2026-04-01T09:00:00.000Z';
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push(await scheduleTrigger(workflowId, { cron: '0 9 * * *' }, due));
    const clock = fixedClock('2026-04-01T09:00:00.700Z');
    const a = recordingStartRun(foundry);
    const b = recordingStartRun(foundry);
    const schedulerA = createTriggerScheduler({ db: foundry.deps.db, clock, logger, startRun: a.startRun });
    const schedulerB = createTriggerScheduler({ db: foundry.deps.db, clock, logger, startRun: b.startRun });

    const [firedA, firedB] = await Promise.all([schedulerA.tick(), schedulerB.tick()]);
    expect(firedA + firedB).toBe(12);
    const fired = [...a.calls, ...b.calls].map((c) => c.trigger.id).sort();
    expect(fired).toEqual([...ids].sort());
    for (const id of ids) {
      const runs = await runsOf(id);
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ trigger_kind: 'schedule', input: { scheduledFor: due, missed: false } });
      const row = await triggerRow(id);
      expect(row.next_fire_at?.toISOString()).toBe('2026-04-02T09:00:00.000Z');
      expect(row.last_run_id).toBe(runs[0]!.id);
      expect(row.last_error).toBeNull();
    }
    // The same moment again: nothing is due any more.
    expect(await Promise.all([schedulerA.tick(), schedulerB.tick()])).toEqual([0, 0]);
  });

  it('after downtime fires a run_once schedule once and skips a skip schedule, both continuing from now', async () => {
    await parkOthers();
    const workflowId = await createWorkflow(foundry, owner, 'Missed firings');
    const due = '2026-04-01T09:00:00.000Z';
    const runOnce = await scheduleTrigger(workflowId, { cron: '0 * * * *', missed: 'run_once' }, due);
    const skip = await scheduleTrigger(workflowId, { cron: '0 * * * *', missed: 'skip' }, due);
    const recorder = recordingStartRun(foundry);
    const scheduler = createTriggerScheduler({ db: foundry.deps.db, clock: fixedClock('2026-04-01T15:42:10Z'), logger, startRun: recorder.startRun });

    expect(await scheduler.tick()).toBe(1);
    expect(recorder.calls.map((c) => c.trigger.id)).toEqual([runOnce]);
    expect(recorder.calls[0]!.input).toMatchObject({ scheduledFor: due, missed: true });
    for (const id of [runOnce, skip]) expect((await triggerRow(id)).next_fire_at?.toISOString()).toBe('2026-04-01T16:00:00.000Z');
    expect((await triggerRow(skip)).last_fired_at).toBeNull();
    expect(await scheduler.tick()).toBe(0);
  });

  it('fires nothing for a paused trigger, and records a refused run as the last error', async () => {
    await parkOthers();
    const plain = await createWorkflow(foundry, owner, 'Paused schedule');
    const strict = await createWorkflow(foundry, owner, 'Strict input', { type: 'object', required: ['customer'] });
    const paused = await scheduleTrigger(plain, { cron: '*/5 * * * *' }, '2026-04-01T09:00:00Z');
    await apiAs(foundry, owner)('PATCH', `/api/triggers/${paused}`, { status: 'paused' });
    await foundry.database.pool.query("update workflow_triggers set next_fire_at = '2026-04-01T09:00:00Z' where id = $1", [paused]);
    const refused = await scheduleTrigger(strict, { cron: '*/5 * * * *' }, '2026-04-01T09:00:00Z');
    const recorder = recordingStartRun(foundry);
    const scheduler = createTriggerScheduler({ db: foundry.deps.db, clock: fixedClock('2026-04-01T09:00:01Z'), logger, startRun: recorder.startRun });

    expect(await scheduler.tick()).toBe(0);
    expect(recorder.calls.map((c) => c.trigger.id)).toEqual([refused]);
    const row = await triggerRow(refused);
    expect(row.last_error).toMatch(/^RUN_INPUT_INVALID: /);
    expect(row.next_fire_at?.toISOString()).toBe('2026-04-01T09:05:00.000Z');
    expect((await triggerRow(paused)).last_fired_at).toBeNull();
  });

  it('runs inside the trigger runtime: a per-second schedule starts runs on its own', async () => {
    await parkOthers();
    const workflowId = await createWorkflow(foundry, owner, 'Every second');
    const { id } = await createTrigger(foundry, owner, workflowId, { kind: 'schedule', name: 'Each second', config: { cron: '* * * * * *' } });
    let runtime: TriggerRuntime | undefined;
    try {
      runtime = await startTriggerRuntime({ ...runDepsOf(foundry), config: foundry.config, logger, keys: foundry.deps.keys }, { schedulerIntervalMs: 200 });
      const [run] = await waitForRuns(foundry, owner, workflowId, 1);
      expect(run!.trigger).toEqual({ kind: 'schedule', id });
      expect((await waitForRunEnd(foundry, owner, run!.id)).status).toBe('succeeded');
    } finally {
      await runtime?.close();
      await apiAs(foundry, owner)('PATCH', `/api/triggers/${id}`, { status: 'paused' });
    }
  });
});
