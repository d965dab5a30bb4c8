import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFoundry, type RunningFoundry } from '../../../src/server/index.ts';
import { createTestDatabaseUrl } from '../../support/test-database.ts';

export interface RunningServer {
  url: string;
  /** The Foundry behind the URL, for tests that seed data the UI has no way to make (usage records). */
  foundry: RunningFoundry;
  close(): Promise<void>;
}

/** A real Foundry (HTTP, events, built UI) on a free port, with its own database and data directory. */
export async function startTestServer(webDir: string): Promise<RunningServer> {
  const database = await createTestDatabaseUrl();
  const dataDir = await mkdtemp(join(tmpdir(), 'foundry-e2e-'));
  const foundry = await startFoundry({
    config: { databaseUrl: database.url, dataDir, webDir, port: 0, host: '127.0.0.1', logLevel: 'silent', authRateLimit: 1000 },
    env: {},
  });
  return {
    url: foundry.url,
    foundry,
    async close() {
      await foundry.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
