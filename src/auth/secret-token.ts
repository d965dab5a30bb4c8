import { createHash, timingSafeEqual } from 'node:crypto';
import { randomSecret } from '../kernel/index.ts';

export const sessionTokenPrefix = 'fdy_s_';
export const apiTokenPrefix = 'fdy_';

export interface SecretToken {
  /** The secret, shown once. */
  token: string;
  /** What is stored: SHA-256 of the secret (tokens have 256 bits of entropy, so no salt is needed). */
  hash: string;
  /** The first characters, to recognise a token in a list. */
  displayPrefix: string;
}

export function createSecretToken(prefix: string): SecretToken {
  const token = `${prefix}${randomSecret(32)}`;
  return { token, hash: hashToken(token), displayPrefix: token.slice(0, prefix.length + 6) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
