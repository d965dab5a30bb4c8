import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTokenPrefix, createSecretToken, sessionTokenPrefix } from '../../src/auth/secret-token.ts';
import { as, createTestFoundry, signUpUser, type Account, type TestFoundry } from '../support/test-foundry.ts';

let foundry: TestFoundry;
beforeAll(async () => {
  foundry = await createTestFoundry();
});
afterAll(async () => {
  await foundry?.dispose();
});

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

interface CreatedToken {
  id: string;
  name: string;
  prefix: string;
  token: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
}

async function createToken(account: Account, body: Record<string, unknown>): Promise<CreatedToken> {
  const response = await foundry.app.inject({ method: 'POST', url: '/api/tokens', headers: as(account), payload: body });
  if (response.statusCode !== 201) throw new Error(`token creation failed: ${response.statusCode} ${response.body}`);
  return response.json<CreatedToken>();
}

function me(token: string) {
  return foundry.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) });
}

describe('API tokens', () => {
  it('shows the secret once, prefixed fdy_, and stores only its SHA-256 hash', async () => {
    const alice = await signUpUser(foundry, 'Alice');
    const response = await foundry.app.inject({ method: 'POST', url: '/api/tokens', headers: as(alice), payload: { name: 'CI deploy' } });
    expect(response.statusCode).toBe(201);
    const created = response.json<CreatedToken>();
    expect(created).toMatchObject({ name: 'CI deploy', lastUsedAt: null, expiresAt: null });
    expect(created.token.startsWith('fdy_')).toBe(true);
    expect(created.token.length).toBeGreaterThanOrEqual(40);
    expect(created.prefix).toBe(created.token.slice(0, 10));

    const { rows } = await foundry.database.pool.query<{ token_hash: string; user_id: string; row: string }>(
      'select token_hash, user_id, row_to_json(t)::text as row from api_tokens t where id = $1',
      [created.id],
    );
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.user_id).toBe(alice.userId);
    expect(row.token_hash).not.toBe(created.token);
    expect(row.token_hash).toBe(sha256(created.token));
    expect(row.row).not.toContain(created.token);
    const { rows: anywhere } = await foundry.database.pool.query(
      `select 1 from api_tokens t where strpos(row_to_json(t)::text, $1) > 0
       union all select 1 from audit_events a where strpos(row_to_json(a)::text, $1) > 0`,
      [created.token],
    );
    expect(anywhere).toEqual([]);
  });

  it('lists tokens without their secrets', async () => {
    const bob = await signUpUser(foundry, 'Bob');
    const first = await createToken(bob, { name: 'first' });
    const second = await createToken(bob, { name: 'second', expiresInDays: 30 });
    const list = await foundry.app.inject({ method: 'GET', url: '/api/tokens', headers: as(bob) });
    expect(list.statusCode).toBe(200);
    const items = list.json<{ items: Record<string, unknown>[] }>().items;
    expect(items.map((t) => t.id).sort()).toEqual([first.id, second.id].sort());
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'lastUsedAt', 'name', 'prefix']);
    }
    expect(list.body).not.toContain(first.token);
    expect(list.body).not.toContain(second.token);
    expect(items.find((t) => t.id === second.id)?.prefix).toBe(second.prefix);
  });

  it('authenticates as its owner and records when it was used', async () => {
    const carol = await signUpUser(foundry, 'Carol');
    const created = await createToken(carol, { name: 'script' });
    const response = await me(created.token);
    expect(response.statusCode).toBe(200);
    expect(response.json().user).toEqual({ id: carol.userId, email: carol.email, name: 'Carol' });

    const projects = await foundry.app.inject({ method: 'POST', url: '/api/projects', headers: bearer(created.token), payload: { name: 'Via token', studio: 'software' } });
    expect(projects.statusCode).toBe(201);
    expect(projects.json().workspaceId).toBe(carol.workspaceId);

    const { rows } = await foundry.database.pool.query('select last_used_at from api_tokens where id = $1', [created.id]);
    expect(rows[0].last_used_at).toBeInstanceOf(Date);
  });

  it('stops authenticating once revoked and disappears from the list', async () => {
    const dave = await signUpUser(foundry, 'Dave');
    const created = await createToken(dave, { name: 'short-lived' });
    expect((await me(created.token)).statusCode).toBe(200);

    const revoked = await foundry.app.inject({ method: 'DELETE', url: `/api/tokens/${created.id}`, headers: as(dave) });
    expect(revoked.statusCode).toBe(204);
    const after = await me(created.token);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');

    const list = await foundry.app.inject({ method: 'GET', url: '/api/tokens', headers: as(dave) });
    expect(list.json().items).toEqual([]);
    const again = await foundry.app.inject({ method: 'DELETE', url: `/api/tokens/${created.id}`, headers: as(dave) });
    expect(again.statusCode).toBe(404);
    expect(again.json().error.code).toBe('TOKEN_NOT_FOUND');
    const { rows } = await foundry.database.pool.query('select revoked_at from api_tokens where id = $1', [created.id]);
    expect(rows[0].revoked_at).toBeInstanceOf(Date);
  });

  it("answers 404 for another user's token and leaves it working", async () => {
    const owner = await signUpUser(foundry, 'Token owner');
    const other = await signUpUser(foundry, 'Other');
    const created = await createToken(owner, { name: 'mine' });

    const stolen = await foundry.app.inject({ method: 'DELETE', url: `/api/tokens/${created.id}`, headers: as(other) });
    expect(stolen.statusCode).toBe(404);
    expect(stolen.json().error.code).toBe('TOKEN_NOT_FOUND');
    const missing = await foundry.app.inject({ method: 'DELETE', url: `/api/tokens/${randomUUID()}`, headers: as(other) });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toBe(stolen.body);

    const theirList = await foundry.app.inject({ method: 'GET', url: '/api/tokens', headers: as(other) });
    expect(theirList.json().items).toEqual([]);
    expect((await me(created.token)).statusCode).toBe(200);
    const { rows } = await foundry.database.pool.query('select revoked_at from api_tokens where id = $1', [created.id]);
    expect(rows[0].revoked_at).toBeNull();
  });

  it('expires after expiresInDays', async () => {
    const erin = await signUpUser(foundry, 'Erin');
    const before = Date.now();
    const created = await createToken(erin, { name: 'expiring', expiresInDays: 7 });
    const expiresAt = new Date(created.expiresAt!).getTime();
    expect(expiresAt).toBeGreaterThanOrEqual(before + 7 * 86400_000 - 1000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 7 * 86400_000 + 1000);
    expect((await me(created.token)).statusCode).toBe(200);

    await foundry.database.pool.query(`update api_tokens set expires_at = now() - interval '1 second' where id = $1`, [created.id]);
    const expired = await me(created.token);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('authenticates a token whose random part happens to start like a session token', async () => {
    // API tokens are `fdy_` + base64url, so about one in 4,096 begins `fdy_s_`, the session prefix.
    const frank = await signUpUser(foundry, 'Frank');
    let secret = createSecretToken(apiTokenPrefix);
    while (!secret.token.startsWith(sessionTokenPrefix)) secret = createSecretToken(apiTokenPrefix);
    const token = secret.token;
    await foundry.database.pool.query(
      'insert into api_tokens (id, user_id, name, prefix, token_hash) values ($1, $2, $3, $4, $5)',
      [randomUUID(), frank.userId, 'unlucky', secret.displayPrefix, secret.hash],
    );
    const response = await me(token);
    expect(response.statusCode).toBe(200);
    expect(response.json().user.id).toBe(frank.userId);
  });

  it('needs authentication and validates the body', async () => {
    const anonymous = await foundry.app.inject({ method: 'POST', url: '/api/tokens', payload: { name: 'nope' } });
    expect(anonymous.statusCode).toBe(401);
    const grace = await signUpUser(foundry, 'Grace');
    for (const payload of [{ name: '' }, { name: 'zero', expiresInDays: 0 }, { name: 'too long', expiresInDays: 3651 }]) {
      const invalid = await foundry.app.inject({ method: 'POST', url: '/api/tokens', headers: as(grace), payload });
      expect(invalid.statusCode).toBe(400);
      expect(invalid.json().error.code).toBe('VALIDATION_FAILED');
    }
    const { rows } = await foundry.database.pool.query('select count(*)::int as n from api_tokens where user_id = $1', [grace.userId]);
    expect(rows[0].n).toBe(0);
  });
});
