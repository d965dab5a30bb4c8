import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFoundry, type RunningFoundry } from '../../src/server/index.ts';
import { createTestDatabaseUrl } from '../support/test-database.ts';
import { signUpUser, type Account } from '../support/test-foundry.ts';
import { runCli } from '../support/cli-process.ts';

let database: { url: string; drop(): Promise<void> };
let dataDir: string;
let server: RunningFoundry;
let ann: Account;
let projectId: string;

const foundry = (args: string[]) => runCli(args, { PATH: process.env.PATH ?? '', FOUNDRY_URL: server.url, FOUNDRY_TOKEN: ann.token });

beforeAll(async () => {
  database = await createTestDatabaseUrl();
  dataDir = await mkdtemp(join(tmpdir(), 'foundry-chat-cli-'));
  server = await startFoundry({ config: { databaseUrl: database.url, dataDir, port: 0, logLevel: 'silent', webDir: join(dataDir, 'none'), authRateLimit: 1000 }, env: {} });
  ann = await signUpUser(server, 'Ann');
  const created = await server.app.inject({ method: 'POST', url: '/api/projects', headers: { authorization: `Bearer ${ann.token}` }, payload: { name: 'Bottles', studio: 'product' } });
  projectId = created.json<{ id: string }>().id;
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('foundry chat', () => {
  it('prints the design partner\'s reply and the stage, as text and as JSON', async () => {
    const first = await foundry(['chat', projectId, 'A 500 ml insulated steel bottle for our gym']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/upload your logo/i);
    expect(first.stdout).toContain('[stage: ignition]');

    const json = await foundry(['--json', 'chat', projectId, 'No files, go ahead']);
    expect(json.code, json.stderr).toBe(0);
    const posted = JSON.parse(json.stdout) as { stage: string; reply: { content: string; agent: string } };
    expect(posted).toMatchObject({ stage: 'designing', reply: { agent: 'design-partner' } });
    expect(posted.reply.content).toMatch(/3 .*concepts/);
  }, 180_000);

  it('explains an unknown project', async () => {
    const missing = await foundry(['chat', '00000000-0000-4000-8000-000000000000', 'hello']);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('PROJECT_NOT_FOUND');
  }, 60_000);
});
