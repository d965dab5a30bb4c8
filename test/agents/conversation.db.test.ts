import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MessageView } from '../../src/projects/index.ts';
import { encodeBody } from '../support/route-fixtures.ts';
import { makePdf } from '../support/knowledge-fixtures.ts';
import { waitForIngestion } from '../support/knowledge-api.ts';
import { as, createTestFoundry, signUpUser, type Account, type TestFoundry } from '../support/test-foundry.ts';

let foundry: TestFoundry;
let owner: Account;
beforeAll(async () => {
  foundry = await createTestFoundry();
  owner = await signUpUser(foundry, 'Chat Owner');
});
afterAll(async () => {
  await foundry?.dispose();
});

function call(method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  return foundry.app.inject({ method, url, headers: as(owner), ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
}

async function newProject(studio = 'builder'): Promise<string> {
  const created = await call('POST', '/api/projects', { name: `Chat ${studio} ${Math.random().toString(36).slice(2, 7)}`, studio });
  expect(created.statusCode, created.body).toBe(201);
  return created.json<{ id: string }>().id;
}

async function messages(projectId: string): Promise<MessageView[]> {
  const page = await call('GET', `/api/projects/${projectId}/messages?limit=200`);
  expect(page.statusCode, page.body).toBe(200);
  return page.json<{ items: MessageView[] }>().items;
}

/** Posts a message and waits for the reply to it. */
async function say(projectId: string, content: string): Promise<{ message: MessageView; reply: MessageView; notice: string }> {
  const posted = await call('POST', `/api/projects/${projectId}/messages`, { content });
  expect(posted.statusCode, posted.body).toBe(201);
  const { message, notice } = posted.json<{ message: MessageView; notice: string }>();
  for (let i = 0; i < 400; i++) {
    const reply = (await messages(projectId)).find((m) => m.metadata.replyTo === message.id);
    if (reply) return { message, reply, notice };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const runs = (await call('GET', '/api/runs?trigger=system&limit=5')).json<{ items: { id: string }[] }>().items;
  const run = runs[0] ? (await call('GET', `/api/runs/${runs[0].id}`)).body : 'none';
  throw new Error(`no reply to "${content}"; latest run: ${run}`);
}

describe('the conversation runtime with no model provider', () => {
  it('answers a greeting with the built-in engine, its intent and next steps', async () => {
    const projectId = await newProject();
    const { reply, notice } = await say(projectId, 'hello there!');
    expect(notice).toMatch(/replying/);
    expect(reply.role).toBe('assistant');
    expect(reply.agent).toBe('assistant');
    expect(reply.content).toMatch(/Hello/);
    expect(reply.metadata).toMatchObject({
      intent: 'greeting', engine: { provider: 'builtin', fellBack: false }, tokensIn: 0, tokensOut: 0, costUsd: 0, citations: [],
    });
    expect(reply.metadata.confidence).toBeGreaterThan(0.3);
    expect((reply.metadata.suggestedReplies as string[]).length).toBeGreaterThan(0);
  });

  it('notes the specifics a user gives, normalised', async () => {
    const projectId = await newProject();
    const { reply } = await say(projectId, 'We need 10,000 units in black TPU, 150 x 75 mm, delivered to the US by 2027-03-15.');
    expect(reply.metadata.intent).toMatch(/provide_spec|describe_product/);
    expect(reply.content).toContain('10,000');
    expect(reply.content).toContain('150 × 75 mm');
    expect(reply.content).toContain('TPU');
    expect(reply.content).toMatch(/black/i);
  });

  it('says plainly when its knowledge does not answer a question', async () => {
    const projectId = await newProject();
    const { reply } = await say(projectId, 'What does the supplier contract say about payment terms?');
    expect(reply.metadata.intent).toBe('question');
    expect(reply.content).toMatch(/could not find/);
    expect(reply.metadata.citations).toEqual([]);
  });

  it('answers a question from the project\'s documents, citing the page', async () => {
    const projectId = await newProject();
    const pdf = await makePdf([
      'Company overview. Acme Cases was founded in 2009 and makes accessories in Shenzhen.',
      'Payment terms. Suppliers are paid 30% as a deposit when the order is placed and 70% before shipping. Invoices are due within 45 days.',
    ], { title: 'Supplier handbook' });
    const body = encodeBody({ multipart: [{ name: 'file', filename: 'handbook.pdf', contentType: 'application/pdf', content: pdf }] });
    const uploaded = await foundry.app.inject({ method: 'POST', url: `/api/projects/${projectId}/knowledge`, headers: { ...as(owner), ...body.headers }, payload: body.payload });
    expect(uploaded.statusCode, uploaded.body).toBe(202);
    await waitForIngestion(async (url) => (await call('GET', url)).json(), uploaded.json<{ id: string }>().id);
    const { reply } = await say(projectId, 'What are the payment terms for suppliers?');
    expect(reply.metadata.intent).toBe('question');
    expect(reply.content).toMatch(/30% as a deposit/);
    expect(reply.metadata.citations).toEqual([expect.objectContaining({ sourceName: expect.stringMatching(/handbook/i), page: 2 })]);
  });

  it('keeps every message and answers each one once, in order', async () => {
    const projectId = await newProject();
    const said = ['hi', 'we are making a tote bag', 'where are we?'];
    for (const content of said) await say(projectId, content);
    const all = await messages(projectId);
    expect(all.filter((m) => m.role === 'user').map((m) => m.content)).toEqual(said);
    const replies = all.filter((m) => m.role === 'assistant');
    expect(replies).toHaveLength(3);
    expect(new Set(replies.map((m) => m.metadata.replyTo)).size).toBe(3);
    const status = replies.at(-1)!;
    expect(status.metadata.intent).toBe('status');
    expect(status.content).toMatch(/^Here is what we have so far: .*tote bag/);
    // Each turn was a durable run, listed only when asked for.
    const names = async (query: string) => (await call('GET', `/api/runs?limit=200${query}`)).json<{ items: { name: string }[] }>().items.map((r) => r.name);
    expect(await names('')).not.toContain('Conversation turn');
    expect((await names('&trigger=system')).filter((n) => n === 'Conversation turn').length).toBeGreaterThanOrEqual(3);
  });
});
