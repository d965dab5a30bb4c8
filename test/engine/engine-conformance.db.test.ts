import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEventView, RunView } from '../../src/engine/index.ts';
import plugin, { engineTestPluginPath } from '../support/engine-test-plugin.ts';
import { as, createTestFoundry, signUpUser, type Account, type TestFoundry } from '../support/test-foundry.ts';

/**
 * The engine's behaviour, run twice: on one Foundry process with its own worker, and on an
 * API-only process with two `foundry worker` processes sharing the database. Every assertion
 * reads the persisted run (steps, attempts, events), never process memory.
 */

const cli = join(import.meta.dirname, '../../src/cli/main.ts');
const terminal = ['succeeded', 'failed', 'compensated', 'cancelled'];

type Node = Record<string, unknown>;
const trigger: Node = { id: 'start', type: 'trigger', name: 'Start' };
const action = (id: string, tool: string, input: Record<string, string> = {}, extra: Node = {}): Node =>
  ({ id, type: 'action', name: id, config: { tool, input }, ...extra });
const chain = (...ids: string[]) => ids.slice(1).map((to, i) => ({ from: ids[i]!, to }));

describe.each(['one process', 'several workers'] as const)('workflow engine (%s)', (mode) => {
  let foundry: TestFoundry;
  let owner: Account;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    foundry = await createTestFoundry({ worker: mode === 'one process', leaseMs: 3_000 }, { plugins: [plugin] });
    owner = await signUpUser(foundry, 'Engine Owner');
    if (mode === 'several workers') {
      for (let i = 0; i < 2; i++) {
        workers.push(spawn(process.execPath, [cli, 'worker'], {
          env: {
            PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', DATABASE_URL: foundry.config.databaseUrl!, FOUNDRY_DATA_DIR: foundry.dataDir,
            FOUNDRY_PLUGINS: engineTestPluginPath, FOUNDRY_LOG_LEVEL: 'warn', FOUNDRY_LEASE_MS: '3000', FOUNDRY_WEB_DIR: join(foundry.dataDir, 'no-web'),
          },
          stdio: ['ignore', 'inherit', 'inherit'],
        }));
      }
    }
  });

  afterAll(async () => {
    const live = (await api<{ items: { id: string; name: string; status: string }[] }>('GET', '/api/runs?limit=200')).body.items.filter((r) => !terminal.includes(r.status));
    if (live.length > 0) console.log('LIVE RUNS', JSON.stringify(live));
    await Promise.all(workers.map((w) => new Promise((resolve) => {
      if (w.exitCode !== null) return resolve(undefined);
      w.once('exit', resolve);
      w.kill('SIGTERM');
    })));
    await foundry?.dispose();
  });

  const api = async <T>(method: 'GET' | 'POST', url: string, payload?: unknown, account = owner): Promise<{ status: number; body: T }> => {
    const response = await foundry.app.inject({ method, url, headers: as(account), ...(payload === undefined ? {} : { payload: payload as object }) });
    return { status: response.statusCode, body: response.json<T>() };
  };

  const start = async (definition: Record<string, unknown>, input: unknown = {}): Promise<RunView> => {
    const { status, body } = await api<RunView>('POST', '/api/runs', { definition, input });
    expect(status, JSON.stringify(body)).toBe(202);
    return body;
  };

  const waitFor = async (id: string, statuses = terminal, deadlineMs = 45_000): Promise<RunView> => {
    const until = Date.now() + deadlineMs;
    for (;;) {
      const { body } = await api<RunView>('GET', `/api/runs/${id}`);
      if (statuses.includes(body.status)) return body;
      if (Date.now() > until) throw new Error(`run ${id} is ${body.status}, never ${statuses.join('/')}: ${JSON.stringify(body.steps.map((s) => [s.nodeId, s.status]))}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  const events = async (id: string) => (await api<{ items: RunEventView[] }>('GET', `/api/runs/${id}/events`)).body.items;
  const step = (run: RunView, nodeId: string, itemIndex: number | null = null) => run.steps.find((s) => s.nodeId === nodeId && s.itemIndex === itemIndex)!;

  it('runs a chain, mapping each output into the next input, and records one attempt per step with a stable idempotency key', async () => {
    const run = await start({
      name: 'Chain', nodes: [trigger, action('a', 'test.echo', { n: 'input.n + 1' }), action('b', 'test.echo', { n: 'steps.a.n * 2' }),
        { id: 'out', type: 'output', name: 'Out', config: { value: 'steps.b.n' } }],
      edges: chain('start', 'a', 'b', 'out'),
    }, { n: 20 });
    const done = await waitFor(run.id);
    expect(done.status).toBe('succeeded');
    expect(done.output).toEqual({ out: 42 });
    expect(done.progress).toEqual({ done: 4, total: 4 });
    const a = step(done, 'a');
    expect(a.attempts).toHaveLength(1);
    expect(a.attempts[0]).toMatchObject({ number: 1, purpose: 'execute', status: 'succeeded', input: { n: 21 }, costUsd: 0.001 });
    expect(a.attempts[0]!.idempotencyKey).toMatch(/^fdy-[0-9a-f]{64}$/);
    expect((a.output as { key: string }).key).toBe(a.attempts[0]!.idempotencyKey);
    expect((await events(run.id)).map((e) => e.type)).toEqual([
      'run.queued', 'run.started', 'step.succeeded', 'step.started', 'step.succeeded', 'step.started', 'step.succeeded', 'step.succeeded', 'run.completed',
    ]);
  });

  it('runs independent branches at the same time and joins them', async () => {
    const branches = ['b1', 'b2', 'b3', 'b4'];
    const run = await start({
      name: 'Fan-out', nodes: [trigger, { id: 'fan', type: 'parallel', name: 'Fan' },
        ...branches.map((id) => action(id, 'test.sleep', { ms: '400', label: `"${id}"` })),
        { id: 'join', type: 'join', name: 'Join' }, { id: 'out', type: 'output', name: 'Out', config: { value: '$count($keys(steps.join))' } }],
      edges: [...chain('start', 'fan'), ...branches.flatMap((b) => [{ from: 'fan', to: b }, { from: b, to: 'join' }]), ...chain('join', 'out')],
    });
    const done = await waitFor(run.id);
    expect(done.status).toBe('succeeded');
    expect(done.output).toEqual({ out: 4 });
    const spans = branches.map((b) => step(done, b).attempts[0]!).map((a) => [Date.parse(a.startedAt), Date.parse(a.finishedAt!)] as const);
    // All four overlap: the last one started before the first one finished.
    expect(Math.max(...spans.map(([s]) => s))).toBeLessThan(Math.min(...spans.map(([, f]) => f)));
  });

  it('retries a transient failure with backoff, keeping the idempotency key, and stops at once on a permanent one', async () => {
    const retry = { maxAttempts: 4, initialDelayMs: 20, multiplier: 2, maxDelayMs: 100, jitter: 0 };
    const run = await start({
      name: 'Retries', nodes: [trigger, action('flaky', 'test.flaky', { failTimes: '2', salt: `"${mode}"` }, { policies: { retry } })],
      edges: chain('start', 'flaky'),
    });
    const done = await waitFor(run.id);
    expect(done.status).toBe('succeeded');
    const attempts = step(done, 'flaky').attempts;
    expect(attempts.map((a) => a.status)).toEqual(['failed', 'failed', 'succeeded']);
    expect(attempts[0]!.error).toMatchObject({ code: 'FLAKY' });
    expect(new Set(attempts.map((a) => a.idempotencyKey)).size).toBe(1);
    const retrying = (await events(run.id)).filter((e) => e.type === 'step.retrying');
    expect(retrying.map((e) => e.data.delayMs)).toEqual([20, 40]);

    const failing = await start({ name: 'Permanent', nodes: [trigger, action('boom', 'test.fail', { message: '"card declined"' }, { policies: { retry } })], edges: chain('start', 'boom') });
    const failed = await waitFor(failing.id);
    expect(failed.status).toBe('failed');
    expect(step(failed, 'boom').attempts).toHaveLength(1);
    expect(failed.error).toMatchObject({ code: 'STEP_FAILED_PERMANENTLY', nodeId: 'boom' });
    expect(failed.error!.message).toContain('card declined');
  });

  it('times out a step that does not finish', async () => {
    const run = await start({
      name: 'Timeout', nodes: [trigger, action('slow', 'test.hang', {}, { policies: { timeoutMs: 150, retry: { maxAttempts: 2, initialDelayMs: 10 } } })],
      edges: chain('start', 'slow'),
    });
    const done = await waitFor(run.id);
    expect(done.status).toBe('failed');
    expect(step(done, 'slow').attempts.map((a) => a.error?.code)).toEqual(['STEP_TIMEOUT', 'STEP_TIMEOUT']);
  });

  it('compensates completed steps in reverse completion order when a saga fails, and ends compensated', async () => {
    const log = join(foundry.dataDir, `saga-${mode.replace(' ', '-')}.log`);
    const undo = (label: string) => ({ compensation: { type: 'action', config: { tool: 'test.record', input: { log: `"${log}"`, label: `"undo ${label}"` } } } });
    const run = await start({
      name: 'Saga', onFailure: 'saga',
      nodes: [trigger, action('reserve', 'test.echo', {}, { policies: undo('reserve') }), action('charge', 'test.echo', {}, { policies: undo('charge') }),
        action('book', 'test.echo', {}, { policies: undo('book') }), action('notify', 'test.echo'), action('ship', 'test.fail', { message: '"no courier"' }, { policies: undo('ship') })],
      edges: chain('start', 'reserve', 'charge', 'book', 'notify', 'ship'),
    });
    const done = await waitFor(run.id);
    expect(done.status).toBe('compensated');
    expect(done.error).toMatchObject({ nodeId: 'ship' });
    expect(step(done, 'charge').status).toBe('compensated');
    expect(step(done, 'reserve').status).toBe('compensated');
    expect(step(done, 'notify').status).toBe('succeeded');
    expect(step(done, 'ship').status).toBe('failed');
    const recorded = (await readFile(log, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { label: string; key: string });
    expect(recorded.map((r) => r.label)).toEqual(['undo book', 'undo charge', 'undo reserve']);
    expect(step(done, 'charge').attempts.map((a) => a.purpose)).toEqual(['execute', 'compensate']);
    const types = (await events(run.id)).map((e) => e.type);
    expect(types.slice(types.indexOf('run.compensating'))).toEqual([
      'run.compensating', 'step.compensating', 'step.compensated', 'step.compensating', 'step.compensated', 'step.compensating', 'step.compensated', 'run.completed',
    ]);
  });

  it('follows condition branches and skips the branch not taken', async () => {
    const definition = {
      name: 'Branch', nodes: [trigger, { id: 'big', type: 'condition', name: 'Big?', config: { mode: 'if', expression: 'input.amount > 100' } },
        action('review', 'test.echo', { who: '"manager"' }), action('auto', 'test.echo', { who: '"robot"' }),
        { id: 'done', type: 'join', name: 'Done', config: { mode: 'any' } }, { id: 'out', type: 'output', name: 'Out', config: { value: 'steps.review.who ? steps.review.who : steps.auto.who' } }],
      edges: [...chain('start', 'big'), { from: 'big', to: 'review', branch: 'true' }, { from: 'big', to: 'auto', branch: 'false' },
        { from: 'review', to: 'done' }, { from: 'auto', to: 'done' }, ...chain('done', 'out')],
    };
    const [large, small] = await Promise.all([start(definition, { amount: 500 }), start(definition, { amount: 5 })]);
    const [l, s] = await Promise.all([waitFor(large.id), waitFor(small.id)]);
    expect([l.status, l.output, step(l, 'auto').status, step(l, 'big').branch]).toEqual(['succeeded', { out: 'manager' }, 'skipped', 'true']);
    expect([s.status, s.output, step(s, 'review').status]).toEqual(['succeeded', { out: 'robot' }, 'skipped']);
  });

  it('maps over a list with at most `concurrency` items at once, keeping the order of results', async () => {
    const run = await start({
      name: 'Map', nodes: [trigger, { id: 'each', type: 'map', name: 'Each', config: { items: 'input.list', concurrency: 2, task: { type: 'action', config: { tool: 'test.sleep', input: { ms: '150', label: 'item' } } } } },
        { id: 'out', type: 'output', name: 'Out', config: { value: 'steps.each.label' } }],
      edges: chain('start', 'each', 'out'),
    }, { list: ['a', 'b', 'c', 'd', 'e'] });
    const done = await waitFor(run.id);
    expect(done.status).toBe('succeeded');
    expect(done.output).toEqual({ out: ['a', 'b', 'c', 'd', 'e'] });
    expect(done.progress).toEqual({ done: 8, total: 8 });
    const spans = [0, 1, 2, 3, 4].map((i) => step(done, 'each', i).attempts[0]!).map((a) => [Date.parse(a.startedAt), Date.parse(a.finishedAt!)] as const);
    for (const [s] of spans) expect(spans.filter(([s2, f2]) => s2 <= s && s < f2).length).toBeLessThanOrEqual(2);
    expect(new Set([0, 1, 2, 3, 4].map((i) => step(done, 'each', i).attempts[0]!.idempotencyKey)).size).toBe(5);
  });

  it('waits for a duration without failing, and for a person to approve or reject', async () => {
    const definition = {
      name: 'Approval', nodes: [trigger, { id: 'pause', type: 'wait', name: 'Cool-off', config: { durationMs: 50 } },
        { id: 'ok', type: 'approval', name: 'Manager OK', config: { message: '"Refund " & $string(input.amount) & "?"', approverRole: 'admin' } },
        { id: 'out', type: 'output', name: 'Out', config: { value: 'steps.ok.approved' } }],
      edges: chain('start', 'pause', 'ok', 'out'),
    };
    const run = await start(definition, { amount: 30 });
    const waiting = await waitFor(run.id, ['waiting']);
    expect(step(waiting, 'pause').status).toBe('succeeded');
    expect(step(waiting, 'ok')).toMatchObject({ status: 'waiting', approval: { message: 'Refund 30?', approverRole: 'admin' } });
    expect((await api('POST', `/api/runs/${run.id}/approve`, { nodeId: 'pause' })).status).toBe(409);
    const approved = await api<RunView>('POST', `/api/runs/${run.id}/approve`, { nodeId: 'ok', comment: 'fine' });
    expect(approved.status).toBe(200);
    const done = await waitFor(run.id);
    expect([done.status, done.output]).toEqual(['succeeded', { out: true }]);
    expect((await api('POST', `/api/runs/${run.id}/approve`, { nodeId: 'ok' })).body).toMatchObject({ error: { code: 'STEP_NOT_AWAITING_APPROVAL' } });

    const second = await start(definition, { amount: 9000 });
    await waitFor(second.id, ['waiting']);
    await api('POST', `/api/runs/${second.id}/reject`, { nodeId: 'ok', comment: 'too much' });
    const rejected = await waitFor(second.id);
    expect(rejected.status).toBe('failed');
    expect(rejected.error).toMatchObject({ code: 'APPROVAL_REJECTED', nodeId: 'ok' });
  });

  it('pauses after the steps in flight, resumes where it stopped, and cancels', async () => {
    const run = await start({
      name: 'Pausable', nodes: [trigger, action('first', 'test.sleep', { ms: '400' }), action('second', 'test.echo'), { id: 'out', type: 'output', name: 'Out', config: { value: '"done"' } }],
      edges: chain('start', 'first', 'second', 'out'),
    });
    await waitFor(run.id, ['running']);
    const paused = await api<RunView>('POST', `/api/runs/${run.id}/pause`);
    expect(paused.body.status).toBe('paused');
    expect((await api('POST', `/api/runs/${run.id}/pause`)).body).toMatchObject({ error: { code: 'INVALID_RUN_TRANSITION' } });
    await new Promise((resolve) => setTimeout(resolve, 800));
    const still = (await api<RunView>('GET', `/api/runs/${run.id}`)).body;
    expect(still.status).toBe('paused');
    expect(step(still, 'second').status).toBe('pending');
    await api('POST', `/api/runs/${run.id}/resume`);
    expect((await waitFor(run.id)).status).toBe('succeeded');

    const hanging = await start({ name: 'Hang', nodes: [trigger, action('hang', 'test.hang')], edges: chain('start', 'hang') });
    await waitFor(hanging.id, ['running']);
    expect((await api<RunView>('POST', `/api/runs/${hanging.id}/cancel`)).body.status).toBe('cancelled');
    const cancelled = await waitFor(hanging.id);
    expect(cancelled.status).toBe('cancelled');
    expect((await api('POST', `/api/runs/${hanging.id}/resume`)).status).toBe(409);
  });

  it('runs a saved workflow as a sub-workflow and uses its output', async () => {
    const child = await api<{ id: string }>('POST', '/api/workflows', { definition: {
      name: 'Child', nodes: [trigger, action('double', 'test.echo', { v: 'input.v * 2' }), { id: 'out', type: 'output', name: 'Out', config: { value: 'steps.double.v' } }],
      edges: chain('start', 'double', 'out'),
    } });
    expect(child.status).toBe(201);
    const run = await start({
      name: 'Parent', nodes: [trigger, { id: 'sub', type: 'subworkflow', name: 'Sub', config: { workflowId: child.body.id, input: { v: 'input.v' } } },
        { id: 'out', type: 'output', name: 'Out', config: { value: 'steps.sub.out + 1' } }],
      edges: chain('start', 'sub', 'out'),
    }, { v: 10 });
    const done = await waitFor(run.id);
    expect([done.status, done.output]).toEqual(['succeeded', { out: 21 }]);
    const children = (await api<{ items: { parentRunId: string | null; status: string }[] }>('GET', `/api/runs?workflowId=${child.body.id}`)).body.items;
    expect(children).toEqual([expect.objectContaining({ parentRunId: run.id, status: 'succeeded' })]);
  });

  it('tolerates a failure marked allowFailure and carries on', async () => {
    const run = await start({
      name: 'Tolerant', nodes: [trigger, action('optional', 'test.fail', {}, { policies: { allowFailure: true } }), action('after', 'test.echo', { got: 'steps.optional' })],
      edges: chain('start', 'optional', 'after'),
    });
    const done = await waitFor(run.id);
    expect([done.status, step(done, 'optional').status, step(done, 'after').output]).toEqual(['succeeded', 'failed', expect.objectContaining({ got: null })]);
  });
});
