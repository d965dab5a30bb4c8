import { defineConfig } from 'vitest/config';

const dbTests = ['src/**/*.db.test.ts', 'test/**/*.db.test.ts'];
const postgres = process.env.TEST_DATABASE_URL
  ? [{ test: { name: 'postgres', include: dbTests, env: { FOUNDRY_TEST_DB: 'postgres' }, testTimeout: 60_000, hookTimeout: 120_000 } }]
  : [];

/**
 * Three projects: unit tests; database tests against the embedded PostgreSQL (always) and against
 * TEST_DATABASE_URL (when set); browser tests run against the embedded one.
 */
export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: [...dbTests, 'test/e2e/**'] } },
      {
        test: {
          name: 'embedded', include: [...dbTests, 'test/e2e/**/*.e2e.test.ts'], env: { FOUNDRY_TEST_DB: 'embedded' },
          globalSetup: ['test/support/embedded-global-setup.ts'], testTimeout: 60_000, hookTimeout: 120_000,
        },
      },
      ...postgres,
    ],
  },
});
