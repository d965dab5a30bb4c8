import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRun, type LocalStart, type RunDeps, type RunView } from '../../src/engine/index.ts';
import { systemClock, type RequestContext } from '../../src/kernel/index.ts';
import plugin from '../support/engine-test-plugin.ts';
import { as, createTestFoundry, signUpUser, type Account, type TestFoundry } from '../support/test-foundry.ts';

/**
 * A run accepted by a process whose worker has a free slot is inserted holding that worker's lease
 * and driven there, with no queue job. If the process dies between that commit and driving the run,
 * nothing is lost: the lease expires and a worker's reaper queues the run.
 */

const terminal = ['succeeded', 'failed', 'compensated', 'cancelled'];
const definition = {
  name: 'Local start',
  nodes: [
    { id: 'start', type: 'trigger', name: 'Start' },
    { id: 'a', type: 'action', name: 'A', config: { tool: 'test.echo', input: { n: '1' } } },
    { id: 'b', type: 'action', name: 'B', config: { tool: 'test.echo', input: { n: '2' } } },
    { id: 'done', type: 'output', name: 'Done', config: { value: 'steps.b.n' } },
  ],
  edges: [{ from: 'start', to: 'a' }, { from: 'a', to: 'b' }, { from: 'b', to: 'done' }],
};

describe('runs started where a worker has a free slot', () => {
  let foundry: TestFoundry;
  let owner: Account;
  const leaseMs = 1_500;

  beforeAll(async () => {
    foundry = await createTestFoundry({ worker: true, leaseMs }, { plugins: [plugin] });
    owner = await signUpUser(foundry, 'Local Start Owner');
  });

  afterAll(async () => {
    await foundry?.dispose();
  });

  const getRun = async (id: string) => (await foundry.app.inject({ method: 'GET', url: `/api/runs/${id}`, headers: as(owner) })).json<RunView>();
  const settled = async (id: string, timeoutMs: number): Promise<RunView> => {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const run = await getRun(id);
      if (terminal.includes(run.status) || Date.now() > until) return run;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const jobsFor = async (runId: string) => {
    const { rows } = await foundry.database.db.execute<{ n: number }>(sql`select count(*)::int as n from pgboss.job where name = 'foundry-runs' and data->>'runId' = ${runId}`);
    return rows[0]!.n;
  };

  it('drives the run in the accepting process, without a queue job', async () => {
    const response = await foundry.app.inject({ method: 'POST', url: '/api/runs', headers: as(owner), payload: { definition, input: {} } });
    expect(response.statusCode).toBe(202);
    const run = await settled(response.json<RunView>().id, 15_000);
    expect(run.status).toBe('succeeded');
    expect(run.output).toEqual({ done: 2 });
    const attempts = run.steps.flatMap((s) => s.attempts);
    expect(attempts).toHaveLength(2);
    expect(new Set(attempts.map((a) => a.workerId))).toEqual(new Set([foundry.worker!.id]));
    expect(await jobsFor(run.id)).toBe(0);
    const { rows: audit } = await foundry.database.db.execute<{ action: string; actor_id: string; details: Record<string, unknown> }>(
      sql`select action, actor_id, details from audit_events where target_type = 'run' and target_id = ${run.id}`);
    expect(audit).toEqual([{ action: 'run.started', actor_id: owner.userId, details: { workflowId: null, trigger: 'manual' } }]);
  });

  it('takes over, after its lease expires, a run whose accepting process died before driving it', async () => {
    // The slot of a process that commits the run and dies before handing it to its worker.
    const dead: LocalStart = { token: 'dead-process:slot', leaseMs, drive: () => {}, cancel: () => {} };
    const deps: RunDeps = { db: foundry.database.db, hasTool: () => true, clock: systemClock, queue: { enqueue: foundry.deps.queue.enqueue, reserve: () => dead } };
    const ctx: RequestContext = { userId: owner.userId, workspaceId: owner.workspaceId, role: 'owner' };
    const started = await startRun(deps, ctx, { definition, input: {} });
    expect(started.status).toBe('queued');
    expect(await jobsFor(started.id)).toBe(0);

    const run = await settled(started.id, 20_000);
    expect(run.status).toBe('succeeded');
    expect(run.steps.flatMap((s) => s.attempts).every((a) => a.workerId === foundry.worker!.id)).toBe(true);
  });

  it('gives the slot back when the run is not inserted', async () => {
    let cancelled = 0;
    let driven = 0;
    const slot: LocalStart = { token: 'slot', leaseMs, drive: () => { driven += 1; }, cancel: () => { cancelled += 1; } };
    const deps: RunDeps = { db: foundry.database.db, hasTool: () => true, clock: systemClock, queue: { enqueue: foundry.deps.queue.enqueue, reserve: () => slot } };
    const ctx: RequestContext = { userId: owner.userId, workspaceId: owner.workspaceId, role: 'owner' };
    const withSchema = { ...definition, inputSchema: { type: 'object', required: ['name'] } };
    await expect(startRun(deps, { ...ctx }, { definition: withSchema, input: {} })).rejects.toMatchObject({ code: 'RUN_INPUT_INVALID' });
    expect({ cancelled, driven }).toEqual({ cancelled: 0, driven: 0 });
    // A workspace that does not exist fails the insert itself (foreign key): the slot comes back.
    await expect(startRun(deps, { ...ctx, workspaceId: '00000000-0000-4000-8000-000000000000' }, { definition, input: {} })).rejects.toThrow();
    expect({ cancelled, driven }).toEqual({ cancelled: 1, driven: 0 });
  });
});
