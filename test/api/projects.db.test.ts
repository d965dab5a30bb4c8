import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestFoundry, signUpUser, type TestFoundry } from '../support/test-foundry.ts';

let foundry: TestFoundry;
beforeAll(async () => {
  foundry = await createTestFoundry();
});
afterAll(async () => {
  await foundry?.dispose();
});

describe('projects API', () => {
  it('creates, lists, reads, updates and deletes a project', async () => {
    const alice = await signUpUser(foundry);
    const created = await foundry.app.inject({ method: 'POST', url: '/api/projects', headers: as(alice), payload: { name: 'Phone cases', studio: 'product', description: '10,000 cases' } });
    expect(created.statusCode).toBe(201);
    const project = created.json();
    expect(project).toMatchObject({ name: 'Phone cases', studio: 'product', status: 'active', role: 'owner', workspaceId: alice.workspaceId });

    const list = await foundry.app.inject({ method: 'GET', url: '/api/projects', headers: as(alice) });
    expect(list.json().items.map((p: { id: string }) => p.id)).toEqual([project.id]);

    const patched = await foundry.app.inject({ method: 'PATCH', url: `/api/projects/${project.id}`, headers: as(alice), payload: { status: 'on_hold', stage: 'ignition' } });
    expect(patched.json()).toMatchObject({ status: 'on_hold', stage: 'ignition' });

    const removed = await foundry.app.inject({ method: 'DELETE', url: `/api/projects/${project.id}`, headers: as(alice) });
    expect(removed.statusCode).toBe(204);
    const gone = await foundry.app.inject({ method: 'GET', url: `/api/projects/${project.id}`, headers: as(alice) });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('PROJECT_NOT_FOUND');
  });

  it('stores messages without inventing a reply and pages through history', async () => {
    const bob = await signUpUser(foundry);
    const project = (await foundry.app.inject({ method: 'POST', url: '/api/projects', headers: as(bob), payload: { name: 'API', studio: 'software' } })).json();
    for (let i = 1; i <= 5; i++) {
      const posted = await foundry.app.inject({ method: 'POST', url: `/api/projects/${project.id}/messages`, headers: as(bob), payload: { content: `message ${i}` } });
      expect(posted.statusCode).toBe(201);
      expect(posted.json().notice).toMatch(/No agent is attached/);
    }
    const newest = (await foundry.app.inject({ method: 'GET', url: `/api/projects/${project.id}/messages?limit=2`, headers: as(bob) })).json();
    expect(newest.items.map((m: { content: string }) => m.content)).toEqual(['message 4', 'message 5']);
    const older = (await foundry.app.inject({ method: 'GET', url: `/api/projects/${project.id}/messages?limit=10&before=${newest.nextCursor}`, headers: as(bob) })).json();
    expect(older.items.map((m: { content: string }) => m.content)).toEqual(['message 1', 'message 2', 'message 3']);
    expect(older.nextCursor).toBeNull();
    const all = (await foundry.app.inject({ method: 'GET', url: `/api/projects/${project.id}/messages?limit=100`, headers: as(bob) })).json();
    expect(all.items.every((m: { role: string }) => m.role === 'user')).toBe(true);
  });
});
