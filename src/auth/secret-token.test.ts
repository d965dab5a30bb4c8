import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { apiTokenPrefix, createSecretToken, hashToken, safeEqual, sessionTokenPrefix } from './secret-token.ts';

describe('createSecretToken', () => {
  it('prefixes the secret, hashes it with SHA-256 and shows the first characters', () => {
    for (const prefix of [apiTokenPrefix, sessionTokenPrefix]) {
      const secret = createSecretToken(prefix);
      expect(secret.token.startsWith(prefix)).toBe(true);
      expect(secret.token.slice(prefix.length)).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(secret.hash).toBe(createHash('sha256').update(secret.token).digest('hex'));
      expect(secret.hash).not.toContain(secret.token.slice(prefix.length));
      expect(secret.displayPrefix).toBe(secret.token.slice(0, prefix.length + 6));
    }
  });

  it('never repeats a secret', () => {
    const tokens = new Set(Array.from({ length: 1000 }, () => createSecretToken(apiTokenPrefix).token));
    expect(tokens.size).toBe(1000);
  });
});

describe('hashToken', () => {
  it('is the hex SHA-256 of the token', () => {
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashToken('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('is deterministic and tells tokens apart', () => {
    const { token } = createSecretToken(apiTokenPrefix);
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).not.toBe(hashToken(`${token}x`));
    expect(hashToken('fdy_a')).not.toBe(hashToken('fdy_A'));
  });
});

describe('safeEqual', () => {
  it('is true only for identical strings', () => {
    const { token } = createSecretToken(apiTokenPrefix);
    expect(safeEqual(token, `${token}`)).toBe(true);
    expect(safeEqual('', '')).toBe(true);
    expect(safeEqual(token, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBe(false);
    expect(safeEqual('abc', 'ABC')).toBe(false);
  });

  it('is false, without throwing, for strings of different lengths', () => {
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('abcd', 'abc')).toBe(false);
    expect(safeEqual('', 'a')).toBe(false);
    // Same number of characters, different number of bytes.
    expect(safeEqual('é', 'e')).toBe(false);
    expect(safeEqual('éa', 'ée')).toBe(false);
  });
});
