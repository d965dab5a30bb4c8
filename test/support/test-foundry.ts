import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConfigInput, FoundryPlugin } from '../../src/kernel/index.ts';
import { createFoundry, type Foundry } from '../../src/server/index.ts';
import { createTestDatabaseUrl } from './test-database.ts';

export interface TestFoundry extends Foundry {
  dataDir: string;
  /** Closes Foundry, drops its database and removes its data directory. */
  dispose(): Promise<void>;
}

/** A Foundry on its own fresh database and data directory, for in-process HTTP tests (app.inject). */
export async function createTestFoundry(config: ConfigInput = {}, options: { plugins?: FoundryPlugin[]; triggers?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<TestFoundry> {
  const database = await createTestDatabaseUrl();
  const dataDir = await mkdtemp(join(tmpdir(), 'foundry-test-'));
  const foundry = await createFoundry({
    config: { databaseUrl: database.url, dataDir, logLevel: 'silent', webDir: join(dataDir, 'no-web'), authRateLimit: 1000, ...config },
    env: options.env ?? {},
    ...(options.plugins ? { plugins: options.plugins } : {}),
    ...(options.triggers === false ? { triggers: false } : {}),
  });
  return {
    ...foundry,
    dataDir,
    async dispose() {
      await foundry.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Account {
  token: string;
  userId: string;
  workspaceId: string;
  email: string;
}

let counter = 0;

/** Signs a new user up through the API. */
export async function signUpUser(foundry: Foundry, name = 'Test User'): Promise<Account> {
  counter += 1;
  const email = `user${counter}-${Date.now()}@example.com`;
  const response = await foundry.app.inject({ method: 'POST', url: '/api/auth/signup', payload: { email, password: 'correct horse battery', name } });
  if (response.statusCode !== 201) throw new Error(`signup failed: ${response.statusCode} ${response.body}`);
  const body = response.json<{ token: string; user: { id: string }; workspace: { id: string } }>();
  return { token: body.token, userId: body.user.id, workspaceId: body.workspace.id, email };
}

/** Headers that authenticate as an account (and optionally select a workspace). */
export function as(account: Account, workspaceId?: string): Record<string, string> {
  return { authorization: `Bearer ${account.token}`, ...(workspaceId ? { 'x-foundry-workspace': workspaceId } : {}) };
}
