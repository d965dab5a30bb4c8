import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, type RequestContext } from '../../src/kernel/index.ts';
import { createFoundry, type Foundry } from '../../src/server/index.ts';
import { addFileMasterKey, loadMasterKeys, reencryptCredentials, revealCredential } from '../../src/vault/index.ts';
import { createTestDatabaseUrl } from '../support/test-database.ts';
import { as, createTestFoundry, signUpUser, type Account, type TestFoundry } from '../support/test-foundry.ts';

let foundry: TestFoundry;
beforeAll(async () => {
  foundry = await createTestFoundry();
});
afterAll(async () => {
  await foundry?.dispose();
});

interface CredentialBody { id: string; name: string; kind: string; keyId: string; createdAt: string; updatedAt: string }

const ctxOf = (account: Account): RequestContext => ({ userId: account.userId, workspaceId: account.workspaceId, role: 'owner' });

async function createCredential(f: Foundry, account: Account, body: Record<string, unknown>, workspaceId?: string) {
  return f.app.inject({ method: 'POST', url: '/api/credentials', headers: as(account, workspaceId), payload: body });
}

async function credentialRow(f: Foundry, id: string): Promise<{ key_id: string; ciphertext: string; everything: string }> {
  const { rows } = await f.database.pool.query<{ key_id: string; ciphertext: string; everything: string }>(
    'select key_id, ciphertext, row_to_json(c)::text as everything from credentials c where id = $1', [id]);
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

/** Asserts a secret appears nowhere in a stored ciphertext: not as text, not as bytes, not base64-encoded. */
function expectNotInCiphertext(ciphertext: string, secret: string) {
  expect(ciphertext).not.toContain(secret);
  expect(Buffer.from(ciphertext, 'base64').includes(Buffer.from(secret))).toBe(false);
  expect(ciphertext).not.toContain(Buffer.from(secret).toString('base64').slice(0, 16));
}

describe('credentials API', () => {
  it('creates, lists, reads, updates and deletes a credential without ever returning the secret', async () => {
    const alice = await signUpUser(foundry);
    const secret = 'sk-live-4f7a9c2e1b8d6a3f5e0c9b7d2a4f6e8c';
    const created = await createCredential(foundry, alice, { name: 'OpenAI', kind: 'api_key', secret });
    expect(created.statusCode).toBe(201);
    expect(created.body).not.toContain(secret);
    const credential = created.json<CredentialBody>();
    expect(credential).toMatchObject({ name: 'OpenAI', kind: 'api_key', keyId: foundry.deps.keys.active.id });
    expect(Object.keys(credential).sort()).toEqual(['createdAt', 'id', 'keyId', 'kind', 'name', 'updatedAt']);

    const list = await foundry.app.inject({ method: 'GET', url: '/api/credentials', headers: as(alice) });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(secret);
    expect(list.json<{ items: CredentialBody[] }>().items).toEqual([credential]);

    const read = await foundry.app.inject({ method: 'GET', url: `/api/credentials/${credential.id}`, headers: as(alice) });
    expect(read.statusCode).toBe(200);
    expect(read.body).not.toContain(secret);
    expect(read.json()).toEqual(credential);

    const renamed = await foundry.app.inject({ method: 'PATCH', url: `/api/credentials/${credential.id}`, headers: as(alice), payload: { name: 'OpenAI (prod)' } });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ id: credential.id, name: 'OpenAI (prod)', keyId: credential.keyId });

    const newSecret = 'sk-live-rotated-0a1b2c3d4e5f60718293a4b5c6d7e8f9';
    const replaced = await foundry.app.inject({ method: 'PATCH', url: `/api/credentials/${credential.id}`, headers: as(alice), payload: { secret: newSecret } });
    expect(replaced.statusCode).toBe(200);
    expect(replaced.body).not.toContain(newSecret);
    expect(replaced.body).not.toContain(secret);
    const vault = { db: foundry.deps.db, keys: foundry.deps.keys };
    expect(await revealCredential(vault, ctxOf(alice), credential.id)).toBe(newSecret);

    const removed = await foundry.app.inject({ method: 'DELETE', url: `/api/credentials/${credential.id}`, headers: as(alice) });
    expect(removed.statusCode).toBe(204);
    const gone = await foundry.app.inject({ method: 'GET', url: `/api/credentials/${credential.id}`, headers: as(alice) });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('CREDENTIAL_NOT_FOUND');
    expect((await foundry.database.pool.query('select 1 from credentials where id = $1', [credential.id])).rowCount).toBe(0);
  });

  it('stores only ciphertext and the key id; the plaintext is nowhere in the row or the audit log', async () => {
    const alice = await signUpUser(foundry);
    const secret = { username: 'smtp-user@example.com', password: 'Tr0ub4dor&3-correct-horse' };
    const created = (await createCredential(foundry, alice, { name: 'Mail', kind: 'smtp', secret })).json<CredentialBody>();
    const row = await credentialRow(foundry, created.id);
    expect(row.key_id).toBe(foundry.deps.keys.active.id);
    expect(row.key_id).toBe(created.keyId);
    expectNotInCiphertext(row.ciphertext, secret.password);
    expectNotInCiphertext(row.ciphertext, secret.username);
    expect(row.everything).not.toContain(secret.password);
    const audit = await foundry.database.pool.query<{ text: string }>('select string_agg(row_to_json(a)::text, \'\n\') as text from audit_events a where workspace_id = $1', [alice.workspaceId]);
    expect(audit.rows[0]!.text).toContain('credential.created');
    expect(audit.rows[0]!.text).not.toContain(secret.password);

    const vault = { db: foundry.deps.db, keys: foundry.deps.keys };
    expect(await revealCredential(vault, ctxOf(alice), created.id)).toEqual(secret);
  });

  it('binds a ciphertext to its row: copied into another credential, it does not decrypt', async () => {
    const alice = await signUpUser(foundry);
    const a = (await createCredential(foundry, alice, { name: 'A', kind: 'other', secret: 'secret-of-a' })).json<CredentialBody>();
    const b = (await createCredential(foundry, alice, { name: 'B', kind: 'other', secret: 'secret-of-b' })).json<CredentialBody>();
    await foundry.database.pool.query('update credentials set ciphertext = (select ciphertext from credentials where id = $1) where id = $2', [a.id, b.id]);
    const vault = { db: foundry.deps.db, keys: foundry.deps.keys };
    await expect(revealCredential(vault, ctxOf(alice), b.id)).rejects.toThrow();
    expect(await revealCredential(vault, ctxOf(alice), a.id)).toBe('secret-of-a');
    // The damaged row would stop the rotation test's re-encryption of every row.
    expect((await foundry.app.inject({ method: 'DELETE', url: `/api/credentials/${b.id}`, headers: as(alice) })).statusCode).toBe(204);
  });

  it('refuses a duplicate name with 409, on create and on rename; another workspace may reuse it', async () => {
    const alice = await signUpUser(foundry);
    expect((await createCredential(foundry, alice, { name: 'Stripe', kind: 'api_key', secret: 'sk_test_1' })).statusCode).toBe(201);
    const duplicate = await createCredential(foundry, alice, { name: 'Stripe', kind: 'api_key', secret: 'sk_test_2' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('CREDENTIAL_NAME_TAKEN');
    expect(duplicate.body).not.toContain('sk_test_2');

    const other = (await createCredential(foundry, alice, { name: 'Other', kind: 'api_key', secret: 'sk_test_3' })).json<CredentialBody>();
    const rename = await foundry.app.inject({ method: 'PATCH', url: `/api/credentials/${other.id}`, headers: as(alice), payload: { name: 'Stripe' } });
    expect(rename.statusCode).toBe(409);
    expect(rename.json().error.code).toBe('CREDENTIAL_NAME_TAKEN');

    const bob = await signUpUser(foundry);
    expect((await createCredential(foundry, bob, { name: 'Stripe', kind: 'api_key', secret: 'sk_test_4' })).statusCode).toBe(201);
  });

  it("keeps credentials inside their workspace and refuses viewers' changes", async () => {
    const alice = await signUpUser(foundry);
    const bob = await signUpUser(foundry, 'Bob');
    const mine = (await createCredential(foundry, alice, { name: 'Private', kind: 'api_key', secret: 'alice-only' })).json<CredentialBody>();
    const peek = await foundry.app.inject({ method: 'GET', url: `/api/credentials/${mine.id}`, headers: as(bob) });
    expect(peek.statusCode).toBe(404);
    expect((await foundry.app.inject({ method: 'DELETE', url: `/api/credentials/${mine.id}`, headers: as(bob) })).statusCode).toBe(404);
    expect((await foundry.app.inject({ method: 'GET', url: '/api/credentials', headers: as(bob) })).json().items).toEqual([]);

    const team = (await foundry.app.inject({ method: 'POST', url: '/api/workspaces', headers: as(alice), payload: { name: 'Team' } })).json<{ id: string }>();
    expect((await foundry.app.inject({ method: 'POST', url: '/api/workspace/members', headers: as(alice, team.id), payload: { email: bob.email, role: 'viewer' } })).statusCode).toBe(201);
    const refused = await createCredential(foundry, bob, { name: 'Sneaky', kind: 'api_key', secret: 'x' }, team.id);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('FORBIDDEN');
  });

  it('validates input without echoing the secret', async () => {
    const alice = await signUpUser(foundry);
    const secret = 'sk-echo-check-9f8e7d6c5b4a';
    for (const body of [{ name: 'X', kind: 'password-manager', secret }, { name: '', kind: 'api_key', secret }, { name: 'X', kind: 'api_key', secret: '' }]) {
      const response = await createCredential(foundry, alice, body);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
      expect(response.body).not.toContain(secret);
    }
  });
});

describe('master key rotation', () => {
  it('re-encrypts every credential under the new key; secrets still decrypt, old keys stay needed until then', async () => {
    const alice = await signUpUser(foundry);
    const bob = await signUpUser(foundry);
    const secrets = new Map<string, { account: Account; secret: string | Record<string, string> }>();
    for (const [account, name, secret] of [
      [alice, 'rot-1', 'first-secret-value'],
      [alice, 'rot-2', { username: 'u', password: 'second-secret-value' }],
      [bob, 'rot-3', 'third-secret-value'],
    ] as const) {
      const created = (await createCredential(foundry, account, { name, kind: 'other', secret })).json<CredentialBody>();
      secrets.set(created.id, { account, secret });
    }
    const oldKeys = foundry.deps.keys;
    const before = new Map<string, string>();
    for (const id of secrets.keys()) before.set(id, (await credentialRow(foundry, id)).ciphertext);

    const newKeyId = await addFileMasterKey(foundry.dataDir);
    const keys = await loadMasterKeys({ dataDir: foundry.dataDir });
    expect(keys.active.id).toBe(newKeyId);
    expect(keys.byId.has(oldKeys.active.id)).toBe(true);

    const total = (await foundry.database.pool.query<{ n: number }>('select count(*)::int as n from credentials')).rows[0]!.n;
    const changed = await reencryptCredentials({ db: foundry.deps.db, keys });
    expect(changed).toBe(total);
    expect(changed).toBeGreaterThanOrEqual(secrets.size);
    const remaining = await foundry.database.pool.query('select id from credentials where key_id <> $1', [newKeyId]);
    expect(remaining.rowCount).toBe(0);

    for (const [id, { account, secret }] of secrets) {
      const row = await credentialRow(foundry, id);
      expect(row.key_id).toBe(newKeyId);
      expect(row.ciphertext).not.toBe(before.get(id));
      expect(await revealCredential({ db: foundry.deps.db, keys }, ctxOf(account), id)).toEqual(secret);
      // A process still holding only the old keys cannot read the rotated rows.
      await expect(revealCredential({ db: foundry.deps.db, keys: oldKeys }, ctxOf(account), id)).rejects.toMatchObject({ code: 'VAULT_KEY_MISSING' });
      const read = await foundry.app.inject({ method: 'GET', url: `/api/credentials/${id}`, headers: as(account) });
      expect(read.json().keyId).toBe(newKeyId);
    }

    expect(await reencryptCredentials({ db: foundry.deps.db, keys })).toBe(0);
  });
});

describe('logs', () => {
  it('never contain a secret or a bearer token, even at trace level', async () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const database = await createTestDatabaseUrl();
    const dataDir = await mkdtemp(join(tmpdir(), 'foundry-logs-'));
    const logged = await createFoundry({
      logger: createLogger({ level: 'trace', destination }),
      config: { databaseUrl: database.url, dataDir, logLevel: 'trace', webDir: join(dataDir, 'no-web'), authRateLimit: 1000 },
      env: {},
    });
    try {
      const alice = await signUpUser(logged);
      const secret = 'sk-log-probe-7c1e4b9a2d6f8e3a5b0c';
      const newSecret = 'sk-log-probe-rotated-1a2b3c4d5e6f';
      const created = await createCredential(logged, alice, { name: 'Probe', kind: 'api_key', secret });
      expect(created.statusCode).toBe(201);
      const id = created.json<CredentialBody>().id;
      expect((await createCredential(logged, alice, { name: 'Probe', kind: 'api_key', secret })).statusCode).toBe(409);
      expect((await createCredential(logged, alice, { name: 'Bad', kind: 'nope', secret })).statusCode).toBe(400);
      expect((await logged.app.inject({ method: 'PATCH', url: `/api/credentials/${id}`, headers: as(alice), payload: { secret: newSecret } })).statusCode).toBe(200);
      expect((await logged.app.inject({ method: 'GET', url: `/api/credentials/${id}`, headers: as(alice) })).statusCode).toBe(200);
      const apiToken = await logged.app.inject({ method: 'POST', url: '/api/tokens', headers: as(alice), payload: { name: 'ci' } });
      expect(apiToken.statusCode).toBe(201);
      const token = apiToken.json<{ token: string }>().token;
      expect((await logged.app.inject({ method: 'GET', url: '/api/credentials', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
      expect((await logged.app.inject({ method: 'GET', url: '/api/credentials', headers: { cookie: `foundry_session=${alice.token}` } })).statusCode).toBe(200);
      expect((await logged.app.inject({ method: 'GET', url: '/api/credentials', headers: { authorization: 'Bearer fdy_wrong-token-value-123456' } })).statusCode).toBe(401);

      const log = lines.join('');
      expect(lines.length).toBeGreaterThan(10);
      expect(log).toContain('/api/credentials');
      expect(log).toContain(id);
      for (const value of [secret, newSecret, alice.token, token, 'fdy_wrong-token-value-123456', 'correct horse battery']) {
        expect(log, `the logs contain ${value}`).not.toContain(value);
      }
    } finally {
      await logged.close();
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
