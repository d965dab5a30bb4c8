import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FoundryPlugin } from '../../src/kernel/index.ts';
import { createFoundry, type Foundry } from '../../src/server/index.ts';
import { createTestDatabaseUrl } from '../support/test-database.ts';
import { as, signUpUser } from '../support/test-foundry.ts';

const demo: FoundryPlugin = {
  name: 'demo-studio',
  uiPages: [{ path: 'board', title: 'Board', studio: 'builder' }],
  tools: [{ name: 'demo.echo', description: 'Echoes its input.', execute: async (input) => ({ output: input }) }],
  routes: async (app) => {
    app.get('/api/demo/ping', async (request) => ({ pong: true, workspaceId: request.ctx?.workspaceId }));
  },
};

let foundry: Foundry;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  const database = await createTestDatabaseUrl();
  const dataDir = await mkdtemp(join(tmpdir(), 'foundry-plugin-'));
  foundry = await createFoundry({ config: { databaseUrl: database.url, dataDir, logLevel: 'silent', webDir: join(dataDir, 'none') }, env: {}, plugins: [demo] });
  cleanup = async () => {
    await foundry.close();
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
});
afterAll(async () => cleanup?.());

describe('studio plugins', () => {
  it("serves a plugin's routes behind the kernel's authentication and lists its UI pages", async () => {
    expect((await foundry.app.inject({ method: 'GET', url: '/api/demo/ping' })).statusCode).toBe(401);
    const user = await signUpUser(foundry);
    const ping = await foundry.app.inject({ method: 'GET', url: '/api/demo/ping', headers: as(user) });
    expect(ping.json()).toEqual({ pong: true, workspaceId: user.workspaceId });
    const listed = await foundry.app.inject({ method: 'GET', url: '/api/plugins', headers: as(user) });
    expect(listed.json()).toEqual({
      plugins: ['builtin-tools', 'knowledge', 'conversation', 'product-studio', 'demo-studio'],
      uiPages: [
        { path: 'visuals', title: 'Visuals', studio: 'product' },
        { path: 'analysis', title: 'Analysis', studio: 'product' },
        { path: 'sourcing', title: 'Sourcing', studio: 'product' },
        { path: 'board', title: 'Board', studio: 'builder' },
      ],
      tools: [
        expect.objectContaining({ name: 'http.request', inputSchema: expect.objectContaining({ type: 'object' }) }),
        expect.objectContaining({ name: 'knowledge.ingest' }),
        expect.objectContaining({ name: 'knowledge.settle' }),
        expect.objectContaining({ name: 'conversation.reply', inputSchema: expect.objectContaining({ required: ['messageId'] }) }),
        { name: 'demo.echo', description: 'Echoes its input.', inputSchema: null, outputSchema: null, rateLimit: null, costPerCallUsd: null },
      ],
    });
    expect(foundry.routes.some((r) => r.url === '/api/demo/ping')).toBe(true);
  });
});
