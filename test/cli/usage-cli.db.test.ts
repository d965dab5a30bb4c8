import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUsageLedger } from '../../src/models/index.ts';
import { startFoundry, type RunningFoundry } from '../../src/server/index.ts';
import { createTestDatabaseUrl } from '../support/test-database.ts';
import { signUpUser, type Account } from '../support/test-foundry.ts';
import { runCli } from '../support/cli-process.ts';


let database: { url: string; drop(): Promise<void> };
let dataDir: string;
let server: RunningFoundry;
let ann: Account;
let projectId: string;

async function foundry(args: string[]) {
  return runCli(args, { PATH: process.env.PATH ?? '', FOUNDRY_URL: server.url, FOUNDRY_TOKEN: ann.token });
}

beforeAll(async () => {
  database = await createTestDatabaseUrl();
  dataDir = await mkdtemp(join(tmpdir(), 'foundry-usage-cli-'));
  server = await startFoundry({ config: { databaseUrl: database.url, dataDir, port: 0, logLevel: 'silent', webDir: join(dataDir, 'none'), authRateLimit: 1000 }, env: {} });
  ann = await signUpUser(server, 'Ann');
  const created = await server.app.inject({ method: 'POST', url: '/api/projects', headers: { authorization: `Bearer ${ann.token}` }, payload: { name: 'Phone cases', studio: 'product' } });
  projectId = created.json<{ id: string }>().id;
  const ledger = createUsageLedger({ db: server.database.db, clock: { now: () => new Date('2025-05-02T10:00:00Z') } });
  const base = { workspaceId: ann.workspaceId, role: 'chat', operation: 'compose', cached: false, fellBack: false, durationMs: 900 } as const;
  await ledger.record({ ...base, projectId, provider: 'openai', model: 'gpt-4o-mini', tokensIn: 12_000, tokensOut: 800, costUsd: 0.25 });
  await ledger.record({ ...base, provider: 'builtin', model: 'builtin', operation: 'summarize', tokensIn: 0, tokensOut: 0, costUsd: 0, fellBack: true });
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('foundry usage and foundry budget', () => {
  it('prints the usage of the workspace as tables, and of a project as JSON', async () => {
    const shown = await foundry(['usage', '--from', '2025-05-01', '--to', '2025-05-31']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('Model usage of workspace "Ann\'s workspace", 2025-05-01 to 2025-05-31 (UTC)');
    expect(shown.stdout).toContain('2 calls · 12,000 tokens in · 800 tokens out · $0.25 · 0 cached · 1 fell back to the built-in engine');
    expect(shown.stdout).toMatch(/openai\s+gpt-4o-mini\s+1\s+12,000\s+800\s+\$0\.25/);
    expect(shown.stdout).toMatch(/Phone cases\s+1\s+12,000/);
    expect(shown.stdout).toMatch(/\(workspace\)\s+1\s+0/);
    expect(shown.stdout).toMatch(/2025-05-02\s+2\s+\$0\.25\s+█{24}/);

    const json = await foundry(['--json', 'usage', '--project', projectId, '--from', '2025-05-01', '--to', '2025-05-31']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ projectId, totals: { calls: 1, costUsd: 0.25 } });
  }, 180_000);

  it('sets, lists and removes budgets, and explains a refusal', async () => {
    const set = await foundry(['budget', 'set', '--project', projectId, '--limit', '0.25', '--period', 'total']);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('Budget of project Phone cases: $0.25 in total; $0.25 spent so far (already spent: calls are refused).');

    const list = await foundry(['budget', 'list']);
    expect(list.stdout).toMatch(/project\s+Phone cases\s+\S+\s+total\s+\$0\.25\s+\$0\.25\s+100%\s+SPENT: calls refused/);

    const removed = await foundry(['budget', 'remove', '--project', projectId]);
    expect([removed.code, removed.stdout.trim()]).toEqual([0, `Removed the project budget of ${projectId}.`]);

    const bad = await foundry(['budget', 'set', '--limit', 'lots']);
    expect([bad.code, bad.stderr]).toEqual([1, expect.stringContaining('--limit must be an amount in US dollars')]);
  }, 180_000);
});
