import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idempotencyKey } from '../../src/engine/index.ts';
import { testDatabaseTarget } from '../support/test-database.ts';
import { envCount, randomBetween, startCrashRig, waitForRuns, type CrashRig } from './support/crash-kit.ts';

/**
 * A worker dies in the middle of a saga's compensation. Runs of A → B → C → D, where D fails for
 * good and A, B and C each have a slow compensation that posts its effect to the recorder. Each
 * run has a planned kill: when its compensation of C, B or A announces itself (before the effect)
 * or makes its effect (before the engine has recorded it), the worker making the call is
 * SIGKILLed on the spot and started again. The compensations must still happen exactly once
 * each, in reverse order (C, B, A, by the recorder's clock), and the run must end compensated.
 * Size: CRASH_SAGA_RUNS (default 6).
 */

const target = testDatabaseTarget();
const sagaRuns = envCount('CRASH_SAGA_RUNS', 6);
const leaseMs = 2_000;
const undone = ['C', 'B', 'A'];

const step = (id: string) => ({
  id, type: 'action', name: `Do ${id}`, config: { tool: 'recorder.effect', input: { node: `"${id}"` } },
  policies: { compensation: { type: 'action', config: { tool: 'recorder.compensate', input: { node: `"${id}"` } } } },
});
const definition = {
  name: 'Crash test: saga',
  onFailure: 'saga',
  nodes: [
    { id: 'start', type: 'trigger', name: 'Start' }, step('A'), step('B'), step('C'),
    { id: 'D', type: 'action', name: 'Always fails', config: { tool: 'recorder.fail', input: { node: '"D"' } } },
  ],
  edges: [{ from: 'start', to: 'A' }, { from: 'A', to: 'B' }, { from: 'B', to: 'C' }, { from: 'C', to: 'D' }],
};

interface KillPlan { node: string; path: '/begin' | '/effect'; outcome?: string }

let rig: CrashRig;

beforeAll(async () => {
  rig = await startCrashRig({ workers: 3, leaseMs });
});

afterAll(async () => {
  await rig?.dispose();
});

describe(`a worker SIGKILLed during saga compensation (${target})`, () => {
  it(`still compensates C, B, A exactly once each, in that order (${sagaRuns} runs)`, async () => {
    const workflowId = await rig.saveWorkflow(definition);
    const plans = new Map<string, KillPlan>();
    const restarts: Promise<unknown>[] = [];
    rig.recorder.onCall = ({ path, call }) => {
      const plan = plans.get(call.runId);
      if (call.kind !== 'compensate' || plan === undefined || plan.outcome !== undefined || plan.node !== call.node || plan.path !== path) return;
      const worker = rig.workers.byPid(call.pid);
      if (worker === undefined) {
        plan.outcome = `its worker ${call.pid} was being killed already`;
        return;
      }
      plan.outcome = `killed worker ${call.pid} at ${path} of the compensation of ${call.node}`;
      // Synchronously, before the recorder answers: the call is in flight when the process dies.
      restarts.push(rig.workers.killAndRestart(worker.slot));
    };

    const runIds: string[] = [];
    for (let i = 0; i < sagaRuns; i++) {
      const runId = await rig.startRun(workflowId);
      plans.set(runId, { node: undone[randomBetween(0, 2)]!, path: randomBetween(0, 1) === 0 ? '/begin' : '/effect' });
      runIds.push(runId);
    }

    const { open, statuses } = await waitForRuns(rig, runIds, 60_000);
    await Promise.all(restarts);
    if (open.length > 0) {
      const details = await Promise.all(open.map((id) => rig.describeRun(id)));
      expect.fail(`${open.length} of ${runIds.length} runs never ended:\n${details.join('\n')}\n${rig.workers.logs()}`);
    }
    const wrong = runIds.filter((id) => statuses.get(id) !== 'compensated');
    if (wrong.length > 0) {
      const details = await Promise.all(wrong.map((id) => rig.describeRun(id)));
      expect.fail(`${wrong.length} runs did not end compensated:\n${details.join('\n')}`);
    }

    const effects = rig.recorder.effects;
    const pool = rig.foundry.database.pool;
    // For the failure message: when the engine recorded each step done (compensation runs newest first by this).
    const { rows: seqRows } = await pool.query<{ run_id: string; node_id: string; completed_seq: number | null }>(
      "select run_id, node_id, completed_seq from workflow_steps where run_id = any($1::uuid[]) and node_id in ('A', 'B', 'C', 'D')", [runIds]);
    const completedSeq = (runId: string) => seqRows.filter((r) => r.run_id === runId).sort((a, b) => a.node_id.localeCompare(b.node_id))
      .map((r) => `${r.node_id}=${r.completed_seq ?? 'null'}`).join(' ');
    const problems: string[] = [];
    for (const runId of runIds) {
      const plan = plans.get(runId)!;
      if (plan.outcome === undefined) problems.push(`${runId}: the planned kill (${plan.path} of ${plan.node}) never came`);
      for (const node of ['A', 'B', 'C']) {
        if (!effects.has(idempotencyKey({ runId, nodeId: node }))) problems.push(`${runId}: the effect of ${node} is missing`);
      }
      const compensations = undone.map((node) => effects.get(idempotencyKey({ runId, nodeId: node, purpose: 'compensate' })));
      compensations.forEach((c, i) => {
        if (c === undefined) problems.push(`${runId}: the compensation of ${undone[i]} never happened`);
        else if (c.runId !== runId || c.node !== undone[i] || c.kind !== 'compensate') problems.push(`${runId}: the key of ${undone[i]}'s compensation came with ${JSON.stringify(c)}`);
      });
      const order = compensations.filter((c) => c !== undefined).sort((a, b) => a.seq - b.seq).map((c) => c.node);
      if (order.join() !== undone.join()) {
        problems.push(`${runId}: compensated in the order ${order.join(', ')}, not C, B, A (completed_seq ${completedSeq(runId)}; planned kill ${plan.outcome ?? 'none'})`);
      }
    }
    const ownKeys = new Set(runIds.flatMap((runId) => ['A', 'B', 'C'].flatMap((nodeId) => [idempotencyKey({ runId, nodeId }), idempotencyKey({ runId, nodeId, purpose: 'compensate' })])));
    const stray = [...effects.values()].filter((e) => !ownKeys.has(e.key)).map((e) => `${e.runId}/${e.node} ${e.kind}`);
    expect(problems).toEqual([]);
    expect(stray, 'effects with keys of no expected step (D must have none)').toEqual([]);
    expect(effects.size).toBe(runIds.length * 6);

    // The engine's record: per step one successful compensation attempt, and the steps end compensated.
    const { rows } = await pool.query<{ run_id: string; node_id: string; status: string; ok: number }>(`
      select s.run_id, s.node_id, s.status,
             count(a.*) filter (where a.purpose = 'compensate' and a.status = 'succeeded')::int as ok
        from workflow_steps s left join workflow_attempts a on a.step_id = s.id
       where s.run_id = any($1::uuid[]) and s.node_id in ('A', 'B', 'C', 'D')
       group by s.run_id, s.node_id, s.status`, [runIds]);
    const bad = rows.filter((r) => (r.node_id === 'D' ? r.status !== 'failed' || r.ok !== 0 : r.status !== 'compensated' || r.ok !== 1));
    expect(bad.map((r) => `${r.run_id}/${r.node_id}: ${r.status}, ${r.ok} successful compensations`)).toEqual([]);
    expect(restarts.length, 'workers killed mid-compensation').toBeGreaterThan(0);

    const repeats = [...effects.values()].filter((e) => e.kind === 'compensate' && e.repeats > 0).length;
    console.info(`[crash-compensation ${target}] ${runIds.length} saga runs, ${restarts.length} workers killed mid-compensation; ` +
      `${repeats} compensations were called again after a kill and acknowledged as repeats; plans: ` +
      [...plans.values()].map((p) => `${p.path} ${p.node}: ${p.outcome ?? '-'}`).join('; '));
  }, 60_000 + sagaRuns * 10_000);
});
