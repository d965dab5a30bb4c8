import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFoundry, type RunningFoundry } from '../../src/server/index.ts';
import { createTestDatabaseUrl } from '../support/test-database.ts';
import { runCli } from '../support/cli-process.ts';


let database: { url: string; drop(): Promise<void> };
let dataDir: string;
let server: RunningFoundry;

async function foundry(args: string[], env: Record<string, string> = {}) {
  return runCli(args, { PATH: process.env.PATH ?? '', DATABASE_URL: database.url, FOUNDRY_DATA_DIR: dataDir, FOUNDRY_URL: server.url, ...env });
}

beforeAll(async () => {
  database = await createTestDatabaseUrl();
  dataDir = await mkdtemp(join(tmpdir(), 'foundry-cli-'));
  server = await startFoundry({ config: { databaseUrl: database.url, dataDir, port: 0, logLevel: 'silent', webDir: join(dataDir, 'none') }, env: {} });
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('foundry CLI', () => {
  it('creates a user and a token, then manages projects through the API', async () => {
    const created = await foundry(['--json', 'user', 'create', '--email', 'Cli@Example.com', '--name', 'Cli', '--password', 'long enough pass']);
    expect(created.code).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ user: { email: 'cli@example.com' }, workspace: { role: 'owner' } });

    const token = JSON.parse((await foundry(['--json', 'token', 'create', '--email', 'cli@example.com', '--name', 'ci'])).stdout).token as string;
    expect(token).toMatch(/^fdy_/);

    const project = await foundry(['--json', 'project', 'create', '--name', 'From the CLI', '--studio', 'builder'], { FOUNDRY_TOKEN: token });
    expect(project.code).toBe(0);
    const id = JSON.parse(project.stdout).id as string;

    const list = await foundry(['project', 'list'], { FOUNDRY_TOKEN: token });
    expect(list.stdout).toContain('From the CLI');
    expect(list.stdout).toContain(id);

    const shown = await foundry(['--json', 'project', 'show', id], { FOUNDRY_TOKEN: token });
    expect(JSON.parse(shown.stdout)).toMatchObject({ id, studio: 'builder', role: 'owner' });
  });

  it('explains failures with a code and a non-zero exit', async () => {
    const weak = await foundry(['user', 'create', '--email', 'x@example.com', '--name', 'X', '--password', 'short']);
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/password: Use at least 8 characters.*VALIDATION_FAILED/);

    const noToken = await foundry(['--json', 'project', 'list']);
    expect(noToken.code).toBe(1);
    expect(JSON.parse(noToken.stdout).error.code).toBe('TOKEN_REQUIRED');

    const unknownUser = await foundry(['token', 'create', '--email', 'nobody@example.com']);
    expect(unknownUser.code).toBe(1);
    expect(unknownUser.stderr).toContain('USER_NOT_FOUND');

    const badStudio = await foundry(['project', 'create', '--name', 'P', '--studio', 'kitchen'], { FOUNDRY_TOKEN: 'fdy_invalid' });
    expect(badStudio.code).toBe(1);
    expect(badStudio.stderr).toContain('VALIDATION_FAILED');

    const unauthenticated = await foundry(['project', 'list'], { FOUNDRY_TOKEN: 'fdy_invalid' });
    expect(unauthenticated.stderr).toContain('UNAUTHENTICATED');
  });

  it('validates a workflow file through the API', async () => {
    await foundry(['user', 'create', '--email', 'flows@example.com', '--name', 'Flows', '--password', 'long enough pass']);
    const token = JSON.parse((await foundry(['--json', 'token', 'create', '--email', 'flows@example.com'])).stdout).token as string;
    const good = join(dataDir, 'good.json');
    const bad = join(dataDir, 'bad.json');
    await writeFile(good, JSON.stringify({ name: 'Good', nodes: [{ id: 'start', type: 'trigger', name: 'Start' }, { id: 'out', type: 'output', name: 'Out', config: { value: 'input' } }], edges: [{ from: 'start', to: 'out' }] }));
    await writeFile(bad, JSON.stringify({ name: 'Bad', nodes: [{ id: 'start', type: 'trigger', name: 'Start' }, { id: 'send', type: 'action', name: 'Send', config: { tool: 'mail.send' } }], edges: [{ from: 'start', to: 'send' }] }));

    const valid = await foundry(['workflow', 'validate', good], { FOUNDRY_TOKEN: token });
    expect(valid.code).toBe(0);
    expect(valid.stdout).toContain('valid');
    const invalid = await foundry(['workflow', 'validate', bad], { FOUNDRY_TOKEN: token });
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toMatch(/send\s+UNKNOWN_TOOL/);
    const missing = await foundry(['workflow', 'validate', join(dataDir, 'nope.json')], { FOUNDRY_TOKEN: token });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('FILE_UNREADABLE');
  });

  it('says so when the port is taken, and exits', async () => {
    const port = new URL(server.url).port;
    const taken = await foundry(['serve', '--port', port], { FOUNDRY_LOG_LEVEL: 'silent' });
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain(`Port ${port} on 127.0.0.1 is already in use`);
    expect(taken.stderr).toContain('PORT_IN_USE');
  });

  it('reports the migration state', async () => {
    const migrated = await foundry(['--json', 'migrate']);
    expect(migrated.code).toBe(0);
    expect(JSON.parse(migrated.stdout)).toMatchObject({ mode: 'server' });
    expect(JSON.parse(migrated.stdout).applied).toBeGreaterThanOrEqual(2);
  });
});
