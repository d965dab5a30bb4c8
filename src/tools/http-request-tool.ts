import { isIP } from 'node:net';
import { z } from 'zod';
import { FoundryError, type ToolRegistration } from '../kernel/index.ts';
import { guardedFetch } from './guarded-fetch.ts';
import type { SsrfGuardOptions } from './ssrf-guard.ts';

export const httpRequestInput = z.object({
  url: z.string().url(),
  method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET'),
  headers: z.record(z.string().min(1).max(200), z.string().max(8_000)).default({}),
  /** Sent as JSON unless it is a string (then as is, with the caller's content-type or text/plain). */
  body: z.unknown().optional(),
  timeoutMs: z.number().int().min(100).max(300_000).default(30_000),
});

export interface HttpRequestToolOptions {
  /** Exceptions to the SSRF rules: hosts (`*.corp.example`) and CIDR ranges, from configuration. */
  allow: string[];
  /** Largest response body read. @default 5 MiB */
  maxResponseBytes?: number;
  /** Test seam for DNS. */
  resolve?: SsrfGuardOptions['resolve'];
}

/** The server answered with an error status; 408, 429 and 5xx are worth retrying, other 4xx are not. */
export class HttpStatusError extends FoundryError {
  constructor(status: number, url: string, body: string) {
    const retryable = status === 408 || status === 429 || status >= 500;
    super({
      code: 'HTTP_STATUS', status: 502, category: 'third_party', retryable,
      message: `${url} answered ${status}${body ? `: ${body.slice(0, 200)}` : ''}.`, details: { status, url },
    });
  }
}

/** Splits configured allow entries into CIDR ranges and host patterns for the guard. */
export function ssrfAllowList(entries: string[]): NonNullable<SsrfGuardOptions['allow']> {
  const isCidr = (entry: string) => entry.includes('/') && isIP(entry.split('/')[0]!) !== 0;
  return { cidrs: entries.filter(isCidr), hosts: entries.filter((e) => !isCidr(e)) };
}

async function readLimited(response: Response, max: number): Promise<{ text: string; truncated: boolean }> {
  if (!response.body) return { text: '', truncated: false };
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    chunks.push(chunk);
    size += chunk.byteLength;
    if (size > max) break;
  }
  const text = Buffer.concat(chunks).subarray(0, max).toString('utf8');
  return { text, truncated: size > max };
}

/**
 * `http.request`: calls a URL through the SSRF guard. Non-GET calls carry the step's idempotency
 * key as `Idempotency-Key` (unless the input sets one), so a retried step does not repeat its
 * effect on services that honour it. JSON responses come back parsed.
 */
export function httpRequestTool(options: HttpRequestToolOptions): ToolRegistration {
  const maxBytes = options.maxResponseBytes ?? 5 * 1024 * 1024;
  const guard: SsrfGuardOptions = { allow: ssrfAllowList(options.allow), ...(options.resolve ? { resolve: options.resolve } : {}) };
  return {
    name: 'http.request',
    description: 'Calls an HTTP(S) URL (public addresses only unless FOUNDRY_SSRF_ALLOW says otherwise) and returns status, headers and body.',
    inputSchema: httpRequestInput as unknown as z.ZodType<Record<string, unknown>>,
    async execute(raw, call) {
      const input = httpRequestInput.parse(raw);
      const headers = new Headers(input.headers);
      if (input.method !== 'GET' && input.method !== 'HEAD' && !headers.has('idempotency-key')) headers.set('idempotency-key', call.idempotencyKey);
      let body: string | undefined;
      if (input.body !== undefined && input.method !== 'GET' && input.method !== 'HEAD') {
        if (typeof input.body === 'string') {
          body = input.body;
          if (!headers.has('content-type')) headers.set('content-type', 'text/plain; charset=utf-8');
        } else {
          body = JSON.stringify(input.body);
          if (!headers.has('content-type')) headers.set('content-type', 'application/json');
        }
      }
      const signal = AbortSignal.any([call.signal, AbortSignal.timeout(input.timeoutMs)]);
      const response = await guardedFetch(input.url, { method: input.method, headers, body, signal, guard });
      const { text, truncated } = await readLimited(response, maxBytes);
      if (!response.ok) throw new HttpStatusError(response.status, input.url, text);
      const json = (response.headers.get('content-type') ?? '').includes('json') && !truncated;
      let parsed: unknown = text;
      if (json && text !== '') {
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = text;
        }
      }
      return { output: { status: response.status, headers: Object.fromEntries(response.headers), body: parsed, truncated } };
    },
  };
}

/** The tools every Foundry has, as a plugin. */
export function builtinToolsPlugin(options: HttpRequestToolOptions) {
  return { name: 'builtin-tools', tools: [httpRequestTool(options)] };
}
