import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { FoundryError } from '../kernel/index.ts';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** Fastify's own client errors, by code: our stable code and the status to answer with. */
const fastifyCodes: Record<string, { code: string; status: number; message?: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', status: 413, message: 'The request body is too large.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', status: 415, message: 'Send JSON (application/json) or, for uploads, multipart/form-data.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'EMPTY_BODY', status: 400, message: 'The JSON body is empty.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'MALFORMED_JSON', status: 400, message: 'The body is not valid JSON.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'BAD_REQUEST', status: 400 },
  FST_REQ_FILE_TOO_LARGE: { code: 'ARTIFACT_TOO_LARGE', status: 413, message: 'The file is larger than the upload limit.' },
  FST_FILES_LIMIT: { code: 'TOO_MANY_FILES', status: 413, message: 'Send one file per request.' },
  FST_FIELDS_LIMIT: { code: 'TOO_MANY_FIELDS', status: 413 },
  FST_PARTS_LIMIT: { code: 'TOO_MANY_PARTS', status: 413 },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', status: 415, message: 'Uploads must be multipart/form-data.' },
  FST_PROTO_VIOLATION: { code: 'BAD_REQUEST', status: 400 },
  FST_ERR_BAD_URL: { code: 'BAD_URL', status: 400, message: 'The URL is not validly encoded.' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'PARAM_TOO_LONG', status: 414, message: 'A URL parameter is too long.' },
};

/** Connection-level failures: refused, reset, shut down, too many clients, or a pool wait that timed out. */
const unavailableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006', '53300']);

function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && unavailableCodes.has(code)) return true;
    if (typeof message === 'string' && /Connection terminated|timeout exceeded when trying to connect/.test(message)) return true;
  }
  return false;
}

/** Maps any thrown error to `{"error":{code,message,details}}`; unexpected ones are logged and hidden. */
export function toErrorResponse(error: unknown, request: FastifyRequest): { status: number; body: ErrorBody } {
  if (FoundryError.isInstance(error)) {
    if (error.status >= 500) request.log.error({ err: error }, 'request failed');
    const message = error.status >= 500 && error.category !== 'user' ? 'Something went wrong on our side.' : error.message;
    return { status: error.status, body: { error: { ...error.toJSON(), message } } };
  }
  const fastifyError = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(fastifyError)) {
    const where = fastifyError.validationContext ?? 'request';
    const details = fastifyError.validation.map((issue) => ({
      in: where,
      path: issue.instancePath.replace(/^\//, '').replaceAll('/', '.'),
      message: issue.message ?? 'is invalid',
    }));
    const summary = details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; ');
    return { status: 400, body: { error: { code: 'VALIDATION_FAILED', message: `Invalid ${where}: ${summary}`, details } } };
  }
  const known = fastifyError.code ? fastifyCodes[fastifyError.code] : undefined;
  if (known) return { status: known.status, body: { error: { code: known.code, message: known.message ?? fastifyError.message } } };
  if (error instanceof SyntaxError || (fastifyError.statusCode === 400 && /JSON/i.test(fastifyError.message))) {
    return { status: 400, body: { error: { code: 'MALFORMED_JSON', message: 'The body is not valid JSON.' } } };
  }
  const status = fastifyError.statusCode;
  if (status && status >= 400 && status < 500) {
    return { status, body: { error: { code: status === 404 ? 'NOT_FOUND' : 'BAD_REQUEST', message: fastifyError.message } } };
  }
  if (isDatabaseUnavailable(error)) {
    request.log.error({ err: error }, 'database unavailable');
    return { status: 503, body: { error: { code: 'DATABASE_UNAVAILABLE', message: 'The database is not reachable right now; try again shortly.' } } };
  }
  request.log.error({ err: error }, 'unexpected error');
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'Something went wrong on our side.' } } };
}

export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = toErrorResponse(error, request);
  void reply.status(status).send(body);
}
