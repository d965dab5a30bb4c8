import { execFile } from 'node:child_process';
import { chmod, chown, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { Logger } from '../kernel/index.ts';
import { freePort, randomSecret } from '../kernel/index.ts';
import { findPostgresBinaries, type PostgresBinaries } from './postgres-binaries.ts';
import { isPostgresProcess, readPostmasterPid } from './postmaster-pid.ts';

const run = promisify(execFile);
const superuser = 'foundry';
const databaseName = 'foundry';

export interface EmbeddedPostgresOptions {
  /** Foundry's data directory; the cluster lives in `<dataDir>/postgres`. */
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  logger: Logger;
}

export interface EmbeddedPostgres {
  url: string;
  port: number;
  /** True when a server left running (for example by a killed Foundry) was adopted. */
  adopted: boolean;
  /** Stops the server (fast shutdown: running transactions roll back, committed data is kept). */
  stop(): Promise<void>;
}

interface OsUser { uid: number; gid: number; name: string }

/**
 * Starts (or adopts) the PostgreSQL server of a data directory. A server whose postmaster.pid
 * names a live postgres process is adopted rather than started twice; PostgreSQL's own lock on
 * the directory guarantees there is never a second one. As root the server runs as an
 * unprivileged user, since initdb and postgres refuse root.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const { dataDir, logger } = options;
  const pgDir = join(dataDir, 'postgres');
  const passwordFile = join(dataDir, 'postgres-password');
  const binaries = await findPostgresBinaries();
  const osUser = await serverUser();
  await mkdir(dataDir, { recursive: true });
  if (osUser) await ensureReachable(dataDir, osUser);

  if (!(await exists(join(pgDir, 'PG_VERSION')))) {
    logger.info({ pgDir }, 'initialising the embedded PostgreSQL cluster');
    await initCluster({ binaries, pgDir, passwordFile, osUser });
  }
  const password = (await readFile(passwordFile, 'utf8')).trim();

  let port: number;
  let adopted = false;
  const running = await liveServer(pgDir);
  if (running) {
    port = running;
    adopted = true;
    logger.info({ port }, 'using the embedded PostgreSQL server that is already running on this data directory');
  } else {
    port = options.port || (await freePort());
    try {
      await startServer({ binaries, pgDir, port, osUser, logFile: join(dataDir, 'postgres.log') });
    } catch (error) {
      const raced = await liveServer(pgDir);
      if (!raced) throw error;
      port = raced;
      adopted = true;
    }
  }
  const url = `postgres://${superuser}:${encodeURIComponent(password)}@127.0.0.1:${port}/${databaseName}`;
  await ensureDatabase(`postgres://${superuser}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`);
  return {
    url,
    port,
    adopted,
    stop: async () => {
      if (!(await liveServer(pgDir))) return;
      await asUser(osUser, binaries.pg_ctl, ['-D', pgDir, '-m', 'fast', '-w', '-t', '60', 'stop']);
    },
  };
}

/**
 * As root, the server's unprivileged user must be able to traverse every directory above its own.
 * The data directory itself is opened for traversal only (0711); its secrets are files of mode 0600.
 */
async function ensureReachable(dataDir: string, osUser: OsUser): Promise<void> {
  const info = await stat(dataDir);
  if ((info.mode & 0o001) === 0) await chmod(dataDir, (info.mode & 0o777) | 0o011);
  for (let dir = dirname(dataDir); dir !== dirname(dir); dir = dirname(dir)) {
    const { mode, uid, gid } = await stat(dir);
    const canTraverse = (mode & 0o001) !== 0 || (uid === osUser.uid && (mode & 0o100) !== 0) || (gid === osUser.gid && (mode & 0o010) !== 0);
    if (!canTraverse) {
      throw new Error(
        `The embedded PostgreSQL runs as the unprivileged user "${osUser.name}" (PostgreSQL refuses root) and cannot reach ${dir}. ` +
          'Make it traversable (chmod o+x) or set FOUNDRY_DATA_DIR to a directory outside it.',
      );
    }
  }
}

async function liveServer(pgDir: string): Promise<number | undefined> {
  const lock = await readPostmasterPid(pgDir);
  if (!lock) return undefined;
  if (await isPostgresProcess(lock.pid, pgDir)) {
    await waitUntilReady(pgDir);
    return lock.port;
  }
  // A recycled pid would make PostgreSQL refuse to start; the lock is stale, so remove it.
  await rm(join(pgDir, 'postmaster.pid'), { force: true });
  return undefined;
}

async function waitUntilReady(pgDir: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const lock = await readPostmasterPid(pgDir);
    if (!lock || lock.status === 'ready') return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface InitOptions { binaries: PostgresBinaries; pgDir: string; passwordFile: string; osUser: OsUser | undefined }

async function initCluster({ binaries, pgDir, passwordFile, osUser }: InitOptions): Promise<void> {
  const staging = `${pgDir}.init`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { mode: 0o700 });
  const password = randomSecret(24);
  const pwfile = join(staging, '..', `postgres-pwfile-${process.pid}`);
  await writeFile(pwfile, password, { mode: 0o600 });
  try {
    if (osUser) {
      await chown(staging, osUser.uid, osUser.gid);
      await chown(pwfile, osUser.uid, osUser.gid);
    }
    await asUser(osUser, binaries.initdb, [
      '-D', staging, '-U', superuser, '--auth=scram-sha-256', `--pwfile=${pwfile}`, '-E', 'UTF8', '--no-locale',
    ]);
  } finally {
    await rm(pwfile, { force: true });
  }
  await writeFile(passwordFile, password, { mode: 0o600 });
  await chmod(passwordFile, 0o600);
  await rename(staging, pgDir);
}

interface StartOptions { binaries: PostgresBinaries; pgDir: string; port: number; osUser: OsUser | undefined; logFile: string }

async function startServer({ binaries, pgDir, port, osUser, logFile }: StartOptions): Promise<void> {
  if (osUser) {
    await writeFile(logFile, '', { flag: 'a' });
    await chown(logFile, osUser.uid, osUser.gid);
  }
  const serverOptions = `-p ${port} -h 127.0.0.1 -c unix_socket_directories='' -c max_connections=200`;
  await asUser(osUser, binaries.pg_ctl, ['-D', pgDir, '-l', logFile, '-o', serverOptions, '-w', '-t', '60', 'start']);
}

async function ensureDatabase(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [databaseName]);
    if (found.rowCount === 0) await client.query(`create database ${databaseName}`);
  } catch (error) {
    if ((error as { code?: string }).code !== '42P04') throw error;
  } finally {
    await client.end();
  }
}

async function asUser(osUser: OsUser | undefined, file: string, args: string[]): Promise<void> {
  try {
    await run(file, args, osUser ? { uid: osUser.uid, gid: osUser.gid, env: { ...process.env, HOME: '/tmp' } } : {});
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    const output = `${e.stderr ?? ''}${e.stdout ?? ''}`.trim();
    throw new Error(`${file.split('/').pop()} failed: ${output || e.message}`, { cause: error });
  }
}

/** The unprivileged account the server runs as when Foundry runs as root; created if missing. */
async function serverUser(): Promise<OsUser | undefined> {
  if (process.platform === 'win32' || userInfo().uid !== 0) return undefined;
  for (const name of ['postgres', 'foundry']) {
    const found = await lookupUser(name);
    if (found) return found;
  }
  await run('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'foundry']);
  const created = await lookupUser('foundry');
  if (!created) throw new Error('Could not create the unprivileged "foundry" user for the embedded PostgreSQL.');
  return created;
}

async function lookupUser(name: string): Promise<OsUser | undefined> {
  try {
    const uid = Number((await run('id', ['-u', name])).stdout.trim());
    const gid = Number((await run('id', ['-g', name])).stdout.trim());
    return { uid, gid, name };
  } catch {
    return undefined;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
