import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestFoundry, signUpUser, type TestFoundry } from '../support/test-foundry.ts';

const password = 'correct horse battery';
let foundry: TestFoundry;
let counter = 0;

beforeAll(async () => {
  foundry = await createTestFoundry();
});
afterAll(async () => {
  await foundry?.dispose();
});

const uniqueEmail = (label: string) => `${label}-${++counter}-${Date.now()}@example.com`;
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

type Response = Awaited<ReturnType<TestFoundry['app']['inject']>>;

function signUp(f: TestFoundry, body: Record<string, unknown>) {
  return f.app.inject({ method: 'POST', url: '/api/auth/signup', payload: body });
}
function logIn(f: TestFoundry, email: string, pass: string) {
  return f.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: pass } });
}
function me(f: TestFoundry, headers: Record<string, string>) {
  return f.app.inject({ method: 'GET', url: '/api/auth/me', headers });
}
const withCookie = (value: string) => ({ cookie: `foundry_session=${value}` });

function sessionCookie(response: Response) {
  const cookie = response.cookies.find((c) => c.name === 'foundry_session');
  if (!cookie) throw new Error(`no foundry_session cookie in ${JSON.stringify(response.headers['set-cookie'])}`);
  return cookie;
}

describe('sign up', () => {
  it('creates the account, a personal workspace owned by the user and a session cookie', async () => {
    const email = uniqueEmail('signup');
    const response = await signUp(foundry, { email, password, name: 'Ada' });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body.token).toMatch(/^fdy_s_/);
    expect(body.user).toMatchObject({ email, name: 'Ada' });
    expect(body.workspace).toMatchObject({ role: 'owner', personal: true, name: "Ada's workspace" });

    const cookie = sessionCookie(response);
    expect(cookie.value).toBe(body.token);
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.path).toBe('/');
    expect(cookie.secure).toBeFalsy();
    expect(cookie.expires!.getTime()).toBeGreaterThan(Date.now() + 24 * 3600_000);

    const { rows: memberships } = await foundry.database.pool.query(
      `select m.role, w.personal from memberships m join workspaces w on w.id = m.workspace_id where m.user_id = $1`,
      [body.user.id],
    );
    expect(memberships).toEqual([{ role: 'owner', personal: true }]);
    const { rows: workspaces } = await foundry.database.pool.query('select id from workspaces where id = $1', [body.workspace.id]);
    expect(workspaces).toHaveLength(1);
  });

  it('stores the password only as an argon2id hash', async () => {
    const email = uniqueEmail('hash');
    const secret = 'a very particular passphrase';
    const response = await signUp(foundry, { email, password: secret, name: 'Hash' });
    expect(response.statusCode).toBe(201);
    const { rows } = await foundry.database.pool.query<{ password_hash: string }>('select password_hash from users where email = $1', [email]);
    expect(rows).toHaveLength(1);
    const stored = rows[0]!.password_hash;
    expect(stored.startsWith('$argon2id$')).toBe(true);
    expect(stored).not.toBe(secret);
    expect(stored).not.toContain(secret);
  });

  it('stores only the hash of the session token', async () => {
    const response = await signUp(foundry, { email: uniqueEmail('session'), password, name: 'Session' });
    const { token, user } = response.json();
    const { rows } = await foundry.database.pool.query<{ token_hash: string; row: string }>(
      'select token_hash, row_to_json(s)::text as row from sessions s where user_id = $1',
      [user.id],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toBe(sha256(token));
    expect(rows[0]!.row).not.toContain(token);
  });

  it('refuses an email that is taken, whatever its case', async () => {
    const email = uniqueEmail('Mixed.Case');
    const first = await signUp(foundry, { email, password, name: 'First' });
    expect(first.statusCode).toBe(201);
    expect(first.json().user.email).toBe(email.toLowerCase());

    for (const again of [email, email.toLowerCase(), email.toUpperCase(), `  ${email.toUpperCase()} `]) {
      const duplicate = await signUp(foundry, { email: again, password: 'another password', name: 'Second' });
      expect(duplicate.statusCode).toBe(409);
      expect(duplicate.json()).toEqual({ error: { code: 'EMAIL_TAKEN', message: expect.any(String) } });
      expect(duplicate.cookies).toEqual([]);
    }
    const { rows } = await foundry.database.pool.query('select email from users where lower(email) = lower($1)', [email]);
    expect(rows).toEqual([{ email: email.toLowerCase() }]);
  });

  it('lets exactly one of two simultaneous sign-ups with one email through', async () => {
    const email = uniqueEmail('race');
    const responses = await Promise.all([
      signUp(foundry, { email, password, name: 'Racer A' }),
      signUp(foundry, { email: email.toUpperCase(), password, name: 'Racer B' }),
    ]);
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const { rows } = await foundry.database.pool.query('select count(*)::int as n from users where email = $1', [email]);
    expect(rows[0].n).toBe(1);
  });

  it('rejects a short password and a malformed email with VALIDATION_FAILED', async () => {
    const short = await signUp(foundry, { email: uniqueEmail('short'), password: 'short', name: 'Short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.code).toBe('VALIDATION_FAILED');
    const malformed = await signUp(foundry, { email: 'not-an-email', password, name: 'Malformed' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('log in', () => {
  it('opens a new session with a cookie for the right password, whatever the email case', async () => {
    const account = await signUpUser(foundry, 'Logger');
    const response = await logIn(foundry, account.email.toUpperCase(), password);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.user).toEqual({ id: account.userId, email: account.email, name: 'Logger' });
    expect(body.workspace).toMatchObject({ id: account.workspaceId, role: 'owner', personal: true });
    expect(body.token).toMatch(/^fdy_s_/);
    expect(body.token).not.toBe(account.token);

    const cookie = sessionCookie(response);
    expect(cookie.value).toBe(body.token);
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');

    const viaCookie = await me(foundry, withCookie(cookie.value));
    expect(viaCookie.statusCode).toBe(200);
    expect(viaCookie.json().user.id).toBe(account.userId);
  });

  it('answers a wrong password and an unknown email with the same 401, and sets no cookie', async () => {
    const account = await signUpUser(foundry, 'Careful');
    const wrong = await logIn(foundry, account.email, 'not the password');
    const unknown = await logIn(foundry, uniqueEmail('nobody'), password);
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('INVALID_CREDENTIALS');
      expect(response.cookies).toEqual([]);
      expect(response.json()).not.toHaveProperty('token');
    }
    expect(wrong.body).toBe(unknown.body);
  });
});

describe('log out and /api/auth/me', () => {
  it('ends the cookie session so the cookie no longer authenticates', async () => {
    const account = await signUpUser(foundry, 'Leaver');
    const login = await logIn(foundry, account.email, password);
    const cookie = sessionCookie(login).value;
    expect((await me(foundry, withCookie(cookie))).statusCode).toBe(200);

    const out = await foundry.app.inject({ method: 'POST', url: '/api/auth/logout', headers: withCookie(cookie) });
    expect(out.statusCode).toBe(204);
    const cleared = sessionCookie(out);
    expect(cleared.value).toBe('');
    expect(cleared.expires!.getTime()).toBeLessThan(Date.now());

    const after = await me(foundry, withCookie(cookie));
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
    const { rows } = await foundry.database.pool.query('select revoked_at from sessions where token_hash = $1', [sha256(cookie)]);
    expect(rows).toHaveLength(1);
    expect(rows[0].revoked_at).toBeInstanceOf(Date);

    // The sign-up session is a different one and still works.
    expect((await me(foundry, as(account))).statusCode).toBe(200);
  });

  it('ends a bearer session too', async () => {
    const account = await signUpUser(foundry, 'Bearer leaver');
    const out = await foundry.app.inject({ method: 'POST', url: '/api/auth/logout', headers: as(account) });
    expect(out.statusCode).toBe(204);
    expect((await me(foundry, as(account))).statusCode).toBe(401);
  });

  it('returns the user and their workspaces via cookie and via bearer', async () => {
    const account = await signUpUser(foundry, 'Both ways');
    const expected = {
      user: { id: account.userId, email: account.email, name: 'Both ways' },
      workspaces: [{ id: account.workspaceId, name: "Both ways's workspace", role: 'owner', personal: true }],
    };
    const bearer = await me(foundry, as(account));
    expect(bearer.statusCode).toBe(200);
    expect(bearer.json()).toEqual(expected);
    const cookie = await me(foundry, withCookie(account.token));
    expect(cookie.statusCode).toBe(200);
    expect(cookie.json()).toEqual(expected);
  });

  it('answers 401 without credentials, with an unknown token and with an expired session', async () => {
    const none = await me(foundry, {});
    expect(none.statusCode).toBe(401);
    expect(none.json().error.code).toBe('UNAUTHENTICATED');
    expect((await me(foundry, { authorization: 'Bearer fdy_s_not-a-real-session' })).statusCode).toBe(401);
    expect((await me(foundry, withCookie('fdy_s_not-a-real-session'))).statusCode).toBe(401);

    const account = await signUpUser(foundry, 'Expiring');
    await foundry.database.pool.query(`update sessions set expires_at = now() - interval '1 minute' where token_hash = $1`, [sha256(account.token)]);
    const expired = await me(foundry, as(account));
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('UNAUTHENTICATED');
  });
});

describe('rate limiting', () => {
  let limited: TestFoundry;
  beforeAll(async () => {
    limited = await createTestFoundry({ authRateLimit: 3 });
  });
  afterAll(async () => {
    await limited?.dispose();
  });

  it('refuses the fourth log-in attempt within a minute with 429 RATE_LIMITED', async () => {
    const account = await signUpUser(limited, 'Limited');
    for (let attempt = 1; attempt <= 3; attempt++) {
      const response = await logIn(limited, account.email, attempt === 3 ? password : 'wrong password');
      expect(response.statusCode).toBe(attempt === 3 ? 200 : 401);
    }
    const fourth = await logIn(limited, account.email, password);
    expect(fourth.statusCode).toBe(429);
    const body = fourth.json();
    expect(body).toEqual({
      error: { code: 'RATE_LIMITED', message: expect.stringMatching(/try again in \d+ s/), details: { retryAfterSeconds: expect.any(Number) } },
    });
    expect(body.error.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(body.error.details.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(fourth.headers['retry-after']).toBeDefined();
    expect(fourth.cookies).toEqual([]);
  });
});

describe('client address', () => {
  it('ignores X-Forwarded-For unless FOUNDRY_TRUST_PROXY is set, so rate limits cannot be dodged', async () => {
    const limited = await createTestFoundry({ authRateLimit: 2 });
    try {
      const attempt = (ip: string) => limited.app.inject({
        method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-for': ip },
        payload: { email: 'nobody@example.com', password: 'wrong password' },
      });
      expect((await attempt('10.0.0.1')).statusCode).toBe(401);
      expect((await attempt('10.0.0.2')).statusCode).toBe(401);
      const third = await attempt('10.0.0.3');
      expect(third.statusCode).toBe(429);
      expect(third.json().error.code).toBe('RATE_LIMITED');
    } finally {
      await limited.dispose();
    }
  });
});

describe('cross-site requests', () => {
  it('refuses cookie-authenticated changes from another origin, not bearer ones', async () => {
    const user = await signUpUser(foundry);
    const cookie = `foundry_session=${user.token}`;
    const create = (headers: Record<string, string>) =>
      foundry.app.inject({ method: 'POST', url: '/api/projects', headers: { host: 'foundry.example', ...headers }, payload: { name: 'x', studio: 'brand' } });

    const evil = await create({ cookie, origin: 'https://evil.example' });
    expect(evil.statusCode).toBe(403);
    expect(evil.json().error.code).toBe('CROSS_ORIGIN_REJECTED');
    expect((await create({ cookie, origin: 'http://foundry.example' })).statusCode).toBe(201);
    expect((await create({ cookie })).statusCode).toBe(201);
    expect((await create({ authorization: `Bearer ${user.token}`, origin: 'https://evil.example' })).statusCode).toBe(201);
    const read = await foundry.app.inject({ method: 'GET', url: '/api/projects', headers: { host: 'foundry.example', cookie, origin: 'https://evil.example' } });
    expect(read.statusCode).toBe(200);
  });
});
