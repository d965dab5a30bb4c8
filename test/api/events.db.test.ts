import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isId } from '../../src/kernel/index.ts';
import { startFoundry, type RunningFoundry } from '../../src/server/index.ts';
import { createTestDatabaseUrl } from '../support/test-database.ts';

/**
 * Server-sent events over real HTTP: two Foundry instances on one database, as two API processes
 * behind a load balancer would be, fan events out through PostgreSQL LISTEN/NOTIFY.
 */

interface SseEvent { event: string; data: Record<string, unknown> }
interface Stream {
  response: Response;
  events: SseEvent[];
  /** Resolves with the first event (already received or still to come) that matches. */
  waitFor(match: (event: SseEvent) => boolean, what: string, timeoutMs?: number): Promise<SseEvent>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): Promise<void>;
}

const openStreams = new Set<Stream>();

async function openStream(base: string, projectId: string, token: string): Promise<Stream> {
  const controller = new AbortController();
  const response = await fetch(`${base}/api/projects/${projectId}/events`, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  const events: SseEvent[] = [];
  const listeners = new Set<() => void>();
  const pump = (async () => {
    if (!response.ok || !response.body) return;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = frame.split('\n').filter((line) => line && !line.startsWith(':'));
          const event = fields.find((l) => l.startsWith('event: '))?.slice(7);
          const data = fields.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
          if (event === undefined) continue;
          events.push({ event, data: JSON.parse(data) as Record<string, unknown> });
          for (const listener of listeners) listener();
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  const stream: Stream = {
    response,
    events,
    ended: pump,
    waitFor(match, what, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (!found) return false;
          cleanup();
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no ${what} within ${timeoutMs} ms; received: ${JSON.stringify(events)}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        if (!check()) listeners.add(check);
      });
    },
    async close() {
      controller.abort();
      await pump;
      openStreams.delete(stream);
    },
  };
  openStreams.add(stream);
  return stream;
}

interface Account { token: string; workspaceId: string }

async function api<T>(base: string, token: string | undefined, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

let counter = 0;
async function signUp(base: string): Promise<Account> {
  counter += 1;
  const { status, body } = await api<{ token: string; workspace: { id: string } }>(base, undefined, 'POST', '/api/auth/signup', {
    email: `events${counter}-${Date.now()}@example.com`, password: 'correct horse battery', name: `Events ${counter}`,
  });
  expect(status).toBe(201);
  return { token: body.token, workspaceId: body.workspace.id };
}

async function createProject(base: string, account: Account, name: string): Promise<string> {
  const { status, body } = await api<{ id: string }>(base, account.token, 'POST', '/api/projects', { name, studio: 'software' });
  expect(status).toBe(201);
  return body.id;
}

async function postMessage(base: string, account: Account, projectId: string, content: string): Promise<{ id: string; content: string }> {
  const { status, body } = await api<{ message: { id: string; content: string } }>(base, account.token, 'POST', `/api/projects/${projectId}/messages`, { content });
  expect(status).toBe(201);
  return body.message;
}

const messageEvent = (content: string) => (e: SseEvent) =>
  e.event === 'message.created' && (e.data.message as { content?: string } | undefined)?.content === content;
const userMessage = (e: SseEvent) => e.event === 'message.created' && (e.data.message as { role?: string } | undefined)?.role === 'user';

let database: Awaited<ReturnType<typeof createTestDatabaseUrl>>;
const masterKey = `k1:${randomBytes(32).toString('base64')}`;
const dataDirs: string[] = [];
const instances: RunningFoundry[] = [];

async function start(): Promise<RunningFoundry> {
  const dataDir = await mkdtemp(join(tmpdir(), 'foundry-events-'));
  dataDirs.push(dataDir);
  const instance = await startFoundry({
    config: { databaseUrl: database.url, dataDir, port: 0, host: '127.0.0.1', logLevel: 'silent', webDir: join(dataDir, 'no-web'), masterKey, authRateLimit: 1000 },
    env: {},
  });
  instances.push(instance);
  return instance;
}

let one: RunningFoundry;
let two: RunningFoundry;
beforeAll(async () => {
  database = await createTestDatabaseUrl();
  one = await start();
  two = await start();
});
afterAll(async () => {
  for (const stream of openStreams) await stream.close();
  for (const instance of instances) await instance.close();
  await database?.drop();
  for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
});

describe('project events (server-sent events)', () => {
  it("streams the project's new messages and nothing of other projects or workspaces", async () => {
    const alice = await signUp(one.url);
    const bob = await signUp(one.url);
    const projectA = await createProject(one.url, alice, 'A');
    const projectB = await createProject(one.url, alice, 'B');
    const projectC = await createProject(one.url, bob, 'C');

    const stream = await openStream(one.url, projectA, alice.token);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(isId(stream.response.headers.get('x-request-id') ?? '')).toBe(true);
    const ready = await stream.waitFor((e) => e.event === 'ready', 'ready event');
    expect(ready.data).toEqual({ projectId: projectA });

    await postMessage(one.url, alice, projectB, 'for B (1)');
    await postMessage(one.url, bob, projectC, 'for C (1)');
    const first = await postMessage(one.url, alice, projectA, 'for A (1)');
    await postMessage(one.url, alice, projectB, 'for B (2)');
    await postMessage(one.url, bob, projectC, 'for C (2)');
    const second = await postMessage(one.url, alice, projectA, 'for A (2)');

    const event = await stream.waitFor(messageEvent('for A (1)'), 'message.created for A (1)');
    expect(event.data).toMatchObject({ type: 'message.created', projectId: projectA, message: { id: first.id, projectId: projectA, role: 'user', content: 'for A (1)' } });
    await stream.waitFor(messageEvent('for A (2)'), 'message.created for A (2)');
    // Events reach a stream in the order they were published, so B's and C's would be here by now.
    // The agent's replies come too; the user messages are exactly A's, in order.
    const messages = stream.events.filter(userMessage).map((e) => (e.data.message as { id: string }).id);
    expect(messages).toEqual([first.id, second.id]);
    expect(stream.events.every((e) => e.data.projectId === projectA)).toBe(true);
    await stream.close();
  });

  it('fans a message posted on one instance out to a stream on another instance', async () => {
    const alice = await signUp(one.url);
    const projectA = await createProject(one.url, alice, 'Shared');
    const projectB = await createProject(two.url, alice, 'Other');

    const onTwo = await openStream(two.url, projectA, alice.token);
    const onOne = await openStream(one.url, projectA, alice.token);
    await onTwo.waitFor((e) => e.event === 'ready', 'ready on instance 2');
    await onOne.waitFor((e) => e.event === 'ready', 'ready on instance 1');

    await postMessage(one.url, alice, projectB, 'other project, instance 1');
    const posted = await postMessage(one.url, alice, projectA, 'posted on instance 1');
    const arrived = await onTwo.waitFor(messageEvent('posted on instance 1'), 'the message on instance 2');
    expect(arrived.data).toMatchObject({ projectId: projectA, message: { id: posted.id, content: 'posted on instance 1' } });
    await onOne.waitFor(messageEvent('posted on instance 1'), 'the message on instance 1');

    const back = await postMessage(two.url, alice, projectA, 'posted on instance 2');
    await onOne.waitFor(messageEvent('posted on instance 2'), 'the reply on instance 1');
    await onTwo.waitFor(messageEvent('posted on instance 2'), 'the reply on instance 2');
    expect(onTwo.events.filter(userMessage).map((e) => (e.data.message as { id: string }).id)).toEqual([posted.id, back.id]);
    expect(onTwo.events.some((e) => e.data.projectId === projectB)).toBe(false);
    await onOne.close();
    await onTwo.close();
  });

  it('refuses a stream without authentication, and answers 404 for another workspace\'s project', async () => {
    const alice = await signUp(one.url);
    const mallory = await signUp(two.url);
    const project = await createProject(one.url, alice, 'Private');

    const anonymous = await fetch(`${one.url}/api/projects/${project}/events`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');

    const foreign = await openStream(two.url, project, mallory.token);
    expect(foreign.response.status).toBe(404);
    expect(((await foreign.response.json()) as { error: { code: string } }).error.code).toBe('PROJECT_NOT_FOUND');
    await foreign.close();
  });

  it('ends open streams when the server shuts down, so shutdown does not hang', async () => {
    const third = await start();
    const alice = await signUp(third.url);
    const project = await createProject(third.url, alice, 'Shutdown');
    const stream = await openStream(third.url, project, alice.token);
    await stream.waitFor((e) => e.event === 'ready', 'ready');

    const started = Date.now();
    await third.close();
    instances.splice(instances.indexOf(third), 1);
    await stream.ended;
    expect(Date.now() - started).toBeLessThan(5_000);
    await stream.close();
  });
});
