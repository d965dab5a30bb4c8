import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEventView, RunView } from '../../src/engine/index.ts';
import { workflowDefinition } from '../support/route-fixtures.ts';
import { as, createTestFoundry, signUpUser, type Account, type TestFoundry } from '../support/test-foundry.ts';

let foundry: TestFoundry;
let owner: Account;
let viewer: Account;
beforeAll(async () => {
  foundry = await createTestFoundry();
  owner = await signUpUser(foundry, 'Run Owner');
  viewer = await signUpUser(foundry, 'Run Viewer');
  const added = await call('POST', '/api/workspace/members', { email: viewer.email, role: 'viewer' });
  expect(added.statusCode, added.body).toBe(201);
});
afterAll(async () => {
  await foundry?.dispose();
});

function call(method: 'GET' | 'POST', url: string, payload?: unknown, account: Account = owner, workspaceId?: string) {
  return foundry.app.inject({ method, url, headers: as(account, workspaceId), ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
}

const runCount = async () => (await call('GET', '/api/runs?limit=200')).json<{ items: unknown[] }>().items.length;

async function finished(id: string): Promise<RunView> {
  for (let i = 0; i < 400; i++) {
    const run = (await call('GET', `/api/runs/${id}`)).json<RunView>();
    if (['succeeded', 'failed', 'compensated', 'cancelled'].includes(run.status)) return run;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`run ${id} did not finish`);
}

const approvalFlow = {
  name: 'Needs approval',
  inputSchema: { type: 'object', required: ['title'], properties: { title: { type: 'string', maxLength: 40 } } },
  nodes: [
    { id: 'start', type: 'trigger', name: 'Start' },
    { id: 'ok', type: 'approval', name: 'Publish?', config: { message: '"Publish " & input.title', approverRole: 'editor' } },
    { id: 'out', type: 'output', name: 'Out', config: { value: 'input.title' } },
  ],
  edges: [{ from: 'start', to: 'ok' }, { from: 'ok', to: 'out' }],
};

describe('runs API', () => {
  it('refuses a run it cannot start with a 4xx and a code, and stores nothing', async () => {
    const before = await runCount();
    const both = await call('POST', '/api/runs', { workflowId: '00000000-0000-4000-8000-000000000000', definition: workflowDefinition('x') });
    expect([both.statusCode, both.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const notAnObject = await call('POST', '/api/runs', { definition: workflowDefinition('x'), input: [1, 2] });
    expect([notAnObject.statusCode, notAnObject.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const invalid = await call('POST', '/api/runs', { definition: { name: 'Bad', nodes: [{ id: 'x', type: 'teleport', name: 'X' }] } });
    expect([invalid.statusCode, invalid.json().error.code]).toEqual([400, 'WORKFLOW_INVALID']);
    const badInput = await call('POST', '/api/runs', { definition: approvalFlow, input: { title: 42 } });
    expect([badInput.statusCode, badInput.json().error.code]).toEqual([400, 'RUN_INPUT_INVALID']);
    expect(badInput.json().error.details.problems).toEqual([{ path: '/title', message: 'must be string' }]);
    const unknown = await call('POST', '/api/runs', { workflowId: '00000000-0000-4000-8000-000000000000' });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'WORKFLOW_NOT_FOUND']);
    const tooBig = await call('POST', '/api/runs', { definition: workflowDefinition('Big'), input: { blob: 'x'.repeat(2 * 1024 * 1024) } });
    expect(tooBig.statusCode).toBe(413);
    expect(await runCount()).toBe(before);
  });

  it('starts a run once per idempotency key', async () => {
    const body = { definition: workflowDefinition('Once'), input: { n: 1 }, idempotencyKey: 'order-1234' };
    const first = await call('POST', '/api/runs', body);
    const again = await call('POST', '/api/runs', body);
    expect([first.statusCode, again.statusCode]).toEqual([202, 202]);
    expect(again.json().id).toBe(first.json().id);
    expect((await call('GET', '/api/runs?limit=200')).json<{ items: { id: string }[] }>().items.filter((r) => r.id === first.json().id)).toHaveLength(1);
  });

  it('lets viewers read runs but not start, control or decide them', async () => {
    const run = (await call('POST', '/api/runs', { definition: approvalFlow, input: { title: 'Spring' } })).json<RunView>();
    const asViewer = (method: 'GET' | 'POST', url: string, payload?: unknown) => call(method, url, payload, viewer, owner.workspaceId);
    expect((await asViewer('GET', `/api/runs/${run.id}`)).statusCode).toBe(200);
    expect((await asViewer('POST', '/api/runs', { definition: approvalFlow, input: { title: 'x' } })).statusCode).toBe(403);
    expect((await asViewer('POST', `/api/runs/${run.id}/cancel`)).statusCode).toBe(403);
    for (let i = 0; i < 200 && (await call('GET', `/api/runs/${run.id}`)).json<RunView>().status !== 'waiting'; i++) await new Promise((r) => setTimeout(r, 50));
    const decided = await asViewer('POST', `/api/runs/${run.id}/approve`, { nodeId: 'ok' });
    expect([decided.statusCode, decided.json().error.code]).toEqual([403, 'FORBIDDEN']);
    const unknownNode = await call('POST', `/api/runs/${run.id}/approve`, { nodeId: 'nope' });
    expect([unknownNode.statusCode, unknownNode.json().error.code]).toEqual([409, 'STEP_NOT_AWAITING_APPROVAL']);
    expect((await call('POST', `/api/runs/${run.id}/approve`, { nodeId: 'ok' })).statusCode).toBe(200);
    expect((await finished(run.id)).output).toEqual({ out: 'Spring' });
  });

  it('marks a waiting approval step failed when its run is cancelled', async () => {
    const run = (await call('POST', '/api/runs', { definition: approvalFlow, input: { title: 'Gone' } })).json<RunView>();
    for (let i = 0; i < 200 && (await call('GET', `/api/runs/${run.id}`)).json<RunView>().status !== 'waiting'; i++) await new Promise((r) => setTimeout(r, 50));
    const cancelled = (await call('POST', `/api/runs/${run.id}/cancel`)).json<RunView>();
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.steps.find((s) => s.nodeId === 'ok')).toMatchObject({ status: 'failed', error: { code: 'RUN_CANCELLED' } });
    expect((await call('POST', `/api/runs/${run.id}/approve`, { nodeId: 'ok' })).statusCode).toBe(409);
  });

  it('cancels the live sub-workflow runs of a cancelled run', async () => {
    const child = await call('POST', '/api/workflows', { definition: { ...approvalFlow, name: 'Child approval' } });
    expect(child.statusCode, child.body).toBe(201);
    const parent = (await call('POST', '/api/runs', { definition: {
      name: 'Parent', nodes: [
        { id: 'start', type: 'trigger', name: 'Start' },
        { id: 'sub', type: 'subworkflow', name: 'Sub', config: { workflowId: child.json().id, input: { title: '"Nested"' } } },
      ],
      edges: [{ from: 'start', to: 'sub' }],
    }, input: {} })).json<RunView>();
    let children: { id: string; status: string }[] = [];
    for (let i = 0; i < 200; i++) {
      children = (await call('GET', `/api/runs?workflowId=${child.json().id}`)).json<{ items: { id: string; status: string }[] }>().items;
      if (children[0]?.status === 'waiting') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(children).toHaveLength(1);
    expect((await call('POST', `/api/runs/${parent.id}/cancel`)).json<RunView>().status).toBe('cancelled');
    const cancelledChild = (await call('GET', `/api/runs/${children[0]!.id}`)).json<RunView>();
    expect(cancelledChild.status).toBe('cancelled');
    expect(cancelledChild.error).toMatchObject({ code: 'RUN_CANCELLED' });
    expect(cancelledChild.steps.find((s) => s.nodeId === 'ok')!.status).toBe('failed');
    const timeline = (await call('GET', `/api/runs/${children[0]!.id}/events`)).json<{ items: RunEventView[] }>().items;
    expect(timeline.at(-1)).toMatchObject({ type: 'run.completed', data: { status: 'cancelled' } });
  });

  it('streams the timeline as server-sent events and ends after run.completed', async () => {
    const run = (await call('POST', '/api/runs', { definition: workflowDefinition('Streamed'), input: { hello: 'world' } })).json<RunView>();
    const stream = await call('GET', `/api/runs/${run.id}/stream`);
    expect(stream.statusCode).toBe(200);
    expect(stream.headers['content-type']).toContain('text/event-stream');
    const events = stream.body.split('\n\n').filter((block) => block.startsWith('id:'))
      .map((block) => JSON.parse(block.split('\n').find((l) => l.startsWith('data: '))!.slice(6)) as RunEventView);
    expect(events.map((e) => e.type)).toEqual(['run.queued', 'run.started', 'step.succeeded', 'step.succeeded', 'run.completed']);
    expect(events.at(-1)!.data).toMatchObject({ status: 'succeeded', progress: { done: 2, total: 2 } });
    const after = (await call('GET', `/api/runs/${run.id}/events?after=${events[1]!.seq}`)).json<{ items: RunEventView[] }>().items;
    expect(after.map((e) => e.seq)).toEqual(events.slice(2).map((e) => e.seq));
    expect((await call('GET', `/api/runs/${run.id}`)).json<RunView>().output).toEqual({ result: { hello: 'world' } });
  });

  it('exposes the worker in the metrics', async () => {
    const metrics = await foundry.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('foundry_worker_active_runs');
  });
});
