import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { open, seal } from './aes-gcm.ts';

const key = randomBytes(32);
const aad = 'workspace-1/credential-1';

/** Flips one bit of the decoded sealed value at `index` (negative counts from the end). */
function flipBit(sealed: string, index: number): string {
  const bytes = Buffer.from(sealed, 'base64');
  const at = index < 0 ? bytes.length + index : index;
  bytes[at] = bytes[at]! ^ 0x01;
  return bytes.toString('base64');
}

describe('AES-256-GCM seal/open', () => {
  it('round-trips text, including non-ASCII and empty strings', () => {
    for (const plaintext of ['sk-live-1234567890', '{"username":"ada","password":"pa$$ wörd ✓"}', '']) {
      expect(open(seal(plaintext, key, aad), key, aad)).toBe(plaintext);
    }
  });

  it('lays out nonce | tag | ciphertext and never contains the plaintext', () => {
    const plaintext = 'a-very-recognisable-secret-value';
    const sealed = seal(plaintext, key, aad);
    const bytes = Buffer.from(sealed, 'base64');
    expect(bytes.length).toBe(12 + 16 + Buffer.byteLength(plaintext));
    expect(sealed).not.toContain(plaintext);
    expect(bytes.includes(Buffer.from(plaintext))).toBe(false);
    expect(sealed).not.toContain(Buffer.from(plaintext).toString('base64'));
  });

  it('uses a fresh nonce for every seal', () => {
    const a = seal('same secret', key, aad);
    const b = seal('same secret', key, aad);
    expect(a).not.toBe(b);
    expect(Buffer.from(a, 'base64').subarray(0, 12).equals(Buffer.from(b, 'base64').subarray(0, 12))).toBe(false);
  });

  it('refuses a tampered ciphertext, tag or nonce', () => {
    const sealed = seal('top secret', key, aad);
    expect(() => open(flipBit(sealed, -1), key, aad)).toThrow(); // ciphertext body
    expect(() => open(flipBit(sealed, 20), key, aad)).toThrow(); // tag
    expect(() => open(flipBit(sealed, 3), key, aad)).toThrow(); // nonce
  });

  it('refuses a truncated value', () => {
    const sealed = seal('top secret', key, aad);
    const bytes = Buffer.from(sealed, 'base64');
    expect(() => open(bytes.subarray(0, bytes.length - 1).toString('base64'), key, aad)).toThrow();
    expect(() => open(bytes.subarray(0, 28).toString('base64'), key, aad)).toThrow();
  });

  it('refuses other associated data (a ciphertext moved to another row)', () => {
    const sealed = seal('top secret', key, aad);
    expect(() => open(sealed, key, 'workspace-1/credential-2')).toThrow();
    expect(() => open(sealed, key, '')).toThrow();
  });

  it('refuses another key', () => {
    const sealed = seal('top secret', key, aad);
    expect(() => open(sealed, randomBytes(32), aad)).toThrow();
  });
});
