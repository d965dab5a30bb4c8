import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FoundryError } from '../../kernel/index.ts';
import { signWebhook, verifyWebhook, webhookToleranceSeconds } from './webhook-signature.ts';

const secret = 'whsec_test-secret';
const now = new Date('2026-06-01T12:00:00Z');
const nowSeconds = Math.floor(now.getTime() / 1000);
const body = Buffer.from('{"order":42,"total":"19.90"}');

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (!FoundryError.isInstance(error)) throw error;
    return `${error.status} ${error.code}`;
  }
}

const verify = (o: { timestamp?: string | string[]; signature?: string | string[]; body?: Buffer; secret?: string }) =>
  verifyWebhook({ secret: o.secret ?? secret, timestamp: o.timestamp, signature: o.signature, body: o.body ?? body, now });

describe('webhook signatures', () => {
  it('signs "<timestamp>.<body>" with HMAC-SHA256, as the docs tell senders to', () => {
    const expected = createHmac('sha256', secret).update(`${nowSeconds}.${body.toString()}`).digest('hex');
    expect(signWebhook(secret, nowSeconds, body)).toBe(`sha256=${expected}`);
  });

  it('accepts a good signature, in either hex case, and returns the timestamp', () => {
    const signature = signWebhook(secret, nowSeconds, body);
    expect(verify({ timestamp: String(nowSeconds), signature })).toBe(nowSeconds);
    expect(verify({ timestamp: String(nowSeconds), signature: `sha256=${signature.slice(7).toUpperCase()}` })).toBe(nowSeconds);
  });

  it('accepts timestamps up to the tolerance either way', () => {
    for (const ts of [nowSeconds - webhookToleranceSeconds, nowSeconds + webhookToleranceSeconds]) {
      expect(verify({ timestamp: String(ts), signature: signWebhook(secret, ts, body) })).toBe(ts);
    }
  });

  it('refuses a signature made with another secret', () => {
    expect(codeOf(() => verify({ timestamp: String(nowSeconds), signature: signWebhook('whsec_other', nowSeconds, body) }))).toBe('401 WEBHOOK_SIGNATURE_INVALID');
  });

  it('refuses a tampered body and a tampered timestamp', () => {
    const signature = signWebhook(secret, nowSeconds, body);
    expect(codeOf(() => verify({ timestamp: String(nowSeconds), signature, body: Buffer.from('{"order":42,"total":"0.01"}') }))).toBe('401 WEBHOOK_SIGNATURE_INVALID');
    expect(codeOf(() => verify({ timestamp: String(nowSeconds + 1), signature }))).toBe('401 WEBHOOK_SIGNATURE_INVALID');
  });

  it('refuses a stale and a future timestamp, even when correctly signed', () => {
    const stale = nowSeconds - webhookToleranceSeconds - 1;
    const future = nowSeconds + webhookToleranceSeconds + 1;
    expect(codeOf(() => verify({ timestamp: String(stale), signature: signWebhook(secret, stale, body) }))).toBe('401 WEBHOOK_TIMESTAMP_STALE');
    expect(codeOf(() => verify({ timestamp: String(future), signature: signWebhook(secret, future, body) }))).toBe('401 WEBHOOK_TIMESTAMP_STALE');
  });

  it('checks the signature before the clock, so a stale answer needs the secret', () => {
    const stale = nowSeconds - 3600;
    expect(codeOf(() => verify({ timestamp: String(stale), signature: signWebhook('whsec_guess', stale, body) }))).toBe('401 WEBHOOK_SIGNATURE_INVALID');
  });

  it('refuses missing, repeated and malformed headers', () => {
    const signature = signWebhook(secret, nowSeconds, body);
    const cases: { timestamp?: string | string[]; signature?: string | string[] }[] = [
      { signature },
      { timestamp: String(nowSeconds) },
      { timestamp: 'yesterday', signature },
      { timestamp: `${nowSeconds}.5`, signature },
      { timestamp: [String(nowSeconds), String(nowSeconds)], signature },
      { timestamp: String(nowSeconds), signature: [signature, signature] },
      { timestamp: String(nowSeconds), signature: signature.slice(7) },
      { timestamp: String(nowSeconds), signature: `sha1=${signature.slice(7)}` },
      { timestamp: String(nowSeconds), signature: `${signature}00` },
      { timestamp: String(nowSeconds), signature: 'sha256=' },
    ];
    expect(cases.map((c) => codeOf(() => verify(c)))).toEqual(cases.map(() => '401 WEBHOOK_SIGNATURE_INVALID'));
  });
});
