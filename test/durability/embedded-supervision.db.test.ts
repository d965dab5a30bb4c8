import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isProcessAlive } from '../../src/kernel/index.ts';
import {
  embeddedPgDir, postgresProcessesFor, postmasterPid, spawnFoundryProcess, startFoundryProcess, stopLeftoverPostgres, waitForProcessExit,
  type FoundryProcess,
} from '../support/foundry-process.ts';
import { testDatabaseTarget } from '../support/test-database.ts';
import { expectStatus, listAllMessages, signUp, type SignedUp } from './api-client.ts';

/**
 * How `foundry serve` supervises the embedded PostgreSQL of its data directory: adopting a server a
 * killed Foundry left running, refusing a second Foundry on the directory, stopping the server on
 * SIGTERM, and starting past a stale postmaster.pid.
 */
describe.skipIf(testDatabaseTarget() !== 'embedded')('foundry serve supervising its embedded PostgreSQL', () => {
  let dataDir: string;
  let pgDir: string;
  let current: FoundryProcess | undefined;
  const helpers: ChildProcess[] = [];
  let account: SignedUp;
  const seeded = { projectId: '', messageId: '', content: '' };

  const start = async () => {
    current = await startFoundryProcess({ dataDir });
    return current;
  };
  /** The Foundry a test works with: the one left running by the previous test, or a new one. */
  const serving = async () => (current && !current.exitStatus() ? current : start());

  /** The seeded project and message are still there, through the API. */
  const expectSeededData = async (foundry: FoundryProcess) => {
    const project = await expectStatus<{ id: string; name: string }>(foundry.url, 'GET', `/api/projects/${seeded.projectId}`, 200, { token: account.token });
    expect(project).toMatchObject({ id: seeded.projectId, name: 'Supervised project' });
    const messages = await listAllMessages(foundry.url, account.token, seeded.projectId);
    expect(messages.filter((m) => m.id === seeded.messageId)).toEqual([expect.objectContaining({ id: seeded.messageId, content: seeded.content })]);
  };

  /** After a clean stop: no postmaster.pid, no postgres process on the directory, the serve lock released. */
  const expectStopped = async (postmaster: number | undefined) => {
    if (postmaster !== undefined) expect(await waitForProcessExit(postmaster, 10_000), `postmaster ${postmaster} stopped`).toBe(true);
    expect(existsSync(join(pgDir, 'postmaster.pid')), 'postmaster.pid is gone').toBe(false);
    expect(await postgresProcessesFor(dataDir), 'no postgres process runs on the data directory').toEqual([]);
    expect(existsSync(join(dataDir, 'serve.pid')), 'the serve lock is released').toBe(false);
  };

  /** Stops the running Foundry cleanly and waits until its PostgreSQL is gone too. */
  const stopCleanly = async () => {
    if (!current || current.exitStatus()) return;
    const postmaster = await postmasterPid(dataDir);
    const exit = await current.kill('SIGTERM');
    expect(exit, current.output()).toEqual({ code: 0, signal: null });
    await expectStopped(postmaster);
  };

  /** A postmaster.pid as PostgreSQL writes it, naming `pid`, owned by the cluster's owner. */
  const writeStalePostmasterPid = async (pid: number, template: string) => {
    const lines = template.split('\n');
    lines[0] = String(pid);
    const path = join(pgDir, 'postmaster.pid');
    await writeFile(path, lines.join('\n'), { mode: 0o600 });
    const owner = await stat(pgDir);
    await chown(path, owner.uid, owner.gid);
  };
  let postmasterPidTemplate = '';

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'foundry-supervision-'));
    pgDir = embeddedPgDir(dataDir);
    const foundry = await start();
    postmasterPidTemplate = await readFile(join(pgDir, 'postmaster.pid'), 'utf8');
    account = await signUp(foundry.url, 'Supervisor');
    const project = await expectStatus<{ id: string }>(foundry.url, 'POST', '/api/projects', 201, {
      token: account.token, body: { name: 'Supervised project', studio: 'software' },
    });
    seeded.projectId = project.id;
    seeded.content = `seeded message ${Date.now()}`;
    const posted = await expectStatus<{ message: { id: string } }>(foundry.url, 'POST', `/api/projects/${project.id}/messages`, 201, {
      token: account.token, body: { content: seeded.content },
    });
    seeded.messageId = posted.message.id;
  });

  afterAll(async () => {
    if (current && !current.exitStatus()) await current.kill('SIGKILL').catch(() => undefined);
    for (const helper of helpers) if (helper.exitCode === null && helper.signalCode === null) helper.kill('SIGKILL');
    if (dataDir) {
      await stopLeftoverPostgres(dataDir);
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('(a) adopts the PostgreSQL a SIGKILLed Foundry left running', async () => {
    const killed = await serving();
    const postmaster = await postmasterPid(dataDir);
    expect(postmaster).toBeDefined();

    const exit = await killed.kill('SIGKILL');
    expect(exit.signal).toBe('SIGKILL');
    expect(isProcessAlive(postmaster!), 'the postmaster survives the SIGKILL of Foundry').toBe(true);
    expect(await postgresProcessesFor(dataDir)).toEqual([postmaster]);
    expect(await readFile(join(dataDir, 'serve.pid'), 'utf8'), 'the killed Foundry left its serve lock behind').toBe(String(killed.pid));

    const restarted = await start();
    expect(await postmasterPid(dataDir), 'the same postmaster serves the new Foundry').toBe(postmaster);
    expect(await postgresProcessesFor(dataDir), 'no second server was started').toEqual([postmaster]);
    expect(await readFile(join(dataDir, 'serve.pid'), 'utf8'), 'the new Foundry took the serve lock over').toBe(String(restarted.pid));
    await expectSeededData(restarted);
    await expectStatus(restarted.url, 'POST', `/api/projects/${seeded.projectId}/messages`, 201, { token: account.token, body: { content: 'after adoption' } });
  });

  it('(b) refuses a second foundry serve on the same data directory, fast, and leaves the first one serving', async () => {
    const first = await serving();
    const postmaster = await postmasterPid(dataDir);

    const startedAt = Date.now();
    const second = await spawnFoundryProcess({ dataDir });
    const exit = await Promise.race([
      second.exited,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`the second foundry serve did not exit\n${second.output()}`)), 20_000)),
    ]).finally(() => second.kill('SIGKILL'));
    const elapsed = Date.now() - startedAt;
    expect(exit, second.output()).toEqual({ code: 1, signal: null });
    expect(second.stderr()).toContain('DATA_DIR_IN_USE');
    expect(elapsed, 'it fails fast').toBeLessThan(10_000);

    expect(first.exitStatus()).toBeUndefined();
    await expectStatus(first.url, 'GET', '/readyz', 200);
    expect(await postmasterPid(dataDir), 'the PostgreSQL of the first one is untouched').toBe(postmaster);
    expect(isProcessAlive(postmaster!)).toBe(true);
    expect(await readFile(join(dataDir, 'serve.pid'), 'utf8'), 'the serve lock still names the first one').toBe(String(first.pid));
    await expectSeededData(first);
  });

  it('(c) stops the embedded PostgreSQL on SIGTERM', async () => {
    const foundry = await serving();
    const postmaster = await postmasterPid(dataDir);
    expect(postmaster).toBeDefined();
    expect(isProcessAlive(postmaster!)).toBe(true);

    const exit = await foundry.kill('SIGTERM');
    expect(exit, foundry.output()).toEqual({ code: 0, signal: null });
    await expectStopped(postmaster);
  });

  it('(d) starts past a stale postmaster.pid naming a dead process', async () => {
    await stopCleanly();
    const deadPid = 999_999;
    expect(isProcessAlive(deadPid), `pid ${deadPid} must not exist for this test`).toBe(false);
    await writeStalePostmasterPid(deadPid, postmasterPidTemplate);

    const foundry = await start();
    const postmaster = await postmasterPid(dataDir);
    expect(postmaster).not.toBe(deadPid);
    expect(await postgresProcessesFor(dataDir)).toEqual([postmaster]);
    await expectSeededData(foundry);
    await stopCleanly();
  });

  it('(d) starts past a stale postmaster.pid whose pid now belongs to another program', async () => {
    await stopCleanly();
    const other = spawn('sleep', ['120'], { stdio: 'ignore' });
    helpers.push(other);
    expect(other.pid).toBeDefined();
    await writeStalePostmasterPid(other.pid!, postmasterPidTemplate);

    const foundry = await start();
    const postmaster = await postmasterPid(dataDir);
    expect(postmaster).not.toBe(other.pid);
    expect(await postgresProcessesFor(dataDir)).toEqual([postmaster]);
    await expectSeededData(foundry);
    await stopCleanly();
    expect(isProcessAlive(other.pid!), 'the unrelated process was left alone').toBe(true);
    other.kill('SIGKILL');
  });

  it('(d) starts past a stale postmaster.pid whose pid now belongs to a PostgreSQL of another data directory', async () => {
    await stopCleanly();
    // After a reboot the pid can be reused by any postgres, e.g. the server of another data directory.
    const other = spawn('sleep', ['120'], { stdio: 'ignore', argv0: 'postgres', cwd: tmpdir() });
    helpers.push(other);
    expect(other.pid).toBeDefined();
    expect(await readFile(`/proc/${other.pid}/cmdline`, 'utf8')).toContain('postgres');
    await writeStalePostmasterPid(other.pid!, postmasterPidTemplate);

    const foundry = await start();
    const postmaster = await postmasterPid(dataDir);
    expect(postmaster).not.toBe(other.pid);
    expect(await postgresProcessesFor(dataDir)).toEqual([postmaster]);
    await expectSeededData(foundry);
    await stopCleanly();
    expect(isProcessAlive(other.pid!), 'the other server was left alone').toBe(true);
    other.kill('SIGKILL');
  });
});
