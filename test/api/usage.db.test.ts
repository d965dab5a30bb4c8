import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUsageLedger, type UsageLedger, type UsageRecordInput } from '../../src/models/index.ts';
import type { BudgetView, UsageSummaryView } from '../../src/models/index.ts';
import { createRouteFixture, type RouteFixture } from '../support/route-fixtures.ts';
import { as, createTestFoundry, signUpUser, type Account, type TestFoundry } from '../support/test-foundry.ts';

/**
 * Cost accounting over HTTP, in process: usage written through the ledger the gateway uses,
 * summaries per workspace and project, budgets with roles, enforcement, month periods and tenancy.
 */

let foundry: TestFoundry;
let a: RouteFixture;
let b: RouteFixture;
let secondProject: string;
let viewer: Account;
let admin: Account;
/** Stamps records in May and June 2025, so ranges and month periods are exact. */
let at = new Date('2025-05-10T09:00:00Z');
let ledger: UsageLedger;

const record = (input: Partial<UsageRecordInput> & { workspaceId: string }): UsageRecordInput => ({
  role: 'chat', operation: 'compose', provider: 'openai', model: 'gpt-4o-mini', tokensIn: 100, tokensOut: 50, costUsd: 0.01,
  cached: false, fellBack: false, durationMs: 250, ...input,
});

async function api<T>(account: Account, method: 'GET' | 'PUT' | 'DELETE', url: string, payload?: unknown) {
  const response = await foundry.app.inject({ method, url, headers: as(account), ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: response.statusCode, body: (response.body ? response.json() : undefined) as T, error: response.body ? response.json<{ error?: { code: string; message: string } }>().error : undefined };
}

async function addMember(role: 'viewer' | 'admin'): Promise<Account> {
  const account = await signUpUser(foundry, `A ${role}`);
  const added = await foundry.app.inject({ method: 'POST', url: '/api/workspace/members', headers: as(a.owner), payload: { email: account.email, role } });
  expect(added.statusCode, added.body).toBe(201);
  return { ...account, workspaceId: a.workspace.id };
}

/** A header-less account acts in its personal workspace; these reach A's through the path. */
const owner = () => a.owner;

beforeAll(async () => {
  foundry = await createTestFoundry();
  a = await createRouteFixture(foundry, { label: 'Usage A' });
  b = await createRouteFixture(foundry, { label: 'Usage B' });
  const created = await foundry.app.inject({ method: 'POST', url: '/api/projects', headers: as(a.owner), payload: { name: 'Second project', studio: 'software' } });
  secondProject = created.json<{ id: string }>().id;
  viewer = await addMember('viewer');
  admin = await addMember('admin');
  ledger = createUsageLedger({ db: foundry.database.db, clock: { now: () => at } });
});
afterAll(async () => {
  await foundry?.dispose();
});

describe('usage summaries', () => {
  beforeAll(async () => {
    const ws = a.workspace.id;
    at = new Date('2025-05-01T00:00:00Z');
    await ledger.record(record({ workspaceId: ws, projectId: a.project.id, costUsd: 0.1, tokensIn: 1000, tokensOut: 200 }));
    at = new Date('2025-05-01T23:59:59Z');
    await ledger.record(record({ workspaceId: ws, projectId: a.project.id, costUsd: 0.2, cached: true, messageId: a.message.id }));
    at = new Date('2025-05-03T12:00:00Z');
    await ledger.record(record({ workspaceId: ws, projectId: secondProject, role: 'extraction', operation: 'extractEntities', provider: 'anthropic', model: 'claude-haiku-4-5', costUsd: 0.05, tokensIn: 300, tokensOut: 40 }));
    await ledger.record(record({ workspaceId: ws, runId: a.run.id, role: 'extraction', operation: 'classifyIntent', provider: 'builtin', model: 'builtin', costUsd: 0, tokensIn: 0, tokensOut: 0, fellBack: true }));
    at = new Date('2025-06-01T00:00:00Z');
    await ledger.record(record({ workspaceId: ws, projectId: a.project.id, costUsd: 7 }));
    at = new Date('2025-05-02T08:00:00Z');
    await ledger.record(record({ workspaceId: b.workspace.id, projectId: b.project.id, costUsd: 99, model: 'tenant-b-model' }));
  });

  it("sums the workspace's calls, tokens and cost over a range, broken down by model, operation, project and day", async () => {
    const { status, body } = await api<UsageSummaryView>(owner(), 'GET', `/api/workspaces/${a.workspace.id}/usage?from=2025-05-01&to=2025-05-31`);
    expect(status).toBe(200);
    expect(body.from).toBe('2025-05-01T00:00:00.000Z');
    expect(body.to).toBe('2025-06-01T00:00:00.000Z');
    expect(body.totals).toEqual({ calls: 4, tokensIn: 1400, tokensOut: 290, costUsd: 0.35, cachedCalls: 1, fallbacks: 1 });
    expect(body.byModel).toEqual([
      { provider: 'openai', model: 'gpt-4o-mini', calls: 2, tokensIn: 1100, tokensOut: 250, costUsd: 0.3, cachedCalls: 1, fallbacks: 0 },
      { provider: 'anthropic', model: 'claude-haiku-4-5', calls: 1, tokensIn: 300, tokensOut: 40, costUsd: 0.05, cachedCalls: 0, fallbacks: 0 },
      { provider: 'builtin', model: 'builtin', calls: 1, tokensIn: 0, tokensOut: 0, costUsd: 0, cachedCalls: 0, fallbacks: 1 },
    ]);
    expect(body.byOperation.map((o) => [o.role, o.operation, o.calls, o.costUsd])).toEqual([
      ['chat', 'compose', 2, 0.3], ['extraction', 'extractEntities', 1, 0.05], ['extraction', 'classifyIntent', 1, 0],
    ]);
    expect(body.byProject.map((p) => [p.projectId, p.projectName, p.calls, p.costUsd])).toEqual([
      [a.project.id, a.project.name, 2, 0.3], [secondProject, 'Second project', 1, 0.05], [null, null, 1, 0],
    ]);
    expect(body.byDay.map((d) => [d.day, d.calls, d.costUsd])).toEqual([['2025-05-01', 2, 0.3], ['2025-05-03', 2, 0.05]]);
    expect(body.recent.map((r) => r.createdAt)).toEqual([
      '2025-05-03T12:00:00.000Z', '2025-05-03T12:00:00.000Z', '2025-05-01T23:59:59.000Z', '2025-05-01T00:00:00.000Z',
    ]);
    expect(body.recent[0]).toMatchObject({ runId: a.run.id, operation: 'classifyIntent', fellBack: true });
    expect(body.recent[2]).toMatchObject({ projectId: a.project.id, messageId: a.message.id, cached: true, tokensIn: 100, tokensOut: 50, durationMs: 250 });
    expect(JSON.stringify(body)).not.toContain('tenant-b-model');
  });

  it('reads a range as [from, to): a date includes its whole day, an instant ends just before it', async () => {
    const day = await api<UsageSummaryView>(owner(), 'GET', `/api/workspaces/${a.workspace.id}/usage?from=2025-05-01&to=2025-05-01`);
    expect(day.body.totals.calls).toBe(2);
    const instant = await api<UsageSummaryView>(owner(), 'GET', `/api/workspaces/${a.workspace.id}/usage?from=2025-05-01T00:00:00Z&to=2025-05-01T23:59:59Z`);
    expect(instant.body.totals.calls).toBe(1);
    const june = await api<UsageSummaryView>(owner(), 'GET', `/api/workspaces/${a.workspace.id}/usage?from=2025-06-01&limit=1`);
    expect(june.body).toMatchObject({ from: '2025-06-01T00:00:00.000Z', to: '2025-07-01T00:00:00.000Z', totals: { calls: 1, costUsd: 7 } });
    expect(june.body.recent).toHaveLength(1);
  });

  it("summarises one project, and defaults to the current month", async () => {
    const { status, body } = await api<UsageSummaryView>(owner(), 'GET', `/api/projects/${a.project.id}/usage?from=2025-05-01&to=2025-06-30&limit=0`);
    expect(status).toBe(200);
    expect(body.projectId).toBe(a.project.id);
    expect(body.totals).toMatchObject({ calls: 3, costUsd: 7.3, cachedCalls: 1 });
    expect(body.byProject).toEqual([expect.objectContaining({ projectId: a.project.id, calls: 3 })]);
    expect(body.recent).toEqual([]);

    const now = new Date();
    const current = await api<UsageSummaryView>(viewer, 'GET', `/api/projects/${secondProject}/usage?workspace=${a.workspace.id}`);
    expect(current.status).toBe(200);
    expect(current.body.from).toBe(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString());
    expect(current.body.totals.calls).toBe(0);
  });

  it('refuses empty, reversed, over-long and malformed ranges with 400', async () => {
    const url = `/api/workspaces/${a.workspace.id}/usage`;
    for (const [query, code] of [
      ['from=2025-05-02&to=2025-05-01', 'INVALID_RANGE'], ['from=2025-05-01T10:00:00Z&to=2025-05-01T10:00:00Z', 'INVALID_RANGE'],
      ['from=2020-01-01&to=2025-01-01', 'INVALID_RANGE'], ['from=yesterday', 'VALIDATION_FAILED'], ['from=2025-02-30', 'VALIDATION_FAILED'],
      ['limit=500', 'VALIDATION_FAILED'], ['limit=-1', 'VALIDATION_FAILED'],
    ] as const) {
      const response = await api(owner(), 'GET', `${url}?${query}`);
      expect([query, response.status, response.error?.code]).toEqual([query, 400, code]);
    }
  });
});

describe('budgets', () => {
  const url = () => `/api/workspaces/${a.workspace.id}/budgets`;

  it('lets owners and admins set budgets of the workspace, its projects and runs, and every member read them', async () => {
    const set = await api<BudgetView>(owner(), 'PUT', url(), { scope: 'workspace', scopeId: a.workspace.id, limitUsd: 100, period: 'month' });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ scope: 'workspace', scopeId: a.workspace.id, name: a.workspace.name, limitUsd: 100, period: 'month', exceeded: false });
    const now = new Date();
    expect(set.body.periodStart).toBe(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1)).toISOString());

    const byAdmin = await api<BudgetView>(admin, 'PUT', url(), { scope: 'project', scopeId: a.project.id, limitUsd: 10 });
    expect(byAdmin.status).toBe(200);
    // The project has spent 7.3 in total, all of it in 2025.
    expect(byAdmin.body).toMatchObject({ scope: 'project', name: a.project.name, period: 'total', spentUsd: 7.3, periodStart: null, exceeded: false });
    expect((await api<BudgetView>(owner(), 'PUT', url(), { scope: 'run', scopeId: a.run.id, limitUsd: 0.5, period: 'total' })).body)
      .toMatchObject({ scope: 'run', name: 'Usage A onboarding flow', spentUsd: 0 });

    const listed = await api<{ items: BudgetView[] }>(viewer, 'GET', url());
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((i) => [i.scope, i.scopeId, i.limitUsd])).toEqual([
      ['workspace', a.workspace.id, 100], ['project', a.project.id, 10], ['run', a.run.id, 0.5],
    ]);

    const audit = await foundry.app.inject({ method: 'GET', url: '/api/audit?limit=20', headers: as(a.owner) });
    expect(audit.json<{ items: { action: string; targetId: string }[] }>().items.filter((e) => e.action === 'budget.set').map((e) => e.targetId))
      .toEqual(expect.arrayContaining([a.workspace.id, a.project.id, a.run.id]));
  });

  it('replaces a budget when it is set again', async () => {
    const replaced = await api<BudgetView>(owner(), 'PUT', url(), { scope: 'project', scopeId: a.project.id, limitUsd: 7.3, period: 'total' });
    expect(replaced.body).toMatchObject({ limitUsd: 7.3, spentUsd: 7.3, exceeded: true });
    const listed = await api<{ items: BudgetView[] }>(owner(), 'GET', url());
    expect(listed.body.items.filter((i) => i.scope === 'project')).toHaveLength(1);
  });

  it('refuses editors and viewers, and scopes outside the workspace', async () => {
    const login = await foundry.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: a.member.email, password: 'correct horse battery' } });
    const editor: Account = { token: login.json<{ token: string }>().token, userId: a.member.userId, workspaceId: a.workspace.id, email: a.member.email };
    for (const who of [editor, viewer]) {
      const refused = await api(who, 'PUT', url(), { scope: 'project', scopeId: secondProject, limitUsd: 1 });
      expect([refused.status, refused.error?.code]).toEqual([403, 'FORBIDDEN']);
      const notRemoved = await api(who, 'DELETE', `${url()}/project/${a.project.id}`);
      expect(notRemoved.status).toBe(403);
    }
    for (const [body, code] of [
      [{ scope: 'workspace', scopeId: b.workspace.id, limitUsd: 1 }, 'WORKSPACE_NOT_FOUND'],
      [{ scope: 'project', scopeId: b.project.id, limitUsd: 1 }, 'PROJECT_NOT_FOUND'],
      [{ scope: 'run', scopeId: b.run.id, limitUsd: 1 }, 'RUN_NOT_FOUND'],
      [{ scope: 'run', scopeId: a.project.id, limitUsd: 1 }, 'RUN_NOT_FOUND'],
    ] as const) {
      const refused = await api(owner(), 'PUT', url(), body);
      expect([body.scope, refused.status, refused.error?.code]).toEqual([body.scope, 404, code]);
    }
    for (const body of [{ scope: 'project', scopeId: a.project.id, limitUsd: -1 }, { scope: 'team', scopeId: a.project.id, limitUsd: 1 }, { scope: 'project', scopeId: a.project.id, limitUsd: 1, period: 'week' }]) {
      expect((await api(owner(), 'PUT', url(), body)).status).toBe(400);
    }
  });

  it('removes a budget, and answers 404 for one that is not there', async () => {
    expect((await api(admin, 'DELETE', `${url()}/run/${a.run.id}`)).status).toBe(204);
    const again = await api(admin, 'DELETE', `${url()}/run/${a.run.id}`);
    expect([again.status, again.error?.code]).toEqual([404, 'BUDGET_NOT_FOUND']);
    const listed = await api<{ items: BudgetView[] }>(owner(), 'GET', url());
    expect(listed.body.items.map((i) => i.scope)).toEqual(['workspace', 'project']);
  });

  it("keeps tenants apart: B neither reads nor sets A's usage and budgets", async () => {
    for (const path of [`/api/workspaces/${a.workspace.id}/usage`, url()]) {
      const read = await api(b.owner, 'GET', path);
      expect([path, read.status, read.error?.code]).toEqual([path, 404, 'WORKSPACE_NOT_FOUND']);
    }
    const project = await api(b.owner, 'GET', `/api/projects/${a.project.id}/usage`);
    expect([project.status, project.error?.code]).toEqual([404, 'PROJECT_NOT_FOUND']);
    const intoA = await api(b.owner, 'PUT', url(), { scope: 'workspace', scopeId: a.workspace.id, limitUsd: 0 });
    expect([intoA.status, intoA.error?.code]).toEqual([404, 'WORKSPACE_NOT_FOUND']);
    const removeA = await api(b.owner, 'DELETE', `${url()}/project/${a.project.id}`);
    expect([removeA.status, removeA.error?.code]).toEqual([404, 'WORKSPACE_NOT_FOUND']);
    const ownList = await api<{ items: BudgetView[] }>(b.owner, 'GET', `/api/workspaces/${b.workspace.id}/budgets`);
    expect(ownList.body.items).toEqual([]);
    const ownUsage = await api<UsageSummaryView>(b.owner, 'GET', `/api/workspaces/${b.workspace.id}/usage?from=2025-05-01&to=2025-05-31`);
    expect(ownUsage.body.totals).toMatchObject({ calls: 1, costUsd: 99 });
    expect(JSON.stringify(ownUsage.body)).not.toContain(a.project.id);
  });
});

describe('assertWithinBudget', () => {
  let ws: string;
  let project: string;
  let other: string;
  let run: string;
  let t: RouteFixture;
  const ledgerAt = (iso: string) => createUsageLedger({ db: foundry.database.db, clock: { now: () => new Date(iso) } });
  const put = async (body: Record<string, unknown>) => {
    const response = await foundry.app.inject({ method: 'PUT', url: `/api/workspaces/${ws}/budgets`, headers: as(t.owner), payload: body });
    expect(response.statusCode, response.body).toBe(200);
  };

  beforeAll(async () => {
    // A fresh tenant: its budgets and usage are this block's alone.
    t = await createRouteFixture(foundry, { label: 'Budget C' });
    ws = t.workspace.id;
    project = t.project.id;
    run = t.run.id;
    const created = await foundry.app.inject({ method: 'POST', url: '/api/projects', headers: as(t.owner), payload: { name: 'Unbudgeted', studio: 'brand' } });
    other = created.json<{ id: string }>().id;
    await put({ scope: 'project', scopeId: project, limitUsd: 1, period: 'month' });
    await put({ scope: 'workspace', scopeId: ws, limitUsd: 3, period: 'total' });
  });

  it('passes under the limit and throws 402 BUDGET_EXCEEDED at it, naming the scope, the limit and the spend', async () => {
    const may = ledgerAt('2025-05-20T10:00:00Z');
    await may.assertWithinBudget({ workspaceId: ws, projectId: project });
    await may.record(record({ workspaceId: ws, projectId: project, costUsd: 0.7 }));
    await may.assertWithinBudget({ workspaceId: ws, projectId: project });
    await may.record(record({ workspaceId: ws, projectId: project, costUsd: 0.1 }));
    await may.record(record({ workspaceId: ws, projectId: project, costUsd: 0.2 }));

    const error = await may.assertWithinBudget({ workspaceId: ws, projectId: project, messageId: a.message.id }).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'BUDGET_EXCEEDED', status: 402, retryable: false,
      details: { scope: 'project', scopeId: project, limitUsd: 1, spentUsd: 1, period: 'month', periodStart: '2025-05-01T00:00:00.000Z' },
    });
    expect((error as Error).message).toBe('The project budget of $1.00 a month is spent: $1.00 used this month (since 2025-05-01). Raise or remove the budget to continue.');

    // Another project of the workspace is still under the workspace's budget.
    await may.assertWithinBudget({ workspaceId: ws, projectId: other });
    await may.assertWithinBudget({ workspaceId: ws });
  });

  it('starts a month budget afresh on the first of the next month (UTC), while a total budget keeps counting', async () => {
    await expect(ledgerAt('2025-05-31T23:59:59Z').assertWithinBudget({ workspaceId: ws, projectId: project })).rejects.toMatchObject({ code: 'BUDGET_EXCEEDED' });
    const june = ledgerAt('2025-06-01T00:00:00Z');
    await june.assertWithinBudget({ workspaceId: ws, projectId: project });

    await june.record(record({ workspaceId: ws, projectId: other, costUsd: 2.5 }));
    const error = await june.assertWithinBudget({ workspaceId: ws, projectId: project }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BUDGET_EXCEEDED', details: { scope: 'workspace', scopeId: ws, limitUsd: 3, spentUsd: 3.5, period: 'total', periodStart: null } });
  });

  it('names the narrowest spent budget first and lists every one that is spent', async () => {
    await put({ scope: 'run', scopeId: run, limitUsd: 0 });
    const error = await ledgerAt('2025-06-02T00:00:00Z').assertWithinBudget({ workspaceId: ws, projectId: project, runId: run }).catch((e: unknown) => e);
    expect(error).toMatchObject({ details: { scope: 'run', scopeId: run, limitUsd: 0, spentUsd: 0 } });
    expect((error as { details: { exceeded: { scope: string }[] } }).details.exceeded.map((e) => e.scope)).toEqual(['run', 'workspace']);
  });

  it("applies only the caller's workspace budgets: another tenant's spent budget never blocks it", async () => {
    // A's project budget (7.3 of 7.3) is spent; naming that project from B's workspace finds no budget of B.
    await expect(ledger.assertWithinBudget({ workspaceId: a.workspace.id, projectId: a.project.id })).rejects.toMatchObject({ code: 'BUDGET_EXCEEDED' });
    await ledger.assertWithinBudget({ workspaceId: b.workspace.id, projectId: a.project.id });
  });

  it('refuses a record with a cost that is not a finite amount of 0 or more', async () => {
    for (const costUsd of [Number.NaN, -0.01, Number.POSITIVE_INFINITY]) {
      await expect(ledger.record(record({ workspaceId: ws, costUsd }))).rejects.toMatchObject({ code: 'USAGE_RECORD_INVALID' });
    }
  });
});
