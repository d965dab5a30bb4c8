/**
 * `node bench/usage-budget.ts`: what the budget check before every provider call costs, and what
 * a month's usage summary costs, on a workspace with many usage records.
 *
 * On a scratch database of the server PostgreSQL (BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/test): one workspace with BENCH_USAGE_ROWS usage records
 * (default 500,000) spread over a year, 50 projects and 2,000 runs; then `assertWithinBudget`
 * with no budget; with a monthly workspace budget, a total project budget and a total run budget
 * that all apply; with the monthly workspace budget alone; with a total workspace budget (the
 * costly case: it sums the whole history); then the workspace's summary of one month. Prints
 * p50/p95 in ms.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/db/index.ts';
import { createLogger } from '../src/kernel/index.ts';
import { createUsageLedger, workspaceUsage } from '../src/models/index.ts';
import { createScratchDatabase, dropScratchDatabases } from './scratch-db.ts';
import { percentile, round } from './stats.ts';

const rows = Number(process.env.BENCH_USAGE_ROWS ?? 500_000);
const samples = 200;
const now = new Date('2025-12-15T12:00:00Z');

async function measure(label: string, times: number, fn: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 10; i++) await fn();
  const took: number[] = [];
  for (let i = 0; i < times; i++) {
    const started = performance.now();
    await fn();
    took.push(performance.now() - started);
  }
  took.sort((a, b) => a - b);
  console.log(`${label.padEnd(58)} p50 ${round(percentile(took, 50), 2)} ms   p95 ${round(percentile(took, 95), 2)} ms`);
}

const url = await createScratchDatabase();
const database = await openDatabase({ config: { databaseUrl: url, dataDir: '/nonexistent', embeddedPgPort: 0, dbPoolSize: 4 }, logger: createLogger({ level: 'silent' }) });
try {
  const workspaceId = randomUUID();
  const projects = Array.from({ length: 50 }, () => randomUUID());
  const runs = Array.from({ length: 2000 }, () => randomUUID());
  const pool = database.pool;
  await pool.query(`insert into workspaces (id, name) values ($1, 'bench')`, [workspaceId]);
  const started = performance.now();
  await pool.query(`
    insert into model_usage (workspace_id, project_id, run_id, role, operation, provider, model, tokens_in, tokens_out, cost_usd, created_at)
    select $1, ($2::uuid[])[1 + i % 50], case when i % 3 = 0 then ($3::uuid[])[1 + i % 2000] end, 'chat', 'compose', 'openai', 'gpt-4o-mini',
           1000, 200, 0.0003, $4::timestamptz - (i % 365) * interval '1 day' - (i % 86400) * interval '1 second'
    from generate_series(1, $5::int) i`, [workspaceId, projects, runs, now.toISOString(), rows]);
  await pool.query('analyze model_usage');
  console.log(`${rows.toLocaleString('en-US')} usage records inserted in ${round((performance.now() - started) / 1000, 1)} s`);

  const ledger = createUsageLedger({ db: database.db, clock: { now: () => now } });
  const scope = { workspaceId, projectId: projects[7]!, runId: runs[42]! };
  await measure('assertWithinBudget, no budget', samples, () => ledger.assertWithinBudget(scope));
  await pool.query(`insert into model_budgets (workspace_id, scope, scope_id, limit_usd, period) values
    ($1, 'workspace', $1, 1000000, 'month'), ($1, 'project', $2, 1000000, 'total'), ($1, 'run', $3, 1000000, 'total')`, [workspaceId, scope.projectId, scope.runId]);
  await measure('assertWithinBudget, workspace (month) + project + run budgets', samples, () => ledger.assertWithinBudget(scope));
  await measure('assertWithinBudget, workspace (month) budget alone applies', samples, () => ledger.assertWithinBudget({ workspaceId, runId: runs[43]! }));
  await pool.query(`update model_budgets set period = 'total' where scope = 'workspace'`);
  await measure('assertWithinBudget, workspace budget over all time', 20, () => ledger.assertWithinBudget({ workspaceId }));
  const ctx = { userId: randomUUID(), workspaceId, role: 'owner' as const };
  await measure('workspace usage summary of one month', 20, () => workspaceUsage({ db: database.db, clock: { now: () => now } }, ctx, { limit: 20 }));
} finally {
  await database.close();
  await dropScratchDatabases();
}
