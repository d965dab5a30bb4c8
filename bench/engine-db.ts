import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { withClient } from './scratch-db.ts';
import { startEmbeddedPostgres } from '../src/db/index.ts';
import { createLogger } from '../src/kernel/index.ts';

/**
 * The database servers `npm run bench:engine` measures, a fresh database per measurement on
 * each, and the figures read from the server itself (the raw commit rate, transaction counters).
 */

export type EngineTarget = 'embedded' | 'postgres';

export interface BenchServer {
  target: EngineTarget;
  /** A URL of the server (any database on it); scratch databases are created beside it. */
  adminUrl: string;
  settings: Record<string, string>;
  /** Drops the scratch databases still there and stops a server this bench started. */
  close(): Promise<void>;
  createDatabase(): Promise<ScratchDatabase>;
}

export interface ScratchDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}


async function readSettings(url: string): Promise<Record<string, string>> {
  return withClient(url, async (c) => {
    const out: Record<string, string> = {};
    for (const name of ['server_version', 'fsync', 'synchronous_commit', 'wal_sync_method', 'commit_delay', 'shared_buffers', 'max_connections']) {
      out[name] = (await c.query<Record<string, string>>(`show ${name}`)).rows[0]?.[name] ?? '?';
    }
    return out;
  });
}

function scratchFactory(adminUrl: string) {
  const live = new Set<string>();
  const drop = async (name: string) => {
    await withClient(adminUrl, async (c) => {
      // Pools that were just ended may still have backends on their way out; a forced drop would
      // terminate them and hand their (already closing) clients an error.
      for (let i = 0; i < 100; i++) {
        const { rows } = await c.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if ((rows[0]?.n ?? 0) === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await c.query(`drop database if exists ${name} with (force)`);
    });
    live.delete(name);
  };
  return {
    live,
    drop,
    async create(): Promise<ScratchDatabase> {
      const name = `foundry_bench_engine_${randomBytes(5).toString('hex')}`;
      await withClient(adminUrl, (c) => c.query(`create database ${name}`));
      live.add(name);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      return { url: url.toString(), name, drop: () => drop(name) };
    },
  };
}

/** The server PostgreSQL at BENCH_DATABASE_URL, TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test. */
export async function openServerPostgres(): Promise<BenchServer> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const scratch = scratchFactory(adminUrl);
  return {
    target: 'postgres', adminUrl, settings: await readSettings(adminUrl),
    createDatabase: scratch.create,
    async close() {
      for (const name of [...scratch.live]) await scratch.drop(name);
    },
  };
}

/** A new embedded PostgreSQL (the same code `foundry serve` uses) in a temporary directory. */
export async function startBenchEmbedded(): Promise<BenchServer> {
  const dir = await mkdtemp(join(tmpdir(), 'foundry-bench-engine-'));
  // As root the embedded server runs as an unprivileged user, which must traverse this directory.
  await chmod(dir, 0o711);
  const server = await startEmbeddedPostgres({ dataDir: dir, port: 0, logger: createLogger({ level: 'warn' }) });
  const scratch = scratchFactory(server.url);
  return {
    target: 'embedded', adminUrl: server.url, settings: await readSettings(server.url),
    createDatabase: scratch.create,
    async close() {
      for (const name of [...scratch.live]) await scratch.drop(name).catch(() => undefined);
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface CommitRate {
  connections: number;
  inserts: number;
  seconds: number;
  perSecond: number;
  /** Per-commit latency, ms. */
  p50Ms: number;
  p99Ms: number;
}

/**
 * The physical limit: sequential autocommit single-row INSERTs into a small table, each its own
 * transaction (so each waits for its WAL flush, as a durable step must), on `connections`
 * connections at once. One connection is the limit the target refers to; with several, commits
 * that arrive together share a flush (group commit), as concurrent runs do.
 */
export async function measureCommitRate(url: string, seconds: number, connections = 1): Promise<CommitRate> {
  await withClient(url, (c) => c.query('create table if not exists bench_commits (id bigserial primary key, at timestamptz not null default now(), note text not null)'));
  const clients = await Promise.all(Array.from({ length: connections }, async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return client;
  }));
  try {
    const insert = { name: 'bench-commit', text: 'insert into bench_commits (note) values ($1)', values: ['x'] };
    await Promise.all(clients.map(async (c) => { for (let i = 0; i < 20; i++) await c.query(insert); }));
    const latencies: number[] = [];
    const began = performance.now();
    const until = began + seconds * 1000;
    await Promise.all(clients.map(async (c) => {
      for (;;) {
        const t = performance.now();
        if (t >= until) break;
        await c.query(insert);
        latencies.push(performance.now() - t);
      }
    }));
    const elapsed = (performance.now() - began) / 1000;
    latencies.sort((a, b) => a - b);
    const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.max(0, Math.ceil((p / 100) * latencies.length) - 1))] ?? Number.NaN;
    return { connections, inserts: latencies.length, seconds: elapsed, perSecond: latencies.length / elapsed, p50Ms: at(50), p99Ms: at(99) };
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

export interface ServerCounters {
  /** The next transaction id: its growth counts transactions that wrote (each commit of those waits for a WAL flush). Server-wide. */
  nextXid: bigint;
  /** pg_stat_database.xact_commit of the database: every commit, read-only ones included. */
  commits: bigint;
  /** WAL flushes to disk, server-wide, when the server reports them (pg_stat_wal, pg_stat_io on 18). */
  walSyncs: bigint | undefined;
}

/** Reads the counters (pg_stat_* are snapshots: the caller's session must not be inside a transaction). */
export async function readCounters(url: string): Promise<ServerCounters> {
  return withClient(url, async (c) => {
    const xid = await c.query<{ x: string }>('select pg_snapshot_xmax(pg_current_snapshot())::text as x');
    const commits = await c.query<{ n: string }>('select xact_commit::text as n from pg_stat_database where datname = current_database()');
    let walSyncs: bigint | undefined;
    try {
      const r = await c.query<{ n: string | null }>("select sum(fsyncs)::text as n from pg_stat_io where object = 'wal'");
      if (r.rows[0]?.n != null) walSyncs = BigInt(r.rows[0].n);
    } catch {
      // pg_stat_io has no WAL rows before PostgreSQL 18
    }
    if (walSyncs === undefined) {
      try {
        const r = await c.query<{ n: string }>('select wal_sync::text as n from pg_stat_wal');
        if (r.rows[0]) walSyncs = BigInt(r.rows[0].n);
      } catch {
        // no pg_stat_wal before PostgreSQL 14
      }
    }
    return { nextXid: BigInt(xid.rows[0]!.x), commits: BigInt(commits.rows[0]?.n ?? '0'), walSyncs };
  });
}

/** Counter growth between two readings; the reads themselves are subtracted (each reading costs one read-only commit). */
export function counterDelta(before: ServerCounters, after: ServerCounters) {
  return {
    writeTransactions: Number(after.nextXid - before.nextXid),
    commits: Number(after.commits - before.commits) - 1,
    walSyncs: before.walSyncs === undefined || after.walSyncs === undefined ? undefined : Number(after.walSyncs - before.walSyncs),
  };
}
