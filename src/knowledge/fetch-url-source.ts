import { posix } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { FoundryError } from '../kernel/index.ts';
import { HttpStatusError, guardedFetch, ssrfAllowList } from '../tools/index.ts';
import { knowledgeContentType } from './knowledge-content-types.ts';
import type { KnowledgeDeps } from './knowledge-deps.ts';
import { storeLimited, tooLargeFile } from './store-limited.ts';

/** The page or document behind a URL, stored in the blob store. */
export interface FetchedUrl {
  sha256: string;
  size: number;
  contentType: string;
  /** The file name the URL's path ends with, if any (helps to tell the type). */
  fileName: string | undefined;
}

const accept = 'text/html, application/pdf, text/markdown, text/plain, text/csv, application/vnd.openxmlformats-officedocument.wordprocessingml.document, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, image/png, image/jpeg, image/webp;q=0.9, */*;q=0.1';

/**
 * Fetches a URL through the SSRF guard (every redirect checked again), within the size and time
 * limits. Failures a retry may cure (timeouts, resets, 408/429/5xx) are retryable; a refused
 * address, a 4xx, an unreadable type or a too large body are not.
 */
export async function fetchUrlSource(deps: Pick<KnowledgeDeps, 'blobs' | 'limits' | 'ssrfAllow'>, url: string, signal: AbortSignal): Promise<FetchedUrl> {
  const { maxBytes, urlTimeoutMs } = deps.limits;
  const timeout = AbortSignal.timeout(urlTimeoutMs);
  const combined = AbortSignal.any([signal, timeout]);
  const failed = (error: unknown): never => {
    if (FoundryError.isInstance(error)) throw error;
    if (timeout.aborted) throw new UrlFetchError(url, `did not answer within ${urlTimeoutMs} ms`, error);
    if (signal.aborted) throw error;
    throw new UrlFetchError(url, (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message, error);
  };
  const response = await guardedFetch(url, {
    guard: { allow: ssrfAllowList(deps.ssrfAllow) }, signal: combined,
    headers: { accept, 'user-agent': 'Foundry knowledge ingestion' },
  }).catch(failed);
  if (!response.ok) {
    await response.body?.cancel().catch(() => {});
    throw new HttpStatusError(response.status, url, '');
  }
  const declaredLength = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declaredLength > maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw tooLargeFile(url, maxBytes);
  }
  const fileName = fileNameOf(url);
  let contentType = '';
  const body = response.body ? Readable.fromWeb(response.body as WebReadableStream<Uint8Array>) : Readable.from([]);
  const blob = await storeLimited(deps.blobs, body, { maxBytes, fileName: url }, (head) => {
    contentType = knowledgeContentType({ declared: response.headers.get('content-type'), fileName, head });
  }).catch(failed);
  return { sha256: blob.sha256, size: blob.size, contentType, fileName };
}

function fileNameOf(url: string): string | undefined {
  const base = posix.basename(new URL(url).pathname);
  try {
    return base ? decodeURIComponent(base) : undefined;
  } catch {
    return base;
  }
}

/** The URL could not be fetched: a timeout, a refused or reset connection (retryable). */
export class UrlFetchError extends FoundryError {
  constructor(url: string, reason: string, cause?: unknown) {
    super({ code: 'URL_FETCH_FAILED', status: 502, category: 'third_party', retryable: true, cause, details: { url }, message: `Could not fetch ${url}: ${reason}.` });
  }
}
