import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../kernel/index.ts';
import { addFileMasterKey, loadMasterKeys } from './master-keys.ts';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'foundry-keys-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const keyFile = () => join(dataDir, 'master-keys.json');
const modeOf = async (path: string) => (await stat(path)).mode & 0o777;
const b64 = (bytes = 32) => randomBytes(bytes).toString('base64');

async function expectConfigError(promise: Promise<unknown>, message?: RegExp): Promise<ConfigError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ConfigError);
  if (message) expect((error as ConfigError).message).toMatch(message);
  return error as ConfigError;
}

describe('master key file', () => {
  it('is generated once with mode 0600 and reused on reload', async () => {
    const first = await loadMasterKeys({ dataDir });
    expect(first.source).toBe('file');
    expect(first.active.key.length).toBe(32);
    expect(first.byId.get(first.active.id)?.equals(first.active.key)).toBe(true);
    expect(await modeOf(keyFile())).toBe(0o600);
    const written = await readFile(keyFile(), 'utf8');

    const second = await loadMasterKeys({ dataDir });
    expect(second.active.id).toBe(first.active.id);
    expect(second.active.key.equals(first.active.key)).toBe(true);
    expect(await readFile(keyFile(), 'utf8')).toBe(written);
    expect(await modeOf(keyFile())).toBe(0o600);
  });

  it('creates the data directory when it does not exist yet', async () => {
    const nested = join(dataDir, 'a', 'b');
    const keys = await loadMasterKeys({ dataDir: nested });
    expect(await modeOf(join(nested, 'master-keys.json'))).toBe(0o600);
    expect(keys.active.key.length).toBe(32);
  });

  it('gives every concurrent loader the same key (one file, generated once)', async () => {
    for (let round = 0; round < 20; round++) {
      const dir = join(dataDir, `round-${round}`);
      const loaded = await Promise.all(Array.from({ length: 8 }, () => loadMasterKeys({ dataDir: dir })));
      const ids = new Set(loaded.map((k) => k.active.id));
      const keys = new Set(loaded.map((k) => k.active.key.toString('base64')));
      expect(ids.size).toBe(1);
      expect(keys.size).toBe(1);
      const reloaded = await loadMasterKeys({ dataDir: dir });
      expect(reloaded.active.key.equals(loaded[0]!.active.key)).toBe(true);
    }
  });

  it('refuses a key file it cannot parse, naming the file', async () => {
    await writeFile(keyFile(), 'not json', { mode: 0o600 });
    await expectConfigError(loadMasterKeys({ dataDir }), /master-keys\.json/);
  });

  it('refuses a key file whose active key is missing or not 32 bytes', async () => {
    await writeFile(keyFile(), JSON.stringify({ active: 'k2', keys: { k1: b64() } }), { mode: 0o600 });
    await expectConfigError(loadMasterKeys({ dataDir }), /k2/);
    await writeFile(keyFile(), JSON.stringify({ active: 'k1', keys: { k1: b64(16) } }), { mode: 0o600 });
    await expectConfigError(loadMasterKeys({ dataDir }), /32 bytes/);
  });

  it('rotation adds a new active key, keeps the old ones and keeps mode 0600', async () => {
    const before = await loadMasterKeys({ dataDir });
    const newId = await addFileMasterKey(dataDir);
    expect(newId).not.toBe(before.active.id);
    expect(await modeOf(keyFile())).toBe(0o600);
    expect((await readdir(dataDir)).sort()).toEqual(['master-keys.json']);

    const after = await loadMasterKeys({ dataDir });
    expect(after.active.id).toBe(newId);
    expect(after.active.key.equals(before.active.key)).toBe(false);
    expect(after.byId.get(before.active.id)?.equals(before.active.key)).toBe(true);
    expect([...after.byId.keys()].sort()).toEqual([before.active.id, newId].sort());
  });
});

describe('FOUNDRY_MASTER_KEY', () => {
  it('parses `id:base64,id2:base64`; the first key is active and no file is written', async () => {
    const k1 = b64();
    const k2 = b64();
    const keys = await loadMasterKeys({ masterKey: `primary:${k1}, old:${k2}`, dataDir });
    expect(keys.source).toBe('environment');
    expect(keys.active.id).toBe('primary');
    expect(keys.active.key.equals(Buffer.from(k1, 'base64'))).toBe(true);
    expect(keys.byId.get('old')?.equals(Buffer.from(k2, 'base64'))).toBe(true);
    expect(keys.byId.size).toBe(2);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('accepts a bare key as the key "env"', async () => {
    const k = b64();
    const keys = await loadMasterKeys({ masterKey: k, dataDir });
    expect(keys.active.id).toBe('env');
    expect(keys.active.key.equals(Buffer.from(k, 'base64'))).toBe(true);
  });

  it('refuses a key that is not 32 bytes, without echoing the key', async () => {
    const short = b64(16);
    const error = await expectConfigError(loadMasterKeys({ masterKey: `k1:${short}`, dataDir }), /"k1".*32 bytes/);
    expect(error.message).not.toContain(short);
    await expectConfigError(loadMasterKeys({ masterKey: `k1:${b64()},k2:${b64(33)}`, dataDir }), /"k2"/);
    await expectConfigError(loadMasterKeys({ masterKey: 'k1:', dataDir }), /"k1"/);
  });

  it('refuses a value without any key', async () => {
    await expectConfigError(loadMasterKeys({ masterKey: ' , ', dataDir }));
  });

  it('refuses the same key id twice (the first one must stay the active key)', async () => {
    await expectConfigError(loadMasterKeys({ masterKey: `k1:${b64()},k1:${b64()}`, dataDir }), /k1/);
  });
});
