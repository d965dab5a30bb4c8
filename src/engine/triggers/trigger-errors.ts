import { ConflictError, FoundryError, NotFoundError, ValidationError } from '../../kernel/index.ts';

/** Errors of triggers and of the public webhook endpoint; each code is stable. */

export class TriggerNotFoundError extends NotFoundError {
  constructor() {
    super({ code: 'TRIGGER_NOT_FOUND', message: 'No such trigger.' });
  }
}

/** A paused trigger starts nothing; resume it with `PATCH /api/triggers/:id {"status":"active"}`. */
export class TriggerPausedError extends ConflictError {
  constructor() {
    super({ code: 'TRIGGER_PAUSED', message: 'The trigger is paused.' });
  }
}

/** The operation applies to another kind of trigger (e.g. rotating the secret of a schedule). */
export class TriggerKindMismatchError extends ConflictError {
  constructor(o: { expected: string; actual: string }) {
    super({ code: 'TRIGGER_KIND_MISMATCH', message: `Only a ${o.expected} trigger has this; this one is a ${o.actual} trigger.`, details: o });
  }
}

/**
 * A trigger's config that the body schema could not check on its own (PATCH sends a config for the
 * trigger's existing kind). `details` has the shape of route validation errors.
 */
export class TriggerConfigInvalidError extends ValidationError {
  constructor(o: { problems: { path: string; message: string }[] }) {
    super({
      code: 'VALIDATION_FAILED',
      message: `Invalid body: ${o.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
      details: o.problems.map((p) => ({ in: 'body', ...p })),
    });
  }
}

/** Another workspace already receives mail at this address, or watches this folder. */
export class TriggerTargetTakenError extends ConflictError {
  constructor(o: { code: 'EMAIL_ADDRESS_TAKEN' | 'WATCH_PATH_TAKEN'; message: string }) {
    super(o);
  }
}

/** The signature header is missing, malformed or does not match the body and timestamp. */
export class WebhookSignatureInvalidError extends FoundryError {
  constructor(message = 'The X-Foundry-Signature header does not match the request.') {
    super({ code: 'WEBHOOK_SIGNATURE_INVALID', status: 401, category: 'user', message });
  }
}

/** The signed timestamp is more than the replay window away from the server's clock. */
export class WebhookTimestampStaleError extends FoundryError {
  constructor(o: { timestamp: number; now: number; toleranceSeconds: number }) {
    super({
      code: 'WEBHOOK_TIMESTAMP_STALE',
      status: 401,
      category: 'user',
      message: `X-Foundry-Timestamp is ${Math.abs(o.now - o.timestamp)} s from the server's clock; at most ${o.toleranceSeconds} s are accepted.`,
      details: { serverTime: o.now, toleranceSeconds: o.toleranceSeconds },
    });
  }
}

/** The payload is not JSON, or does not match the trigger's `inputSchema`; `details.problems` lists why. */
export class WebhookPayloadInvalidError extends ValidationError {
  constructor(o: { message: string; problems: { path: string; message: string }[] }) {
    super({ code: 'WEBHOOK_PAYLOAD_INVALID', message: o.message, details: { problems: o.problems } });
  }
}
