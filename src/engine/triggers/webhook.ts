import type { MasterKeys } from '../../vault/index.ts';
import { fireTrigger, triggerIdempotencyKey, type FireDeps } from './fire-trigger.ts';
import { payloadProblems } from './payload-schema.ts';
import { TriggerNotFoundError, TriggerPausedError, WebhookPayloadInvalidError } from './trigger-errors.ts';
import type { WebhookTriggerConfig } from './trigger-schemas.ts';
import { findTriggerById } from './triggers.ts';
import { openWebhookSecret } from './webhook-secret.ts';
import { signatureHeader, timestampHeader, verifyWebhook } from './webhook-signature.ts';

export interface WebhookDeps extends FireDeps {
  keys: MasterKeys;
}

export interface WebhookDelivery {
  triggerId: string;
  headers: Record<string, string | string[] | undefined>;
  /** The body exactly as received: the signature covers these bytes. */
  body: Buffer;
}

/** A JSON reviver that refuses what could poison prototypes when the payload is merged later (as fastify does). */
function refuseProtoKeys(key: string, value: unknown): unknown {
  const poisoned = key === '__proto__'
    || (key === 'constructor' && typeof value === 'object' && value !== null && Object.hasOwn(value, 'prototype'));
  if (poisoned) throw new SyntaxError(`the key "${key}" is not allowed`);
  return value;
}

function parsePayload(body: Buffer): unknown {
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8'), refuseProtoKeys) as unknown;
  } catch (error) {
    throw new WebhookPayloadInvalidError({ message: `The body is not valid JSON: ${(error as Error).message}`, problems: [{ path: '', message: 'is not valid JSON' }] });
  }
}

/**
 * Handles `POST /api/hooks/:id`: the trigger must exist, the signature match the raw body and
 * timestamp (within the replay window), the trigger be active and the payload (JSON; an empty
 * body is `{}`) match its `inputSchema`. Starts a run with the payload as input.
 *
 * The idempotency key is the `Idempotency-Key` header when sent, otherwise the signature: an
 * identical request replayed within the window answers with the first run instead of a new one.
 */
export async function receiveWebhook(deps: WebhookDeps, delivery: WebhookDelivery): Promise<{ runId: string }> {
  const trigger = await findTriggerById(deps.db, delivery.triggerId);
  if (!trigger || trigger.kind !== 'webhook') throw new TriggerNotFoundError();
  verifyWebhook({
    secret: openWebhookSecret(deps.keys, trigger), timestamp: delivery.headers[timestampHeader], signature: delivery.headers[signatureHeader],
    body: delivery.body, now: deps.clock.now(),
  });
  if (trigger.status !== 'active') throw new TriggerPausedError();
  const payload = parsePayload(delivery.body);
  const { inputSchema } = trigger.config as WebhookTriggerConfig;
  const problems = inputSchema === undefined ? [] : payloadProblems(inputSchema, payload);
  if (problems.length > 0) {
    throw new WebhookPayloadInvalidError({
      message: `The payload does not match the trigger's inputSchema: ${problems.slice(0, 3).map((p) => `${p.path || '(payload)'} ${p.message}`).join('; ')}`,
      problems,
    });
  }
  const key = delivery.headers['idempotency-key'];
  const idempotencyKey = triggerIdempotencyKey(trigger, typeof key === 'string' && key !== '' ? `key:${key}` : `signature:${String(delivery.headers[signatureHeader]).toLowerCase()}`);
  return fireTrigger(deps, trigger, { input: payload, idempotencyKey });
}
