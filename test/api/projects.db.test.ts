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

  it('stores messages, each answered once by the project agent, and pages through history', async () => {
    const bob = await signUpUser(foundry);
    const project = (await foundry.app.inject({ method: 'POST', url: '/api/projects', headers: as(bob), payload: { name: 'API', studio: 'software' } })).json();
    const list = async (query: string) => (await foundry.app.inject({ method: 'GET', url: `/api/projects/${project.id}/messages?${query}`, headers: as(bob) })).json();
    for (let i = 1; i <= 3; i++) {
      const posted = await foundry.app.inject({ method: 'POST', url: `/api/projects/${project.id}/messages`, headers: as(bob), payload: { content: `message ${i}` } });
      expect(posted.statusCode).toBe(201);
      expect(posted.json().notice).toMatch(/The assistant is replying/);
      const id = posted.json().message.id;
      for (let wait = 0; wait < 600 && !(await list('limit=100')).items.some((m: { metadata: { replyTo?: string } }) => m.metadata.replyTo === id); wait++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    const all = (await list('limit=100')).items as { role: string; content: string; metadata: { replyTo?: string } }[];
    expect(all.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant', 'user', 'assistant']);
    expect(all.filter((m) => m.role === 'user').map((m) => m.content)).toEqual(['message 1', 'message 2', 'message 3']);
    const newest = await list('limit=2');
    expect(newest.items.map((m: { role: string }) => m.role)).toEqual(['user', 'assistant']);
    expect(newest.items[0].content).toBe('message 3');
    const older = await list(`limit=10&before=${newest.nextCursor}`);
    expect(older.items.map((m: { content: string }) => m.content).filter((c: string) => c.startsWith('message'))).toEqual(['message 1', 'message 2']);
    expect(older.items).toHaveLength(4);
    expect(older.nextCursor).toBeNull();
  });
});
