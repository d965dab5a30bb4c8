import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineConversationHandler, recentTurnLimit } from '../../src/agents/index.ts';
import { tables } from '../../src/db/index.ts';
import { newId } from '../../src/kernel/index.ts';
import type { MessageView } from '../../src/projects/index.ts';
import { as, createTestFoundry, signUpUser, type Account, type TestFoundry } from '../support/test-foundry.ts';

const seen: { stage: string | null; recent: number; summary: string; intent: string }[] = [];
const designer = defineConversationHandler('software', 'designer', async (turn) => {
  const { value } = await turn.models.classifyIntent(turn.message.content, [
    { name: 'approve', description: 'approves the design', examples: ['looks great, approve it', 'ship it', 'yes, approved'] },
    { name: 'modify', description: 'asks for a change', examples: ['make the logo smaller', 'change the colour to red', 'move the button'] },
  ]);
  seen.push({ stage: turn.stage, recent: turn.memory.recent.length, summary: turn.memory.summary, intent: value.intent });
  return { content: `Designer heard: ${value.intent}`, intent: { name: value.intent, confidence: value.confidence }, suggestedReplies: ['Show me the flats'], metadata: { stage: 'designing' } };
});

let foundry: TestFoundry;
let owner: Account;
beforeAll(async () => {
  foundry = await createTestFoundry({}, { plugins: [{ name: 'product-test', conversationHandler: designer }] });
  owner = await signUpUser(foundry, 'Studio Owner');
});
afterAll(async () => {
  await foundry?.dispose();
});

function call(method: 'GET' | 'POST', url: string, payload?: unknown) {
  return foundry.app.inject({ method, url, headers: as(owner), ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
}

async function replyTo(projectId: string, content: string): Promise<MessageView> {
  const posted = await call('POST', `/api/projects/${projectId}/messages`, { content });
  expect(posted.statusCode, posted.body).toBe(201);
  const id = posted.json<{ message: MessageView }>().message.id;
  for (let i = 0; i < 600; i++) {
    const items = (await call('GET', `/api/projects/${projectId}/messages?limit=200`)).json<{ items: MessageView[] }>().items;
    const reply = items.find((m) => m.metadata.replyTo === id);
    if (reply) return reply;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no reply to "${content}"`);
}

async function project(studio: string): Promise<string> {
  const created = await call('POST', '/api/projects', { name: `${studio} project`, studio });
  expect(created.statusCode, created.body).toBe(201);
  return created.json<{ id: string }>().id;
}

describe('studio conversation handlers', () => {
  it('route a studio\'s projects to its handler and store what it returns', async () => {
    const projectId = await project('software');
    const reply = await replyTo(projectId, 'make the logo a bit smaller please');
    expect(reply.agent).toBe('designer');
    expect(reply.content).toBe('Designer heard: modify');
    expect(reply.metadata).toMatchObject({ intent: 'modify', stage: 'designing', suggestedReplies: ['Show me the flats'], engine: { provider: 'builtin' } });
    expect(seen.at(-1)).toMatchObject({ recent: 1, summary: '' });
  });

  it('leave other studios to the general assistant', async () => {
    const projectId = await project('brand');
    const reply = await replyTo(projectId, 'hello');
    expect(reply.agent).toBe('assistant');
  });

  it('fold turns older than the recent window into the rolling summary, keeping every message', async () => {
    const projectId = await project('software');
    const db = foundry.deps.db;
    const older = 80;
    for (let i = 0; i < older; i++) {
      await db.insert(tables.messages).values({
        id: newId(), workspaceId: owner.workspaceId, projectId, role: i % 2 ? 'assistant' : 'user',
        content: i % 2 ? `Noted the change number ${i}.` : `Please change the strap colour to shade ${i} and keep the zipper.`,
        authorId: i % 2 ? null : owner.userId, agent: i % 2 ? 'designer' : null,
      });
    }
    await replyTo(projectId, 'looks great, approve it');
    expect(seen.at(-1)).toMatchObject({ recent: recentTurnLimit, intent: 'approve' });
    // The turn folds after storing its reply, so the reply can be seen a moment before the summary.
    let memory: typeof tables.projectMemory.$inferSelect | undefined;
    for (let i = 0; i < 200 && !memory; i++) {
      [memory] = await db.select().from(tables.projectMemory).where(eq(tables.projectMemory.projectId, projectId));
      if (!memory) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(memory?.summary).toMatch(/strap|zipper|change/);
    expect(memory?.summaryThroughSeq).toBeGreaterThan(0);
    // The next turn reads the summary it left.
    await replyTo(projectId, 'ship it');
    expect(seen.at(-1)?.summary).toBe(memory?.summary);
    const all = (await call('GET', `/api/projects/${projectId}/messages?limit=200`)).json<{ items: MessageView[] }>().items;
    expect(all).toHaveLength(older + 4);
  });
});
