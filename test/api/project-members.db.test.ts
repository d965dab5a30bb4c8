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
type InjectResponse = Awaited<ReturnType<TestFoundry['app']['inject']>>;

/** A shared workspace: its owner, and one member per other role; calls act in it. */
interface Team {
  workspaceId: string;
  owner: Account;
  admin: Account;
  editor: Account;
  viewer: Account;
  call(account: Account, method: Method, url: string, payload?: Record<string, unknown>): Promise<InjectResponse>;
}

async function team(label: string): Promise<Team> {
  const owner = await signUpUser(foundry, `${label} owner`);
  const created = await foundry.app.inject({ method: 'POST', url: '/api/workspaces', headers: as(owner), payload: { name: `${label} team` } });
  const workspaceId = created.json<{ id: string }>().id;
  const call: Team['call'] = (account, method, url, payload) =>
    foundry.app.inject({ method, url, headers: as(account, workspaceId), ...(payload ? { payload } : {}) });
  const member = async (role: WorkspaceRole) => {
    const account = await signUpUser(foundry, `${label} ${role}`);
    const added = await call(owner, 'POST', '/api/workspace/members', { email: account.email, role });
    if (added.statusCode !== 201) throw new Error(`adding a member failed: ${added.body}`);
    return account;
  };
  return { workspaceId, owner, admin: await member('admin'), editor: await member('editor'), viewer: await member('viewer'), call };
}

async function createProject(t: Team, account: Account, name = 'Roadmap'): Promise<string> {
  const response = await t.call(account, 'POST', '/api/projects', { name, studio: 'software' });
  if (response.statusCode !== 201) throw new Error(`project creation failed: ${response.body}`);
  return response.json<{ id: string }>().id;
}

async function projectRole(t: Team, account: Account, projectId: string): Promise<string> {
  const response = await t.call(account, 'GET', `/api/projects/${projectId}`);
  expect(response.statusCode).toBe(200);
  return response.json<{ role: string }>().role;
}

const post = (t: Team, account: Account, projectId: string, content = 'hello') =>
  t.call(account, 'POST', `/api/projects/${projectId}/messages`, { content });

async function memberRows(projectId: string) {
  const { rows } = await foundry.database.pool.query<{ user_id: string; role: string }>(
    'select user_id, role from project_members where project_id = $1 order by created_at', [projectId],
  );
  return rows;
}

describe('project roles', () => {
  it('lets a workspace viewer who is a project editor post messages', async () => {
    const t = await team('Editors');
    const projectId = await createProject(t, t.owner);
    expect(await projectRole(t, t.viewer, projectId)).toBe('viewer');
    expect((await post(t, t.viewer, projectId)).statusCode).toBe(403);

    const added = await t.call(t.owner, 'POST', `/api/projects/${projectId}/members`, { email: t.viewer.email, role: 'editor' });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toEqual({ userId: t.viewer.userId, email: t.viewer.email, name: 'Editors viewer', role: 'editor' });
    expect(await projectRole(t, t.viewer, projectId)).toBe('editor');

    const posted = await post(t, t.viewer, projectId, 'from a project editor');
    expect(posted.statusCode).toBe(201);
    expect(posted.json().message).toMatchObject({ authorId: t.viewer.userId, content: 'from a project editor', role: 'user' });
    const { rows } = await foundry.database.pool.query('select author_id, workspace_id from messages where project_id = $1', [projectId]);
    expect(rows).toEqual([{ author_id: t.viewer.userId, workspace_id: t.workspaceId }]);

    // The project role does not reach other projects of the workspace.
    const other = await createProject(t, t.owner, 'Other');
    expect((await post(t, t.viewer, other)).statusCode).toBe(403);
  });

  it('lets a project viewer read but not post', async () => {
    const t = await team('Readers');
    const projectId = await createProject(t, t.owner);
    expect((await post(t, t.owner, projectId, 'owner says hi')).statusCode).toBe(201);
    const reader = await signUpUser(foundry, 'Reader');
    await t.call(t.owner, 'POST', '/api/workspace/members', { email: reader.email, role: 'viewer' });
    const added = await t.call(t.owner, 'POST', `/api/projects/${projectId}/members`, { email: reader.email, role: 'viewer' });
    expect(added.statusCode).toBe(201);

    const denied = await post(t, reader, projectId, 'let me in');
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toEqual({
      error: { code: 'FORBIDDEN', message: expect.any(String), details: { required: 'editor', role: 'viewer' } },
    });
    const { rows } = await foundry.database.pool.query("select content from messages where project_id = $1 and role = 'user'", [projectId]);
    expect(rows).toEqual([{ content: 'owner says hi' }]);

    expect(await projectRole(t, reader, projectId)).toBe('viewer');
    const messages = await t.call(reader, 'GET', `/api/projects/${projectId}/messages`);
    expect(messages.statusCode).toBe(200);
    expect(messages.json().items.filter((m: { role: string }) => m.role === 'user').map((m: { content: string }) => m.content)).toEqual(['owner says hi']);
    const members = await t.call(reader, 'GET', `/api/projects/${projectId}/members`);
    expect(members.statusCode).toBe(200);
    const edit = await t.call(reader, 'PATCH', `/api/projects/${projectId}`, { name: 'Renamed' });
    expect(edit.statusCode).toBe(403);
  });

  it('gives a workspace editor who is a project viewer the higher, editor role', async () => {
    const t = await team('Higher');
    const projectId = await createProject(t, t.owner);
    await t.call(t.owner, 'POST', `/api/projects/${projectId}/members`, { email: t.editor.email, role: 'viewer' });
    expect(await projectRole(t, t.editor, projectId)).toBe('editor');
    expect((await post(t, t.editor, projectId)).statusCode).toBe(201);
  });

  it('lets only project owners manage members', async () => {
    const t = await team('Managers');
    const projectId = await createProject(t, t.owner);
    const extra = await signUpUser(foundry, 'Extra');
    await t.call(t.owner, 'POST', '/api/workspace/members', { email: extra.email, role: 'viewer' });
    await t.call(t.owner, 'POST', `/api/projects/${projectId}/members`, { email: t.viewer.email, role: 'editor' });

    // A project editor (explicit or implied by the workspace role) may not.
    for (const account of [t.viewer, t.editor]) {
      const add = await t.call(account, 'POST', `/api/projects/${projectId}/members`, { email: extra.email, role: 'viewer' });
      expect(add.statusCode).toBe(403);
      expect(add.json().error).toMatchObject({ code: 'FORBIDDEN', details: { required: 'owner', role: 'editor' } });
    }
    const change = await t.call(t.editor, 'PATCH', `/api/projects/${projectId}/members/${t.viewer.userId}`, { role: 'viewer' });
    expect(change.statusCode).toBe(403);
    const remove = await t.call(t.editor, 'DELETE', `/api/projects/${projectId}/members/${t.viewer.userId}`);
    expect(remove.statusCode).toBe(403);
    expect(await memberRows(projectId)).toEqual([{ user_id: t.owner.userId, role: 'owner' }, { user_id: t.viewer.userId, role: 'editor' }]);

    // The creator is the project's owner; workspace admins are owners of every project.
    const byOwner = await t.call(t.owner, 'POST', `/api/projects/${projectId}/members`, { email: extra.email, role: 'viewer' });
    expect(byOwner.statusCode).toBe(201);
    const byAdmin = await t.call(t.admin, 'PATCH', `/api/projects/${projectId}/members/${extra.userId}`, { role: 'editor' });
    expect(byAdmin.statusCode).toBe(200);
    expect(byAdmin.json()).toMatchObject({ userId: extra.userId, role: 'editor' });

    // A project owner by membership manages members too, even as a workspace viewer.
    expect((await t.call(t.owner, 'PATCH', `/api/projects/${projectId}/members/${t.viewer.userId}`, { role: 'owner' })).statusCode).toBe(200);
    expect(await projectRole(t, t.viewer, projectId)).toBe('owner');
    const byProjectOwner = await t.call(t.viewer, 'DELETE', `/api/projects/${projectId}/members/${extra.userId}`);
    expect(byProjectOwner.statusCode).toBe(204);
    expect((await memberRows(projectId)).map((r) => r.user_id)).not.toContain(extra.userId);
    expect(await projectRole(t, extra, projectId)).toBe('viewer');
  });

  it('adds only members of the workspace', async () => {
    const t = await team('Outsiders');
    const projectId = await createProject(t, t.owner);
    const outsider = await signUpUser(foundry, 'Outsider');
    const response = await t.call(t.owner, 'POST', `/api/projects/${projectId}/members`, { email: outsider.email, role: 'editor' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('USER_NOT_FOUND');
    const unknown = await t.call(t.owner, 'POST', `/api/projects/${projectId}/members`, { email: 'no-such-user@example.com', role: 'editor' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('USER_NOT_FOUND');
    expect(unknown.json().error.message.replace('no-such-user@example.com', outsider.email)).toBe(response.json().error.message);
    expect(await memberRows(projectId)).toEqual([{ user_id: t.owner.userId, role: 'owner' }]);

    const duplicate = await t.call(t.owner, 'POST', `/api/projects/${projectId}/members`, { email: t.owner.email, role: 'viewer' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('ALREADY_MEMBER');
  });

  it('drops project roles when a member leaves the workspace', async () => {
    const t = await team('Leavers');
    const projectId = await createProject(t, t.owner);
    await t.call(t.owner, 'POST', `/api/projects/${projectId}/members`, { email: t.viewer.email, role: 'owner' });
    expect((await t.call(t.owner, 'DELETE', `/api/workspace/members/${t.viewer.userId}`)).statusCode).toBe(204);
    expect((await memberRows(projectId)).map((r) => r.user_id)).toEqual([t.owner.userId]);
    const gone = await t.call(t.viewer, 'GET', `/api/projects/${projectId}`);
    expect(gone.statusCode).toBe(404);
  });
});
