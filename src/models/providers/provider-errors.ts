import { APICallError, JSONParseError, LoadAPIKeyError, NoContentGeneratedError, NoObjectGeneratedError, NoOutputGeneratedError, TypeValidationError } from 'ai';
import { FoundryError } from '../../kernel/index.ts';
import { ModelOutputInvalidError, ModelProviderError } from '../model-errors.ts';
import type { RemoteProvider } from './provider-target.ts';

/** Whether an HTTP status from a provider may succeed on a later attempt (408, 409, 429, 5xx). */
function retryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

function codeOf(status: number): string {
  if (status === 401 || status === 403) return 'MODEL_PROVIDER_UNAUTHORIZED';
  if (status === 404) return 'MODEL_NOT_FOUND';
  if (status === 429) return 'MODEL_RATE_LIMITED';
  if (status < 300) return 'MODEL_RESPONSE_INVALID';
  return 'MODEL_PROVIDER_FAILED';
}

const scrub = (text: string, secrets: readonly string[]) => secrets.reduce((t, s) => (s.length >= 4 ? t.replaceAll(s, '[redacted]') : t), text);

/**
 * A typed Foundry error for whatever a provider call threw: ModelProviderError (retryable for
 * 408/409/429/5xx and connection failures, not for 400/401/403/404), ModelOutputInvalidError
 * for output that does not parse or match the schema (with the tokens it cost in `details`).
 * Foundry errors (an SSRF refusal) and aborts pass through. Messages never contain `secrets`.
 */
export function toModelError(error: unknown, provider: RemoteProvider, secrets: readonly string[] = []): unknown {
  if (FoundryError.isInstance(error)) return error;
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) return error;
  const message = scrub(error instanceof Error ? error.message : String(error), secrets);
  if (NoObjectGeneratedError.isInstance(error)) {
    const details = { tokensIn: error.usage?.inputTokens ?? 0, tokensOut: error.usage?.outputTokens ?? 0 };
    return new ModelOutputInvalidError({ message: `${provider} returned output that does not match the requested shape: ${message}`, details, cause: error });
  }
  if (NoOutputGeneratedError.isInstance(error) || NoContentGeneratedError.isInstance(error) || TypeValidationError.isInstance(error) || JSONParseError.isInstance(error)) {
    return new ModelOutputInvalidError({ message: `${provider} returned output that does not match the requested shape: ${message}`, cause: error });
  }
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    if (status === undefined) {
      return new ModelProviderError({ provider, code: 'MODEL_PROVIDER_UNREACHABLE', retryable: error.isRetryable, message: `${provider} could not be reached: ${message}`, cause: error });
    }
    return new ModelProviderError({ provider, code: codeOf(status), retryable: retryableStatus(status), message: `${provider} answered HTTP ${status}: ${message}`, cause: error });
  }
  if (LoadAPIKeyError.isInstance(error)) {
    return new ModelProviderError({ provider, code: 'MODEL_PROVIDER_NOT_CONFIGURED', retryable: false, message, cause: error });
  }
  return new ModelProviderError({ provider, retryable: false, message: `${provider} call failed: ${message}`, cause: error });
}
