import { FoundryError } from '../../../kernel/index.ts';
import { guardedFetch, type GuardedFetchInit } from '../../../tools/index.ts';
import { isPng } from './png-info.ts';

/** The provider's own words from an error body (OpenAI, Stability, Replicate and ComfyUI shapes). */
function messageOf(body: string): string {
  try {
    const json = JSON.parse(body) as Record<string, unknown>;
    const error = json.error as Record<string, unknown> | string | undefined;
    const candidates = [
      typeof error === 'string' ? error : error?.message, json.detail, json.message, json.title,
      Array.isArray(json.errors) ? json.errors.join('; ') : undefined,
    ];
    const found = candidates.find((c): c is string => typeof c === 'string' && c.trim() !== '');
    if (found) return found.slice(0, 300);
  } catch {
    // Not JSON: use the text.
  }
  return body.replace(/\s+/g, ' ').trim().slice(0, 300) || 'no details';
}

/**
 * An HTTP error from an image provider as a FoundryError: 429 and 5xx are IMAGE_PROVIDER_FAILED
 * (retryable), other 4xx IMAGE_PROVIDER_REJECTED (not retryable; a refused key is the operator's
 * problem, a refused prompt the user's).
 */
export async function providerError(provider: string, response: Response): Promise<FoundryError> {
  const status = response.status;
  const text = await response.text().catch(() => '');
  const providerMessage = messageOf(text);
  const details = { provider, httpStatus: status, providerMessage };
  if (status === 429 || status >= 500) {
    return new FoundryError({
      code: 'IMAGE_PROVIDER_FAILED', status: 502, category: 'third_party', retryable: true, details,
      message: `${provider} image generation failed (HTTP ${status}): ${providerMessage}`,
    });
  }
  const credentials = status === 401 || status === 403;
  return new FoundryError({
    code: 'IMAGE_PROVIDER_REJECTED', status: credentials ? 502 : 422, category: credentials ? 'third_party' : 'user', retryable: false, details,
    message: credentials
      ? `${provider} refused the credentials (HTTP ${status}); check the API key.`
      : `${provider} rejected the image request (HTTP ${status}): ${providerMessage}`,
  });
}

export function providerFailure(provider: string, message: string, retryable = false, cause?: unknown): FoundryError {
  return new FoundryError({ code: 'IMAGE_PROVIDER_FAILED', status: 502, category: 'third_party', retryable, message: `${provider}: ${message}`, details: { provider }, cause });
}

/**
 * guardedFetch with a timeout, the caller's abort signal, and errors mapped: unreachable hosts
 * and timeouts are IMAGE_PROVIDER_FAILED (retryable), HTTP errors as in `providerError`. The
 * caller's own abort is rethrown unchanged.
 */
export async function providerFetch(provider: string, url: string | URL, init: GuardedFetchInit, options: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<Response> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? 120_000);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await guardedFetch(url, { ...init, signal });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    if (FoundryError.isInstance(error)) throw error;
    const timedOut = timeout.aborted;
    throw providerFailure(provider, timedOut ? 'the request timed out.' : `could not be reached (${(error as Error).message}).`, true, error);
  }
  if (!response.ok) throw await providerError(provider, response);
  return response;
}

/** The body as a PNG buffer, or IMAGE_PROVIDER_FAILED when the provider sent something else. */
export async function pngBody(provider: string, response: Response): Promise<Buffer> {
  const png = Buffer.from(await response.arrayBuffer());
  if (!isPng(png)) throw providerFailure(provider, `returned ${response.headers.get('content-type') ?? 'unknown content'} instead of a PNG image.`);
  return png;
}

export function pngFromBase64(provider: string, data: unknown): Buffer {
  if (typeof data !== 'string' || data === '') throw providerFailure(provider, 'returned no image data.');
  const png = Buffer.from(data, 'base64');
  if (!isPng(png)) throw providerFailure(provider, 'returned image data that is not a PNG.');
  return png;
}

/** A PNG as a multipart file part. */
export function pngBlob(data: Buffer): Blob {
  return new Blob([new Uint8Array(data)], { type: 'image/png' });
}
