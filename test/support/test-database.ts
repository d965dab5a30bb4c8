import pg from 'pg';
import { inject } from 'vitest';
import { randomSecret } from '../../src/kernel/index.ts';

export type TestDatabaseTarget = 'embedded' | 'postgres';

/** Which server this test project runs against: the embedded one, or TEST_DATABASE_URL. */
export function testDatabaseTarget(): TestDatabaseTarget {
  return process.env.FOUNDRY_TEST_DB === 'postgres' ? 'postgres' : 'embedded';
}

function serverUrl(): string {
  if (testDatabaseTarget() === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DATABASE_URL is not set');
    return url;
  }
  return inject('embeddedDatabaseUrl');
}

/**
 * A fresh, empty database on the test server for one test file, dropped by `drop()`.
 */
export async function createTestDatabaseUrl(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = new URL(serverUrl());
  const name = `foundry_test_${randomSecret(6).toLowerCase().replace(/[^a-z0-9]/g, '')}`;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(admin.toString());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    embeddedDatabaseUrl: string;
  }
}
