import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isProcessAlive } from '../../src/kernel/index.ts';
import {
  embeddedPgDir, postgresProcessesFor, postmasterPid, startFoundryProcess, stopLeftoverPostgres, waitForProcessExit, type FoundryProcess,
} from '../support/foundry-process.ts';
import { createTestDatabaseUrl, testDatabaseTarget } from '../support/test-database.ts';
import { api, listAllMessages, listAllProjects, mapLimit, signUp, type SignedUp } from './api-client.ts';

/**
 * Crash durability: `foundry serve` is SIGKILLed again and again while writers have requests in
 * flight; everything it acknowledged with a 2xx must be there, exactly once, after a restart.
 * Embedded: the data directory's own PostgreSQL survives each kill and the restarted Foundry adopts
 * it. Postgres: a fresh database on TEST_DATABASE_URL's server.
 */

const target = testDatabaseTarget();
const rounds = 4;
const writers = 8;
const studios = ['product', 'software', 'builder', 'brand'] as const;

interface AckedProject { name: string; description: string; studio: string; round: number }
interface AckedMessage { projectId: string; content: string; round: number }

interface RoundStats {
  round: number;
  killAfterMs: number;
  ackedProjects: number;
  ackedMessages: number;
  inFlightAtKill: number;
  /** Requests that failed with a connection error after the kill: outcome unknown. */
  interrupted: number;
}

let dataDir: string;
let database: { url: string; drop(): Promise<void> } | undefined;
let running: FoundryProcess | undefined;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'foundry-sigkill-'));
  if (target === 'postgres') database = await createTestDatabaseUrl();
});

afterAll(async () => {
  if (running && !running.exitStatus()) await running.kill('SIGKILL').catch(() => undefined);
  if (dataDir) {
    await stopLeftoverPostgres(dataDir);
    await rm(dataDir, { recursive: true, force: true });
  }
  await database?.drop();
});

const start = () => startFoundryProcess({ dataDir, ...(database ? { databaseUrl: database.url } : {}) });

function connectionFailure(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return `${String(error)}${cause ? ` (${cause.code ?? ''} ${cause.message ?? ''})` : ''}`;
}

describe(`foundry serve killed with SIGKILL (${target})`, () => {
  it('keeps everything it acknowledged, exactly once, across repeated kills mid-stream', async () => {
    const projects = new Map<string, AckedProject>();
    const messages = new Map<string, AckedMessage>();
    const stats: RoundStats[] = [];
    /** Anything other than a 2xx or a connection error caused by the kill: each one is a failure. */
    const unexpected: string[] = [];
    let account: SignedUp | undefined;
    let previousPostmaster: number | undefined;

    for (let round = 1; round <= rounds; round++) {
      const foundry = await start();
      running = foundry;
      if (target === 'embedded') {
        const pid = await postmasterPid(dataDir);
        expect(pid, 'the embedded PostgreSQL runs').toBeDefined();
        if (previousPostmaster !== undefined) expect(pid, `round ${round}: the restarted Foundry adopted the surviving postmaster`).toBe(previousPostmaster);
        previousPostmaster = pid;
      }
      account ??= await signUp(foundry.url);
      const { token } = account;

      let killed = false;
      let inFlight = 0;
      let interrupted = 0;
      let ackedProjects = 0;
      let ackedMessages = 0;
      const projectIds = [...projects.keys()];

      const post = async (path: string, body: unknown): Promise<{ status: number; body: unknown; text: string } | undefined> => {
        inFlight++;
        try {
          const response = await fetch(`${foundry.url}${path}`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(20_000),
          });
          const text = await response.text();
          let parsed: unknown;
          try {
            parsed = JSON.parse(text);
          } catch {
            parsed = undefined;
          }
          return { status: response.status, body: parsed, text };
        } catch (error) {
          if (killed) interrupted++;
          else unexpected.push(`round ${round}: POST ${path} failed before the kill: ${connectionFailure(error)}`);
          return undefined;
        } finally {
          inFlight--;
        }
      };

      const writer = async (w: number) => {
        for (let i = 0; !killed; i++) {
          const tag = `r${round}-w${w}-${i}-${randomUUID()}`;
          const pick = projectIds.length > 0 ? projectIds[Math.floor(Math.random() * projectIds.length)] : undefined;
          if (pick === undefined || Math.random() < 0.2) {
            const input = { name: `project ${tag}`, description: `described ${tag}`, studio: studios[i % studios.length]! };
            const response = await post('/api/projects', input);
            if (!response) return;
            if (response.status !== 201) {
              unexpected.push(`round ${round}: POST /api/projects answered ${response.status}: ${response.text}`);
              return;
            }
            const id = (response.body as { id: string }).id;
            projects.set(id, { ...input, round });
            projectIds.push(id);
            ackedProjects++;
          } else {
            const content = `message ${tag}`;
            const response = await post(`/api/projects/${pick}/messages`, { content });
            if (!response) return;
            if (response.status !== 201) {
              unexpected.push(`round ${round}: POST /api/projects/${pick}/messages answered ${response.status}: ${response.text}`);
              return;
            }
            const message = (response.body as { message: { id: string; projectId: string; content: string } }).message;
            expect(message).toMatchObject({ projectId: pick, content });
            messages.set(message.id, { projectId: pick, content, round });
            ackedMessages++;
          }
        }
      };

      const writing = Array.from({ length: writers }, (_, w) => writer(w));
      // The random moment counts from the round's first acknowledged write: on a busy machine a fresh
      // server can take longer than the whole window to answer its first request.
      for (let waited = 0; ackedProjects + ackedMessages === 0 && waited < 30_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
      const killAfterMs = 300 + Math.floor(Math.random() * 900);
      await new Promise((r) => setTimeout(r, killAfterMs));
      killed = true;
      const inFlightAtKill = inFlight;
      const exit = await foundry.kill('SIGKILL');
      await Promise.all(writing);
      expect(exit.signal, foundry.output()).toBe('SIGKILL');
      stats.push({ round, killAfterMs, ackedProjects, ackedMessages, inFlightAtKill, interrupted });

      expect(unexpected, foundry.output()).toEqual([]);
      if (target === 'embedded') {
        expect(isProcessAlive(previousPostmaster!), `round ${round}: the postmaster outlives the SIGKILLed Foundry`).toBe(true);
      }
    }

    const summary = JSON.stringify(stats);
    for (const round of stats) {
      expect(round.ackedProjects + round.ackedMessages, `round ${round.round} acknowledged writes: ${summary}`).toBeGreaterThan(0);
      expect(round.inFlightAtKill, `round ${round.round} had requests in flight when killed: ${summary}`).toBeGreaterThan(0);
    }
    // A response already on its way when the kill lands still arrives, so one round may see no request cut off; all of them cannot.
    expect(stats.reduce((n, r) => n + r.interrupted, 0), `requests cut off by the kills: ${summary}`).toBeGreaterThan(0);
    expect(messages.size, summary).toBeGreaterThan(0);

    // Restart once more and check everything acknowledged through the API.
    const foundry = await start();
    running = foundry;
    if (target === 'embedded') expect(await postmasterPid(dataDir), 'the final start adopted the surviving postmaster').toBe(previousPostmaster);
    const token = account!.token;

    const listed = await listAllProjects(foundry.url, token);
    const listedById = new Map(listed.map((p) => [p.id, p]));
    expect(listedById.size, 'no project is listed twice').toBe(listed.length);
    expect(new Set(listed.map((p) => p.name)).size, 'no project was created twice (every request had a unique name)').toBe(listed.length);
    const missingProjects = await Promise.all([...projects].filter(([id]) => !listedById.has(id)).map(async ([id, p]) => {
      const direct = await api(foundry.url, 'GET', `/api/projects/${id}`, { token });
      return `${id} (round ${p.round}; GET by id answers ${direct.status})`;
    }));
    expect(missingProjects, `acknowledged projects missing from the listing: ${summary}`).toEqual([]);
    for (const [id, acked] of projects) {
      expect(listedById.get(id), `project ${id}`).toMatchObject({ id, name: acked.name, description: acked.description, studio: acked.studio });
    }

    // Every project's conversation, including projects whose creation was cut off but committed.
    const conversations = await mapLimit(listed, 8, async (p) => listAllMessages(foundry.url, token, p.id));
    const allMessages = conversations.flat();
    const byId = new Map<string, typeof allMessages>();
    for (const m of allMessages) byId.set(m.id, [...(byId.get(m.id) ?? []), m]);
    const byContent = new Map<string, number>();
    // The agent's replies repeat themselves ("Noted. …"); the users' messages were all different.
    for (const m of allMessages.filter((m) => m.role === 'user')) byContent.set(m.content, (byContent.get(m.content) ?? 0) + 1);
    const duplicated = [...byContent].filter(([, count]) => count > 1);
    expect(duplicated, 'no message was stored twice (every request had unique content)').toEqual([]);
    expect(byId.size, 'no message id is listed twice').toBe(allMessages.length);

    const lostMessages: string[] = [];
    for (const [id, acked] of messages) {
      const found = byId.get(id);
      if (!found) {
        lostMessages.push(`${id} (round ${acked.round})`);
        continue;
      }
      expect(found, `message ${id} is stored exactly once`).toHaveLength(1);
      expect(found[0], `message ${id}`).toMatchObject({ id, projectId: acked.projectId, content: acked.content });
    }
    expect(lostMessages, `acknowledged messages lost: ${summary}`).toEqual([]);

    // A clean stop: exit code 0 and, embedded, no PostgreSQL left running on the data directory.
    const exit = await foundry.kill('SIGTERM');
    expect(exit, foundry.output()).toEqual({ code: 0, signal: null });
    expect(existsSync(join(dataDir, 'serve.pid')), 'the serve lock is released').toBe(false);
    if (target === 'embedded') {
      expect(await waitForProcessExit(previousPostmaster!, 10_000), 'the postmaster stopped with Foundry').toBe(true);
      expect(existsSync(join(embeddedPgDir(dataDir), 'postmaster.pid')), 'postmaster.pid is gone').toBe(false);
      expect(await postgresProcessesFor(dataDir), 'no postgres process runs on the data directory').toEqual([]);
    }
  }, 100_000);
});
