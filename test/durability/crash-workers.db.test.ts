import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idempotencyKey } from '../../src/engine/index.ts';
import { testDatabaseTarget } from '../support/test-database.ts';
import { envCount, randomBetween, sleep, startCrashRig, terminal, waitForRuns, type CrashRig } from './support/crash-kit.ts';

/**
 * Workers die, effects still happen once. Three `foundry worker` processes drive runs whose steps
 * post an effect, with the step's idempotency key, to a recorder; a random worker is SIGKILLed at
 * random moments and started again. Every run must succeed and the recorder must hold every
 * expected effect exactly once: repeats (at-least-once execution) are allowed and counted, but
 * only because they carry the same key. Sizes: CRASH_RUNS (default 200), CRASH_KILLS (10);
 * `npm run test:crash` runs a larger version.
 */

const target = testDatabaseTarget();
const runs = envCount('CRASH_RUNS', 200);
const kills = envCount('CRASH_KILLS', 10);
const leaseMs = 2_000;
const effectNodes = ['e1', 'e2', 'e3', 'e4'];

const effect = (id: string) => ({ id, type: 'action', name: `Effect ${id}`, config: { tool: 'recorder.effect', input: { node: `"${id}"` } } });
/** trigger → e1 → parallel → (e2, e3) → join → e4 → output: a chain and a fan-out. */
const definition = {
  name: 'Crash test: effects',
  nodes: [
    { id: 'start', type: 'trigger', name: 'Start' }, effect('e1'), { id: 'split', type: 'parallel', name: 'Split' }, effect('e2'), effect('e3'),
    { id: 'join', type: 'join', name: 'Join' }, effect('e4'), { id: 'done', type: 'output', name: 'Done', config: { value: '"ok"' } },
  ],
  edges: [
    { from: 'start', to: 'e1' }, { from: 'e1', to: 'split' }, { from: 'split', to: 'e2' }, { from: 'split', to: 'e3' },
    { from: 'e2', to: 'join' }, { from: 'e3', to: 'join' }, { from: 'join', to: 'e4' }, { from: 'e4', to: 'done' },
  ],
};

let rig: CrashRig;

beforeAll(async () => {
  // The recorder answers effects after 0–20 ms, so a kill usually finds calls in flight.
  rig = await startCrashRig({ workers: 3, leaseMs, effectDelayMs: () => randomBetween(0, 20) });
});

afterAll(async () => {
  await rig?.dispose();
});

describe(`foundry worker processes SIGKILLed while they drive runs (${target})`, () => {
  it(`completes ${runs} runs with every effect exactly once across ${kills} kills`, async () => {
    const workflowId = await rig.saveWorkflow(definition);
    const runIds: string[] = [];
    let submitted = false;
    const submit = async (count: number) => {
      for (let i = 0; i < count; i += 10) {
        runIds.push(...await Promise.all(Array.from({ length: Math.min(10, count - i) }, () => rig.startRun(workflowId))));
      }
    };
    const submitting = submit(runs).then(() => { submitted = true; });

    /** Kills the worker making the next effect call, before the recorder answers it; undefined if no call comes in time. */
    const killAtNextCall = (timeoutMs: number, beforeRestart: () => Promise<void>) => new Promise<{ slot: number; killed: number; started: number } | undefined>((resolve, reject) => {
      const timer = setTimeout(() => { rig.recorder.onCall = undefined; resolve(undefined); }, timeoutMs);
      rig.recorder.onCall = ({ path, call }) => {
        const worker = path === '/effect' ? rig.workers.byPid(call.pid) : undefined;
        if (worker === undefined) return;
        rig.recorder.onCall = undefined;
        clearTimeout(timer);
        rig.workers.killAndRestart(worker.slot, beforeRestart).then((done) => resolve({ slot: worker.slot, ...done }), reject);
      };
    });
    const killLog: { slot: number; killed: number; started: number; openRuns: number }[] = [];
    let toppedUp = 0;
    while (killLog.length < kills) {
      await sleep(randomBetween(200, 1_500));
      const statuses = await rig.statuses(runIds);
      let open = runIds.filter((id) => !terminal.includes(statuses.get(id) ?? 'queued')).length;
      if (open === 0 && submitted) {
        // Everything finished before the kills did: give the workers more to do, so each kill lands on live work.
        await submit(20);
        toppedUp += 20;
        open = 20;
      }
      // Every other kill waits for the next effect call and kills its worker while the call is in
      // flight, so some kills always land on live work however slowly workers start; the rest strike
      // at a random moment.
      const restart = () => sleep(randomBetween(0, 1_000));
      const inFlight = killLog.length % 2 === 0 ? await killAtNextCall(3_000, restart) : undefined;
      const slot = inFlight?.slot ?? randomBetween(0, rig.workers.workers.length - 1);
      const { killed, started } = inFlight ?? await rig.workers.killAndRestart(slot, restart);
      killLog.push({ slot, killed, started, openRuns: open });
    }
    await submitting;

    const { open, statuses } = await waitForRuns(rig, runIds, 60_000);
    if (open.length > 0) {
      const details = await Promise.all(open.slice(0, 5).map((id) => rig.describeRun(id)));
      expect.fail(`${open.length} of ${runIds.length} runs never ended (no run ended for 60 s after the last kill):\n${details.join('\n')}\n${rig.workers.logs()}`);
    }
    const notSucceeded = runIds.filter((id) => statuses.get(id) !== 'succeeded');
    if (notSucceeded.length > 0) {
      const details = await Promise.all(notSucceeded.slice(0, 5).map((id) => rig.describeRun(id)));
      expect.fail(`${notSucceeded.length} runs did not succeed:\n${details.join('\n')}`);
    }

    // Every expected effect, recorded exactly once under its key, by the step it belongs to; nothing else.
    const expected = new Map(runIds.flatMap((runId) => effectNodes.map((nodeId) => [idempotencyKey({ runId, nodeId }), { runId, nodeId }] as const)));
    const effects = rig.recorder.effects;
    const missing = [...expected].filter(([key]) => !effects.has(key)).map(([, v]) => `${v.runId}/${v.nodeId}`);
    const unexpected = [...effects.values()].filter((e) => !expected.has(e.key)).map((e) => `${e.runId}/${e.node} (${e.kind})`);
    expect(missing, 'expected effects that never reached the recorder').toEqual([]);
    expect(unexpected, 'effects nobody expected').toEqual([]);
    expect(effects.size).toBe(expected.size);
    const misattributed = [...effects.values()].filter((e) => { const x = expected.get(e.key)!; return x.runId !== e.runId || x.nodeId !== e.node || e.kind !== 'execute'; });
    expect(misattributed, 'effects whose key belongs to another step').toEqual([]);

    // The engine's own record agrees: one successful attempt per effect step, and the kills did interrupt work.
    const pool = rig.foundry.database.pool;
    const { rows: perStep } = await pool.query<{ node_id: string; run_id: string; ok: number; lost: number; attempts: number }>(`
      select s.run_id, s.node_id,
             count(*) filter (where a.status = 'succeeded')::int as ok,
             count(*) filter (where a.error->>'code' = 'WORKER_LOST')::int as lost,
             count(*)::int as attempts
        from workflow_steps s join workflow_attempts a on a.step_id = s.id
       where s.run_id = any($1::uuid[]) and a.purpose = 'execute'
       group by s.run_id, s.node_id`, [runIds]);
    expect(perStep.length).toBe(expected.size);
    expect(perStep.filter((r) => r.ok !== 1).map((r) => `${r.run_id}/${r.node_id}: ${r.ok} successful attempts`)).toEqual([]);
    const lostAttempts = perStep.reduce((n, r) => n + r.lost, 0);
    const { rows: [drivers] } = await pool.query<{ takeovers: number }>(`
      select count(*)::int as takeovers from (
        select a.run_id from workflow_attempts a where a.run_id = any($1::uuid[]) and a.worker_id is not null
         group by a.run_id having count(distinct a.worker_id) > 1) t`, [runIds]);
    expect(killLog.length).toBeGreaterThanOrEqual(kills);
    expect(lostAttempts, 'the kills interrupted attempts in flight (else this test tested nothing)').toBeGreaterThan(0);

    console.info(`[crash-workers ${target}] ${runIds.length} runs (${toppedUp} added after all had finished), ${killLog.length} kills ` +
      `(open runs at each kill: ${killLog.map((k) => k.openRuns).join(', ')}); ${effects.size} effects recorded once, ` +
      `${rig.recorder.duplicates()} repeated calls with a known key acknowledged; ${lostAttempts} attempts lost with their worker; ` +
      `${drivers?.takeovers ?? 0} runs driven by more than one worker`);
  }, 60_000 + runs * 300 + kills * 6_000);
});
