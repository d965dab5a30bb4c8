import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../kernel/index.ts';

export interface MasterKeys {
  /** The key new ciphertexts are written with. */
  active: { id: string; key: Buffer };
  byId: ReadonlyMap<string, Buffer>;
  source: 'environment' | 'file';
}

interface KeyFile { active: string; keys: Record<string, string> }

const fileName = 'master-keys.json';

/**
 * Master keys from FOUNDRY_MASTER_KEY (`id:base64[,id:base64...]`, the first is active) or from
 * `<dataDir>/master-keys.json`, generated once with mode 0600 when neither exists.
 */
export async function loadMasterKeys({ masterKey, dataDir }: { masterKey?: string; dataDir: string }): Promise<MasterKeys> {
  if (masterKey) return parseEnvKeys(masterKey);
  const path = join(dataDir, fileName);
  let file: KeyFile;
  try {
    file = JSON.parse(await readFile(path, 'utf8')) as KeyFile;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new ConfigError({ message: `Cannot read ${path}.`, cause: error });
    file = { active: keyId(), keys: {} };
    file.keys[file.active] = randomBytes(32).toString('base64');
    await mkdir(dataDir, { recursive: true });
    // Written whole to a private name, then linked into place: link() fails if another process won
    // the race, and a reader never sees a half-written file.
    const staging = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(staging, JSON.stringify(file, null, 2), { mode: 0o600 });
    try {
      await link(staging, path);
    } catch (raced) {
      if ((raced as NodeJS.ErrnoException).code !== 'EEXIST') throw raced;
      file = JSON.parse(await readFile(path, 'utf8')) as KeyFile;
    } finally {
      await rm(staging, { force: true });
    }
  }
  return fromRecord(file.active, file.keys, 'file');
}

/** Adds a new key to the key file and makes it active; old keys stay to decrypt old ciphertexts. */
export async function addFileMasterKey(dataDir: string): Promise<string> {
  const path = join(dataDir, fileName);
  const file = JSON.parse(await readFile(path, 'utf8')) as KeyFile;
  const id = keyId();
  file.keys[id] = randomBytes(32).toString('base64');
  file.active = id;
  const staging = `${path}.tmp`;
  await writeFile(staging, JSON.stringify(file, null, 2), { mode: 0o600 });
  await chmod(staging, 0o600);
  await rename(staging, path);
  return id;
}

function keyId(): string {
  return `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(3).toString('hex')}`;
}

function parseEnvKeys(value: string): MasterKeys {
  const keys: Record<string, string> = {};
  let active: string | undefined;
  for (const part of value.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [id, key] = part.includes(':') ? [part.slice(0, part.indexOf(':')), part.slice(part.indexOf(':') + 1)] : ['env', part];
    if (id in keys) throw new ConfigError({ message: `FOUNDRY_MASTER_KEY names the key "${id}" twice.` });
    keys[id] = key;
    active ??= id;
  }
  if (!active) throw new ConfigError({ message: 'FOUNDRY_MASTER_KEY is empty.' });
  return fromRecord(active, keys, 'environment');
}

function fromRecord(active: string, keys: Record<string, string>, source: MasterKeys['source']): MasterKeys {
  const byId = new Map<string, Buffer>();
  for (const [id, encoded] of Object.entries(keys)) {
    const key = Buffer.from(encoded, 'base64');
    if (key.length !== 32) throw new ConfigError({ message: `Master key "${id}" must be 32 bytes, base64-encoded (e.g. \`openssl rand -base64 32\`).` });
    byId.set(id, key);
  }
  const activeKey = byId.get(active);
  if (!activeKey) throw new ConfigError({ message: `The active master key "${active}" is missing.` });
  return { active: { id: active, key: activeKey }, byId, source };
}
