import { describe, expect, it } from 'vitest';
import { decoyHash, hashPassword, verifyPassword } from './password-hash.ts';

describe('password hashing', () => {
  it('hashes with argon2id and a fresh salt each time', async () => {
    const password = 'correct horse battery staple';
    const first = await hashPassword(password);
    const second = await hashPassword(password);
    const [, algorithm, version, params, salt, digest] = first.split('$');
    expect([algorithm, version]).toEqual(['argon2id', 'v=19']);
    // The documented cost: 64 MiB of memory, 3 passes.
    expect(Object.fromEntries(params!.split(',').map((p) => p.split('=')))).toMatchObject({ m: '65536', t: '3' });
    expect(salt).toMatch(/^[A-Za-z0-9+/]{22}$/);
    expect(digest).toMatch(/^[A-Za-z0-9+/]{43}$/);
    expect(first).not.toContain(password);
    expect(second).not.toBe(first);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery stapl')).toBe(false);
    expect(await verifyPassword(hash, 'Correct horse battery staple')).toBe(false);
    expect(await verifyPassword(hash, '')).toBe(false);
  });

  it('answers false, not an exception, for a hash that is not argon2', async () => {
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
    expect(await verifyPassword('', 'anything')).toBe(false);
  });

  it('keeps one decoy hash that matches no ordinary password', async () => {
    const decoy = await decoyHash();
    expect(await decoyHash()).toBe(decoy);
    expect(decoy.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(decoy, 'correct horse battery')).toBe(false);
  });
});
