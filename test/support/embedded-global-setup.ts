import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/db/index.ts';
import { createLogger } from '../../src/kernel/index.ts';

/** Starts one embedded PostgreSQL for the run; each test file creates its own database on it. */
export default async function setup(project: TestProject) {
  const dataDir = await mkdtemp(join(tmpdir(), 'foundry-test-pg-'));
  const server = await startEmbeddedPostgres({ dataDir, port: 0, logger: createLogger({ level: 'warn' }) });
  project.provide('embeddedDatabaseUrl', server.url);
  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
