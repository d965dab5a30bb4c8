import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { embeddedPostmaster } from './postgres-processes.ts';

/** The PostgreSQL server of the scaled mode (any database on it; scratch databases are created beside it). */
export const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const created = new Set<string>();

/** Runs `fn` with a connected client, and ends the client. */
export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database for one Foundry start; dropped by dropScratchDatabases(). */
export async function createScratchDatabase(): Promise<string> {
  const name = `foundry_bench_${randomBytes(5).toString('hex')}`;
  await withClient(adminUrl, (c) => c.query(`create database ${name}`));
  created.add(name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropScratchDatabases(): Promise<void> {
  for (const name of [...created]) {
    await withClient(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
    created.delete(name);
  }
}

export interface ServerSettings {
  version: string;
  fsync: string;
  synchronousCommit: string;
  sharedBuffers: string;
  maxConnections: string;
  autovacuum: string;
}

export async function serverSettings(url: string): Promise<ServerSettings> {
  return withClient(url, async (c) => {
    const show = async (name: string) => (await c.query<Record<string, string>>(`show ${name}`)).rows[0]?.[name] ?? '?';
    return {
      version: await show('server_version'),
      fsync: await show('fsync'),
      synchronousCommit: await show('synchronous_commit'),
      sharedBuffers: await show('shared_buffers'),
      maxConnections: await show('max_connections'),
      autovacuum: await show('autovacuum'),
    };
  });
}

/** The connection URL of the running embedded server of a data directory (superuser `foundry`). */
export async function embeddedUrl(dataDir: string): Promise<string> {
  const postmaster = await embeddedPostmaster(dataDir);
  if (!postmaster) throw new Error(`no embedded PostgreSQL runs in ${dataDir}`);
  const password = (await readFile(join(dataDir, 'postgres-password'), 'utf8')).trim();
  return `postgres://foundry:${encodeURIComponent(password)}@127.0.0.1:${postmaster.port}/foundry`;
}

/** Number of projects in a Foundry database. */
export async function countProjects(url: string): Promise<number> {
  return withClient(url, async (c) => Number((await c.query<{ n: string }>('select count(*) as n from projects')).rows[0]?.n ?? 0));
}

/**
 * The processes of a PostgreSQL server (on this machine) that work for one database: its
 * backends, the server's shared background processes and the postmaster. Backends of other
 * databases on the same server are left out.
 */
export async function serverPidsFor(url: string): Promise<number[]> {
  return withClient(url, async (c) => {
    const own = (await c.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid;
    const rows = (await c.query<{ pid: number }>(
      'select pid from pg_stat_activity where (datname = current_database() or datname is null) and pid <> pg_backend_pid()',
    )).rows;
    const postmaster = own === undefined ? undefined : await parentPid(own);
    return [...(postmaster ? [postmaster] : []), ...rows.map((r) => r.pid)];
  });
}

async function parentPid(pid: number): Promise<number | undefined> {
  const text = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => undefined);
  const match = text?.match(/^PPid:\s+(\d+)/m);
  return match ? Number(match[1]) : undefined;
}

export interface TableStatistics {
  liveRows: number;
  modifiedSinceAnalyze: number;
  lastAnalyze: string | null;
  lastAutoanalyze: string | null;
}

/** Whether the planner has statistics for `projects` (autovacuum analyzes about a minute after bulk changes). */
export async function projectStatistics(url: string): Promise<TableStatistics> {
  return withClient(url, async (c) => {
    const row = (await c.query<{ n_live_tup: string; n_mod_since_analyze: string; last_analyze: Date | null; last_autoanalyze: Date | null }>(
      "select n_live_tup, n_mod_since_analyze, last_analyze, last_autoanalyze from pg_stat_user_tables where relname = 'projects'",
    )).rows[0];
    return {
      liveRows: Number(row?.n_live_tup ?? 0),
      modifiedSinceAnalyze: Number(row?.n_mod_since_analyze ?? 0),
      lastAnalyze: row?.last_analyze?.toISOString() ?? null,
      lastAutoanalyze: row?.last_autoanalyze?.toISOString() ?? null,
    };
  });
}

export async function analyzeProjects(url: string): Promise<void> {
  await withClient(url, (c) => c.query('analyze projects, project_members'));
}

/**
 * The plan PostgreSQL picks for the first page of GET /api/projects (the SQL Drizzle sends for
 * listProjects' page query, written out by hand; the caller's roles are then read for the page's
 * ids by primary key), one line per plan node.
 */
export async function listPlan(url: string, workspaceId: string, _userId: string): Promise<string[]> {
  return withClient(url, async (c) => {
    const result = await c.query<{ 'QUERY PLAN': string }>(
      `explain select p.* from projects p
        where p.workspace_id = $1 order by p.created_at desc, p.id desc limit 51`,
      [workspaceId],
    );
    return result.rows.map((r) => r['QUERY PLAN']);
  });
}
