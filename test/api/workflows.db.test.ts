import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowDefinition } from '../support/route-fixtures.ts';
import { as, createTestFoundry, signUpUser, type Account, type TestFoundry } from '../support/test-foundry.ts';

let foundry: TestFoundry;
let owner: Account;
beforeAll(async () => {
  foundry = await createTestFoundry();
  owner = await signUpUser(foundry, 'Flow Owner');
});
afterAll(async () => {
  await foundry?.dispose();
});

const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, account: Account = owner, workspaceId?: string) =>
  foundry.app.inject({ method, url, headers: as(account, workspaceId), ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

const broken = {
  name: 'Broken',
  nodes: [
    { id: 'start', type: 'trigger', name: 'Start' },
    { id: 'charge', type: 'action', name: 'Charge', config: { tool: 'payments.charge', credential: 'stripe' } },
    { id: 'check', type: 'condition', name: 'Check', config: { mode: 'if', expression: 'steps.charge.(' } },
    { id: 'orphan', type: 'output', name: 'Orphan', config: { value: '1' } },
  ],
  edges: [{ from: 'start', to: 'charge' }, { from: 'charge', to: 'check' }, { from: 'check', to: 'charge', branch: 'true' }],
};

describe('workflows API', () => {
  it('saves a valid definition as version 1 and every change as a new version', async () => {
    const created = await call('POST', '/api/workflows', { definition: workflowDefinition('Welcome flow') });
    expect(created.statusCode, created.body).toBe(201);
    const workflow = created.json();
    expect(workflow).toMatchObject({ name: 'Welcome flow', version: 1, latestVersion: 1 });
    expect(workflow.definition.onFailure).toBe('fail');

    const updated = await call('PUT', `/api/workflows/${workflow.id}`, { definition: { ...workflowDefinition('Welcome flow v2'), description: 'second' } });
    expect(updated.json()).toMatchObject({ name: 'Welcome flow v2', description: 'second', version: 2, latestVersion: 2 });

    const first = await call('GET', `/api/workflows/${workflow.id}?version=1`);
    expect(first.json()).toMatchObject({ version: 1, latestVersion: 2, definition: { name: 'Welcome flow' } });
    const versions = await call('GET', `/api/workflows/${workflow.id}/versions`);
    expect(versions.json().items.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect((await call('GET', `/api/workflows/${workflow.id}?version=3`)).json().error.code).toBe('WORKFLOW_VERSION_NOT_FOUND');

    const listed = await call('GET', '/api/workflows');
    expect(listed.json().items.map((w: { id: string }) => w.id)).toContain(workflow.id);

    expect((await call('DELETE', `/api/workflows/${workflow.id}`)).statusCode).toBe(204);
    expect((await call('GET', `/api/workflows/${workflow.id}`)).json().error.code).toBe('WORKFLOW_NOT_FOUND');
  });

  it('refuses an invalid definition with every problem and saves nothing', async () => {
    const before = await foundry.database.pool.query('select count(*)::int as n from workflow_versions');
    const refused = await call('POST', '/api/workflows', { definition: broken });
    expect(refused.statusCode).toBe(400);
    const error = refused.json().error;
    expect(error.code).toBe('WORKFLOW_INVALID');
    const codes = error.details.problems.map((p: { code: string; nodeId?: string }) => `${p.code}@${p.nodeId ?? '-'}`);
    expect(codes).toEqual(expect.arrayContaining(['UNKNOWN_TOOL@charge', 'MISSING_CREDENTIAL@charge', 'INVALID_EXPRESSION@check', 'UNREACHABLE@orphan']));
    expect(codes.some((c: string) => c.startsWith('CYCLE@'))).toBe(true);
    const after = await foundry.database.pool.query('select count(*)::int as n from workflow_versions');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('validates without saving, and knows the workspace credentials', async () => {
    const checked = await call('POST', '/api/workflows/validate', { definition: broken });
    expect(checked.statusCode).toBe(200);
    expect(checked.json().valid).toBe(false);
    expect(checked.json().problems.some((p: { code: string }) => p.code === 'MISSING_CREDENTIAL')).toBe(true);

    await call('POST', '/api/credentials', { name: 'stripe', kind: 'api_key', secret: 'sk-test-workflow' });
    const again = await call('POST', '/api/workflows/validate', { definition: broken });
    expect(again.json().problems.some((p: { code: string }) => p.code === 'MISSING_CREDENTIAL')).toBe(false);

    const fine = await call('POST', '/api/workflows/validate', { definition: workflowDefinition('Fine') });
    expect(fine.json()).toEqual({ valid: true, problems: [] });
  });

  it('lets viewers read but not change workflows', async () => {
    const viewer = await signUpUser(foundry, 'Flow Viewer');
    const shared = (await call('POST', '/api/workspaces', { name: 'Flows team' })).json();
    expect((await call('POST', '/api/workspace/members', { email: viewer.email, role: 'viewer' }, owner, shared.id)).statusCode).toBe(201);
    const workflow = (await call('POST', '/api/workflows', { definition: workflowDefinition('Team flow') }, owner, shared.id)).json();

    expect((await call('GET', `/api/workflows/${workflow.id}`, undefined, viewer, shared.id)).statusCode).toBe(200);
    const refused = await call('POST', '/api/workflows', { definition: workflowDefinition('Viewer flow') }, viewer, shared.id);
    expect(refused.statusCode).toBe(403);
    expect((await call('PUT', `/api/workflows/${workflow.id}`, { definition: workflowDefinition('x') }, viewer, shared.id)).statusCode).toBe(403);
    expect((await call('DELETE', `/api/workflows/${workflow.id}`, undefined, viewer, shared.id)).statusCode).toBe(403);
  });
});
