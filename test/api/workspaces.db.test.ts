import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestFoundry, signUpUser, type Account, type TestFoundry } from '../support/test-foundry.ts';

let foundry: TestFoundry;
beforeAll(async () => {
  foundry = await createTestFoundry();
});
afterAll(async () => {
  await foundry?.dispose();
});

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
type WorkspaceRole = 'owner' | 'admin' | 'editor' | 'viewer';

function call(account: Account, workspaceId: string | undefined, method: Method, url: string, payload?: Record<string, unknown>) {
  return foundry.app.inject({ method, url, headers: as(account, workspaceId), ...(payload ? { payload } : {}) });
}

async function createWorkspace(owner: Account, name: string): Promise<string> {
  const response = await call(owner, undefined, 'POST', '/api/workspaces', { name });
  if (response.statusCode !== 201) throw new Error(`workspace creation failed: ${response.statusCode} ${response.body}`);
  return response.json<{ id: string }>().id;
}

async function addMember(actor: Account, workspaceId: string, member: Account, role: WorkspaceRole): Promise<void> {
  const response = await call(actor, workspaceId, 'POST', '/api/workspace/members', { email: member.email, role });
  if (response.statusCode !== 201) throw new Error(`adding a member failed: ${response.statusCode} ${response.body}`);
}

async function roleInDb(workspaceId: string, userId: string): Promise<string | undefined> {
  const { rows } = await foundry.database.pool.query<{ role: string }>('select role from memberships where workspace_id = $1 and user_id = $2', [workspaceId, userId]);
  return rows[0]?.role;
}

/** A shared workspace with one member per role. */
async function team(label: string) {
  const owner = await signUpUser(foundry, `${label} owner`);
  const admin = await signUpUser(foundry, `${label} admin`);
  const editor = await signUpUser(foundry, `${label} editor`);
  const viewer = await signUpUser(foundry, `${label} viewer`);
  const workspaceId = await createWorkspace(owner, `${label} shared`);
  await addMember(owner, workspaceId, admin, 'admin');
  await addMember(owner, workspaceId, editor, 'editor');
  await addMember(owner, workspaceId, viewer, 'viewer');
  return { owner, admin, editor, viewer, workspaceId };
}

describe('workspaces', () => {
  it('creates a shared workspace owned by its creator, selected with X-Foundry-Workspace', async () => {
    const owner = await signUpUser(foundry, 'Creator');
    const created = await call(owner, undefined, 'POST', '/api/workspaces', { name: 'Studio' });
    expect(created.statusCode).toBe(201);
    const shared = created.json();
    expect(shared).toEqual({ id: expect.any(String), name: 'Studio', role: 'owner', personal: false });
    expect(await roleInDb(shared.id, owner.userId)).toBe('owner');

    const list = await call(owner, undefined, 'GET', '/api/workspaces');
    expect(list.json().items.map((w: { id: string }) => w.id)).toEqual([owner.workspaceId, shared.id]);

    expect((await call(owner, undefined, 'GET', '/api/workspace')).json()).toMatchObject({ id: owner.workspaceId, personal: true });
    expect((await call(owner, shared.id, 'GET', '/api/workspace')).json()).toEqual(shared);

    const project = await call(owner, shared.id, 'POST', '/api/projects', { name: 'Shared project', studio: 'brand' });
    expect(project.statusCode).toBe(201);
    expect(project.json().workspaceId).toBe(shared.id);
    const personalProjects = await call(owner, undefined, 'GET', '/api/projects');
    expect(personalProjects.json().items).toEqual([]);
  });

  it('adds existing users by email with each role', async () => {
    const owner = await signUpUser(foundry, 'Host');
    const workspaceId = await createWorkspace(owner, 'Every role');
    const roles: WorkspaceRole[] = ['owner', 'admin', 'editor', 'viewer'];
    const members: { account: Account; role: WorkspaceRole }[] = [];
    for (const role of roles) {
      const account = await signUpUser(foundry, `Member ${role}`);
      const added = await call(owner, workspaceId, 'POST', '/api/workspace/members', { email: account.email.toUpperCase(), role });
      expect(added.statusCode).toBe(201);
      expect(added.json()).toEqual({ userId: account.userId, email: account.email, name: `Member ${role}`, role });
      expect(await roleInDb(workspaceId, account.userId)).toBe(role);
      members.push({ account, role });
    }
    for (const { account, role } of members) {
      const current = await call(account, workspaceId, 'GET', '/api/workspace');
      expect(current.statusCode).toBe(200);
      expect(current.json()).toMatchObject({ id: workspaceId, role, personal: false });
      const mine = await call(account, undefined, 'GET', '/api/auth/me');
      expect(mine.json().workspaces).toContainEqual({ id: workspaceId, name: 'Every role', role, personal: false });
    }
    const listed = await call(owner, workspaceId, 'GET', '/api/workspace/members');
    expect(listed.json().items.map((m: { userId: string; role: string }) => [m.userId, m.role])).toEqual([
      [owner.userId, 'owner'], ...members.map((m) => [m.account.userId, m.role]),
    ]);

    const again = await call(owner, workspaceId, 'POST', '/api/workspace/members', { email: members[0]!.account.email, role: 'viewer' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ALREADY_MEMBER');
    expect(await roleInDb(workspaceId, members[0]!.account.userId)).toBe('owner');
    const unknown = await call(owner, workspaceId, 'POST', '/api/workspace/members', { email: 'nobody-here@example.com', role: 'viewer' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('USER_NOT_FOUND');
  });

  it('lets editors but not viewers create projects', async () => {
    const { owner, admin, editor, viewer, workspaceId } = await team('Projects');
    const denied = await call(viewer, workspaceId, 'POST', '/api/projects', { name: 'Not allowed', studio: 'product' });
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toEqual({
      error: { code: 'FORBIDDEN', message: expect.any(String), details: { required: 'editor', role: 'viewer' } },
    });
    for (const account of [editor, admin, owner]) {
      const created = await call(account, workspaceId, 'POST', '/api/projects', { name: 'Allowed', studio: 'product' });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ workspaceId, role: 'owner', createdBy: account.userId });
    }
    const { rows } = await foundry.database.pool.query('select created_by from projects where workspace_id = $1', [workspaceId]);
    expect(rows.map((r) => r.created_by).sort()).toEqual([editor.userId, admin.userId, owner.userId].sort());

    // Without the header the viewer acts in their own personal workspace, where they are owner.
    const personal = await call(viewer, undefined, 'POST', '/api/projects', { name: 'Mine', studio: 'product' });
    expect(personal.statusCode).toBe(201);
    expect(personal.json().workspaceId).toBe(viewer.workspaceId);
  });

  it('lets admins manage members below owner but never grant or take away ownership', async () => {
    const { owner, admin, editor, viewer, workspaceId } = await team('Admins');
    const newcomer = await signUpUser(foundry, 'Newcomer');

    const grant = await call(admin, workspaceId, 'POST', '/api/workspace/members', { email: newcomer.email, role: 'owner' });
    expect(grant.statusCode).toBe(403);
    expect(grant.json().error.code).toBe('FORBIDDEN');
    expect(await roleInDb(workspaceId, newcomer.userId)).toBeUndefined();

    const promote = await call(admin, workspaceId, 'PATCH', `/api/workspace/members/${editor.userId}`, { role: 'owner' });
    expect(promote.statusCode).toBe(403);
    expect(await roleInDb(workspaceId, editor.userId)).toBe('editor');
    const selfPromote = await call(admin, workspaceId, 'PATCH', `/api/workspace/members/${admin.userId}`, { role: 'owner' });
    expect(selfPromote.statusCode).toBe(403);
    expect(await roleInDb(workspaceId, admin.userId)).toBe('admin');

    const demoteOwner = await call(admin, workspaceId, 'PATCH', `/api/workspace/members/${owner.userId}`, { role: 'viewer' });
    expect(demoteOwner.statusCode).toBe(403);
    const removeOwner = await call(admin, workspaceId, 'DELETE', `/api/workspace/members/${owner.userId}`);
    expect(removeOwner.statusCode).toBe(403);
    expect(await roleInDb(workspaceId, owner.userId)).toBe('owner');

    const added = await call(admin, workspaceId, 'POST', '/api/workspace/members', { email: newcomer.email, role: 'editor' });
    expect(added.statusCode).toBe(201);
    const changed = await call(admin, workspaceId, 'PATCH', `/api/workspace/members/${viewer.userId}`, { role: 'editor' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ userId: viewer.userId, role: 'editor' });
    expect(await roleInDb(workspaceId, viewer.userId)).toBe('editor');
    const removed = await call(admin, workspaceId, 'DELETE', `/api/workspace/members/${newcomer.userId}`);
    expect(removed.statusCode).toBe(204);
    expect(await roleInDb(workspaceId, newcomer.userId)).toBeUndefined();

    const ownerGrants = await call(owner, workspaceId, 'PATCH', `/api/workspace/members/${admin.userId}`, { role: 'owner' });
    expect(ownerGrants.statusCode).toBe(200);
    expect(await roleInDb(workspaceId, admin.userId)).toBe('owner');
  });

  it('keeps editors and viewers from managing members', async () => {
    const { editor, viewer, workspaceId } = await team('Members');
    const outsider = await signUpUser(foundry, 'Outsider');
    for (const account of [editor, viewer]) {
      const add = await call(account, workspaceId, 'POST', '/api/workspace/members', { email: outsider.email, role: 'viewer' });
      expect(add.statusCode).toBe(403);
      expect(add.json().error.code).toBe('FORBIDDEN');
    }
    const demote = await call(editor, workspaceId, 'PATCH', `/api/workspace/members/${viewer.userId}`, { role: 'viewer' });
    expect(demote.statusCode).toBe(403);
    const remove = await call(editor, workspaceId, 'DELETE', `/api/workspace/members/${viewer.userId}`);
    expect(remove.statusCode).toBe(403);
    const promoteSelf = await call(viewer, workspaceId, 'PATCH', `/api/workspace/members/${viewer.userId}`, { role: 'admin' });
    expect(promoteSelf.statusCode).toBe(403);
    expect(await roleInDb(workspaceId, viewer.userId)).toBe('viewer');
    expect(await roleInDb(workspaceId, outsider.userId)).toBeUndefined();
  });

  it('never demotes or removes the last owner', async () => {
    const { owner, admin, workspaceId } = await team('Last owner');
    const demote = await call(owner, workspaceId, 'PATCH', `/api/workspace/members/${owner.userId}`, { role: 'admin' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('LAST_OWNER');
    const leave = await call(owner, workspaceId, 'DELETE', `/api/workspace/members/${owner.userId}`);
    expect(leave.statusCode).toBe(409);
    expect(leave.json().error.code).toBe('LAST_OWNER');
    expect(await roleInDb(workspaceId, owner.userId)).toBe('owner');

    const personalLeave = await call(owner, undefined, 'DELETE', `/api/workspace/members/${owner.userId}`);
    expect(personalLeave.statusCode).toBe(409);
    expect(personalLeave.json().error.code).toBe('LAST_OWNER');

    // With a second owner, the first may step down; then the second is the last one.
    expect((await call(owner, workspaceId, 'PATCH', `/api/workspace/members/${admin.userId}`, { role: 'owner' })).statusCode).toBe(200);
    const stepDown = await call(owner, workspaceId, 'PATCH', `/api/workspace/members/${owner.userId}`, { role: 'viewer' });
    expect(stepDown.statusCode).toBe(200);
    expect(await roleInDb(workspaceId, owner.userId)).toBe('viewer');
    const lastLeaves = await call(admin, workspaceId, 'DELETE', `/api/workspace/members/${admin.userId}`);
    expect(lastLeaves.statusCode).toBe(409);
    expect(lastLeaves.json().error.code).toBe('LAST_OWNER');
    const { rows } = await foundry.database.pool.query(`select user_id from memberships where workspace_id = $1 and role = 'owner'`, [workspaceId]);
    expect(rows).toEqual([{ user_id: admin.userId }]);
  });

  it('keeps one owner when two owners demote each other at the same time', async () => {
    // The loser either was already demoted when its request began (403) or is stopped by the owner check (409).
    const first = await signUpUser(foundry, 'Twin one');
    const second = await signUpUser(foundry, 'Twin two');
    for (let round = 0; round < 10; round++) {
      const workspaceId = await createWorkspace(first, 'Twins');
      await addMember(first, workspaceId, second, 'owner');
      const responses = await Promise.all([
        call(first, workspaceId, 'PATCH', `/api/workspace/members/${second.userId}`, { role: 'editor' }),
        call(second, workspaceId, 'PATCH', `/api/workspace/members/${first.userId}`, { role: 'editor' }),
      ]);
      const outcome = responses.map((r) => `${r.statusCode} ${r.json().error?.code ?? ''}`.trim()).sort();
      expect(['200,403 FORBIDDEN', '200,409 LAST_OWNER']).toContain(outcome.join());
      const { rows } = await foundry.database.pool.query(`select count(*)::int as n from memberships where workspace_id = $1 and role = 'owner'`, [workspaceId]);
      expect(rows[0].n).toBe(1);
    }
  });

  it('answers 404 WORKSPACE_NOT_FOUND to anyone who is not a member', async () => {
    const { owner, viewer, workspaceId } = await team('Private');
    const stranger = await signUpUser(foundry, 'Stranger');
    for (const selected of [workspaceId, owner.workspaceId, randomUUID(), 'not-a-uuid']) {
      for (const url of ['/api/workspace', '/api/projects', '/api/workspace/members']) {
        const response = await call(stranger, selected, 'GET', url);
        expect(response.statusCode).toBe(404);
        expect(response.json().error.code).toBe('WORKSPACE_NOT_FOUND');
      }
    }
    const join = await call(stranger, workspaceId, 'POST', '/api/workspace/members', { email: stranger.email, role: 'owner' });
    expect(join.statusCode).toBe(404);
    expect(join.json().error.code).toBe('WORKSPACE_NOT_FOUND');
    expect(await roleInDb(workspaceId, stranger.userId)).toBeUndefined();

    // A member who leaves loses access the same way.
    expect((await call(viewer, workspaceId, 'DELETE', `/api/workspace/members/${viewer.userId}`)).statusCode).toBe(204);
    const gone = await call(viewer, workspaceId, 'GET', '/api/workspace');
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('WORKSPACE_NOT_FOUND');
  });
});
