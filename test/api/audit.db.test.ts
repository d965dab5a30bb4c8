import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventView } from '../../src/auth/index.ts';
import { as, createTestFoundry, signUpUser, type Account, type TestFoundry } from '../support/test-foundry.ts';

let foundry: TestFoundry;
beforeAll(async () => {
  foundry = await createTestFoundry();
});
afterAll(async () => {
  await foundry?.dispose();
});

type AuditEvent = AuditEventView;

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

function call(account: Account, workspaceId: string | undefined, method: Method, url: string, payload?: Record<string, unknown>) {
  return foundry.app.inject({ method, url, headers: as(account, workspaceId), ...(payload ? { payload } : {}) });
}

async function ok<T = Record<string, unknown>>(response: Promise<Awaited<ReturnType<typeof call>>>, status: number): Promise<T> {
  const settled = await response;
  if (settled.statusCode !== status) throw new Error(`expected ${status}, got ${settled.statusCode}: ${settled.body}`);
  return (settled.body ? settled.json() : undefined) as T;
}

async function auditOf(account: Account, workspaceId?: string, query = ''): Promise<{ items: AuditEvent[]; nextCursor: number | null }> {
  return ok(call(account, workspaceId, 'GET', `/api/audit${query}`), 200);
}

describe('audit log', () => {
  it('records who did what: sign-up, projects, tokens and members', async () => {
    const owner = await signUpUser(foundry, 'Auditor');
    const colleague = await signUpUser(foundry, 'Colleague');
    const project = await ok<{ id: string }>(call(owner, undefined, 'POST', '/api/projects', { name: 'Audited', studio: 'product' }), 201);
    const token = await ok<{ id: string; token: string }>(call(owner, undefined, 'POST', '/api/tokens', { name: 'audited token' }), 201);
    await ok(call(owner, undefined, 'POST', '/api/workspace/members', { email: colleague.email, role: 'editor' }), 201);
    await ok(call(owner, undefined, 'POST', `/api/projects/${project.id}/members`, { email: colleague.email, role: 'viewer' }), 201);
    await ok(call(owner, undefined, 'PATCH', `/api/workspace/members/${colleague.userId}`, { role: 'viewer' }), 200);
    await ok(call(owner, undefined, 'DELETE', `/api/tokens/${token.id}`), 204);
    await ok(call(owner, undefined, 'DELETE', `/api/workspace/members/${colleague.userId}`), 204);

    const { items } = await auditOf(owner);
    const entries = items.map((e) => ({ action: e.action, actorId: e.actorId, targetType: e.targetType, targetId: e.targetId }));
    expect(entries.reverse()).toEqual([
      { action: 'user.signed_up', actorId: owner.userId, targetType: 'user', targetId: owner.userId },
      { action: 'project.created', actorId: owner.userId, targetType: 'project', targetId: project.id },
      { action: 'token.created', actorId: owner.userId, targetType: 'api_token', targetId: token.id },
      { action: 'member.added', actorId: owner.userId, targetType: 'user', targetId: colleague.userId },
      { action: 'project_member.added', actorId: owner.userId, targetType: 'project', targetId: project.id },
      { action: 'member.role_changed', actorId: owner.userId, targetType: 'user', targetId: colleague.userId },
      { action: 'token.revoked', actorId: owner.userId, targetType: 'api_token', targetId: token.id },
      { action: 'member.removed', actorId: owner.userId, targetType: 'user', targetId: colleague.userId },
    ]);
    const byAction = new Map(items.map((e) => [e.action, e]));
    expect(byAction.get('member.added')?.details).toEqual({ role: 'editor' });
    expect(byAction.get('member.role_changed')?.details).toEqual({ from: 'editor', to: 'viewer' });
    expect(byAction.get('project_member.added')?.details).toEqual({ userId: colleague.userId, role: 'viewer' });
    expect(byAction.get('token.created')?.details).toEqual({ name: 'audited token' });
    expect(items.every((e) => !Number.isNaN(Date.parse(e.createdAt)))).toBe(true);

    // Newest first, and never a secret.
    expect(items.map((e) => e.seq)).toEqual([...items.map((e) => e.seq)].sort((a, b) => b - a));
    const { rows: leaks } = await foundry.database.pool.query(
      'select action from audit_events where strpos(row_to_json(audit_events)::text, $1) > 0 or strpos(row_to_json(audit_events)::text, $2) > 0',
      [token.token, owner.token],
    );
    expect(leaks).toEqual([]);

    // The colleague's own sign-up is in their personal workspace, not here.
    const colleagueLog = await auditOf(colleague);
    expect(colleagueLog.items.map((e) => [e.action, e.actorId])).toEqual([['user.signed_up', colleague.userId]]);
  });

  it('records a failed log-in outside any workspace, with the address it came from', async () => {
    const victim = await signUpUser(foundry, 'Victim');
    const failed = await foundry.app.inject({
      method: 'POST', url: '/api/auth/login', payload: { email: victim.email, password: 'guessing wrong' }, remoteAddress: '203.0.113.7',
    });
    expect(failed.statusCode).toBe(401);
    const { rows } = await foundry.database.pool.query(
      `select workspace_id, actor_id, details, ip from audit_events where action = 'user.login_failed' and details->>'email' = $1`,
      [victim.email],
    );
    expect(rows).toEqual([{ workspace_id: null, actor_id: victim.userId, details: { email: victim.email }, ip: '203.0.113.7' }]);
    expect(JSON.stringify(rows)).not.toContain('guessing wrong');

    const good = await foundry.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: victim.email, password: 'correct horse battery' } });
    expect(good.statusCode).toBe(200);
    const { items } = await auditOf(victim);
    expect(items[0]).toMatchObject({ action: 'user.logged_in', actorId: victim.userId, targetId: victim.userId });
  });

  it('is readable by owners and admins only, and only for their workspace', async () => {
    const owner = await signUpUser(foundry, 'Boss');
    const admin = await signUpUser(foundry, 'Deputy');
    const editor = await signUpUser(foundry, 'Writer');
    const viewer = await signUpUser(foundry, 'Watcher');
    const workspace = await ok<{ id: string }>(call(owner, undefined, 'POST', '/api/workspaces', { name: 'Audited team' }), 201);
    for (const [account, role] of [[admin, 'admin'], [editor, 'editor'], [viewer, 'viewer']] as const) {
      await ok(call(owner, workspace.id, 'POST', '/api/workspace/members', { email: account.email, role }), 201);
    }
    await ok(call(editor, workspace.id, 'POST', '/api/projects', { name: 'Team project', studio: 'brand' }), 201);

    const forOwner = await auditOf(owner, workspace.id);
    const forAdmin = await auditOf(admin, workspace.id);
    expect(forAdmin).toEqual(forOwner);
    expect(forOwner.items.map((e) => e.action).reverse()).toEqual(['workspace.created', 'member.added', 'member.added', 'member.added', 'project.created']);
    expect(forOwner.items[0]?.actorId).toBe(editor.userId);
    expect(forOwner.items.some((e) => e.action === 'user.signed_up')).toBe(false);

    for (const account of [editor, viewer]) {
      const denied = await call(account, workspace.id, 'GET', '/api/audit');
      expect(denied.statusCode).toBe(403);
      expect(denied.json()).toEqual({ error: { code: 'FORBIDDEN', message: expect.any(String), details: { required: 'admin', role: expect.any(String) } } });
    }
    const stranger = await signUpUser(foundry, 'Peeker');
    const peek = await call(stranger, workspace.id, 'GET', '/api/audit');
    expect(peek.statusCode).toBe(404);
    expect(peek.json().error.code).toBe('WORKSPACE_NOT_FOUND');
  });

  it('pages from newest to oldest', async () => {
    const owner = await signUpUser(foundry, 'Pager');
    for (let i = 0; i < 4; i++) await ok(call(owner, undefined, 'POST', '/api/projects', { name: `P${i}`, studio: 'software' }), 201);
    const first = await auditOf(owner, undefined, '?limit=3');
    expect(first.items).toHaveLength(3);
    expect(first.nextCursor).toBe(first.items.at(-1)?.seq);
    const second = await auditOf(owner, undefined, `?limit=3&before=${first.nextCursor}`);
    expect(second.items.map((e) => e.action)).toEqual(['project.created', 'user.signed_up']);
    expect(second.nextCursor).toBeNull();
    const all = await auditOf(owner);
    expect([...first.items, ...second.items]).toEqual(all.items);
  });

  it('is append-only in the database: updates, deletes and truncation fail', async () => {
    const owner = await signUpUser(foundry, 'Tamperer');
    const before = await foundry.database.pool.query('select * from audit_events order by seq');
    expect(before.rows.length).toBeGreaterThan(0);

    await expect(foundry.database.pool.query(`update audit_events set action = 'nothing.happened' where actor_id = $1`, [owner.userId]))
      .rejects.toMatchObject({ code: '42501', message: expect.stringContaining('append-only') });
    await expect(foundry.database.pool.query('update audit_events set details = $1', [{ rewritten: true }]))
      .rejects.toMatchObject({ code: '42501' });
    await expect(foundry.database.pool.query('delete from audit_events where actor_id = $1', [owner.userId]))
      .rejects.toMatchObject({ code: '42501', message: expect.stringContaining('append-only') });
    await expect(foundry.database.pool.query('delete from audit_events')).rejects.toMatchObject({ code: '42501' });
    await expect(foundry.database.pool.query('truncate audit_events')).rejects.toMatchObject({ code: '42501', message: expect.stringContaining('append-only') });

    const after = await foundry.database.pool.query('select * from audit_events order by seq');
    expect(after.rows).toEqual(before.rows);
    const inserted = await foundry.database.pool.query(
      `insert into audit_events (workspace_id, actor_id, action) values ($1, $2, 'test.appended') returning seq`, [owner.workspaceId, owner.userId],
    );
    expect(inserted.rowCount).toBe(1);
  });
});
