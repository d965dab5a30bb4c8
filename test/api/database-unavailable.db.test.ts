import { createServer, connect, type Server, type Socket } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFoundry, type Foundry } from '../../src/server/index.ts';
import { createTestDatabaseUrl } from '../support/test-database.ts';
import { as, signUpUser, type Account } from '../support/test-foundry.ts';

/** A TCP relay to the database that the test can cut, as a crashed or restarting server would be. */
function relay(target: URL): Promise<{ port: number; cut(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    resolve({
      port: typeof address === 'object' && address ? address.port : 0,
      cut: () => new Promise<void>((done) => {
        server.close(() => done());
        for (const s of sockets) s.destroy();
      }),
    });
  }));
}

let foundry: Foundry;
let cut: () => Promise<void>;
let cleanup: () => Promise<void>;
let user: Account;
beforeAll(async () => {
  const database = await createTestDatabaseUrl();
  const direct = new URL(database.url);
  const proxy = await relay(direct);
  cut = proxy.cut;
  const viaRelay = new URL(database.url);
  viaRelay.hostname = '127.0.0.1';
  viaRelay.port = String(proxy.port);
  const dataDir = await mkdtemp(join(tmpdir(), 'foundry-dbdown-'));
  foundry = await createFoundry({ config: { databaseUrl: viaRelay.toString(), dataDir, logLevel: 'silent', webDir: join(dataDir, 'none') }, env: {} });
  user = await signUpUser(foundry);
  cleanup = async () => {
    await foundry.close().catch(() => undefined);
    await database.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
});
afterAll(async () => cleanup?.());

describe('when the database goes away', () => {
  it('answers 503 DATABASE_UNAVAILABLE instead of 500, and /readyz reports it', async () => {
    expect((await foundry.app.inject({ method: 'GET', url: '/api/projects', headers: as(user) })).statusCode).toBe(200);
    await cut();
    const response = await foundry.app.inject({ method: 'GET', url: '/api/projects', headers: as(user) });
    expect(response.statusCode).toBe(503);
    expect(response.json().error.code).toBe('DATABASE_UNAVAILABLE');
    const write = await foundry.app.inject({ method: 'POST', url: '/api/projects', headers: as(user), payload: { name: 'lost?', studio: 'brand' } });
    expect(write.statusCode).toBe(503);
    expect((await foundry.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(503);
  });
});
