/**
 * Typed errors with stable codes. The HTTP boundary maps `category: 'user'` errors to their
 * 4xx status and everything else to 500 without leaking the message.
 */
export type ErrorCategory = 'user' | 'system' | 'third_party';

export interface FoundryErrorOptions {
  code: string;
  message: string;
  status?: number;
  category?: ErrorCategory;
  details?: unknown;
  retryable?: boolean;
  cause?: unknown;
}

const marker = Symbol.for('foundry.error');

export class FoundryError extends Error {
  readonly [marker] = true;
  readonly code: string;
  readonly status: number;
  readonly category: ErrorCategory;
  readonly details: unknown;
  readonly retryable: boolean;

  constructor(options: FoundryErrorOptions) {
    super(options.message, { cause: options.cause });
    this.name = new.target.name;
    this.code = options.code;
    this.status = options.status ?? 500;
    this.category = options.category ?? (this.status < 500 ? 'user' : 'system');
    this.details = options.details;
    this.retryable = options.retryable ?? false;
  }

  /** Recognises Foundry errors across duplicated module copies. */
  static isInstance(value: unknown): value is FoundryError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }

  toJSON(): { code: string; message: string; details?: unknown } {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

type Shortcut = { message: string; details?: unknown; code?: string; cause?: unknown };

export class ValidationError extends FoundryError {
  constructor(o: Shortcut) { super({ code: 'VALIDATION_FAILED', status: 400, ...o }); }
}
export class UnauthenticatedError extends FoundryError {
  constructor(o: Partial<Shortcut> = {}) {
    super({ code: 'UNAUTHENTICATED', status: 401, message: 'Authentication required: log in or send a bearer token.', ...o });
  }
}
export class ForbiddenError extends FoundryError {
  constructor(o: Shortcut) { super({ code: 'FORBIDDEN', status: 403, ...o }); }
}
export class NotFoundError extends FoundryError {
  constructor(o: Shortcut) { super({ code: 'NOT_FOUND', status: 404, ...o }); }
}
export class ConflictError extends FoundryError {
  constructor(o: Shortcut) { super({ code: 'CONFLICT', status: 409, ...o }); }
}
export class PayloadTooLargeError extends FoundryError {
  constructor(o: Shortcut) { super({ code: 'PAYLOAD_TOO_LARGE', status: 413, ...o }); }
}
export class UnsupportedMediaTypeError extends FoundryError {
  constructor(o: Shortcut) { super({ code: 'UNSUPPORTED_MEDIA_TYPE', status: 415, ...o }); }
}
export class RateLimitedError extends FoundryError {
  constructor(o: Shortcut) { super({ code: 'RATE_LIMITED', status: 429, retryable: true, ...o }); }
}
export class ConfigError extends FoundryError {
  constructor(o: Shortcut) { super({ code: 'CONFIG_INVALID', status: 500, category: 'system', ...o }); }
}
export class ServiceUnavailableError extends FoundryError {
  constructor(o: Shortcut) { super({ code: 'SERVICE_UNAVAILABLE', status: 503, category: 'system', retryable: true, ...o }); }
}
