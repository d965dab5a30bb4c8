import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookSignatureInvalidError, WebhookTimestampStaleError } from './trigger-errors.ts';

/**
 * Webhook signatures: `X-Foundry-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`
 * with `X-Foundry-Timestamp: <unix seconds>`. The secret is used as given (its UTF-8 bytes).
 */

/** How far the signed timestamp may be from the server's clock, either way. */
export const webhookToleranceSeconds = 300;

export const signatureHeader = 'x-foundry-signature';
export const timestampHeader = 'x-foundry-timestamp';

/** The `sha256=<hex>` signature of a body sent at `timestamp` (unix seconds). */
export function signWebhook(secret: string, timestamp: number | string, body: Buffer | string): string {
  const hmac = createHmac('sha256', secret);
  hmac.update(`${timestamp}.`);
  hmac.update(body);
  return `sha256=${hmac.digest('hex')}`;
}

export interface VerifyWebhookInput {
  secret: string;
  /** The raw header values (undefined when absent). */
  timestamp: string | string[] | undefined;
  signature: string | string[] | undefined;
  body: Buffer;
  now: Date;
}

/**
 * Checks the signature in constant time, then that the timestamp is within the replay window.
 * Throws WebhookSignatureInvalidError or WebhookTimestampStaleError; returns the timestamp.
 */
export function verifyWebhook(input: VerifyWebhookInput): number {
  const timestamp = single(input.timestamp);
  const signature = single(input.signature);
  if (timestamp === undefined || !/^\d{1,12}$/.test(timestamp)) {
    throw new WebhookSignatureInvalidError('Send X-Foundry-Timestamp: the unix time in seconds at which the request was signed.');
  }
  const match = signature === undefined ? null : /^sha256=([0-9a-f]{64})$/i.exec(signature.trim());
  if (!match) throw new WebhookSignatureInvalidError('Send X-Foundry-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>.');
  const expected = Buffer.from(signWebhook(input.secret, timestamp, input.body).slice('sha256='.length), 'hex');
  const given = Buffer.from(match[1]!.toLowerCase(), 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new WebhookSignatureInvalidError();
  const seconds = Number(timestamp);
  const now = Math.floor(input.now.getTime() / 1000);
  if (Math.abs(now - seconds) > webhookToleranceSeconds) {
    throw new WebhookTimestampStaleError({ timestamp: seconds, now, toleranceSeconds: webhookToleranceSeconds });
  }
  return seconds;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? (value.length === 1 ? value[0] : undefined) : value;
}
