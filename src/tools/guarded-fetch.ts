import type { LookupFunction } from 'node:net';
import { Agent } from 'undici';
import { FoundryError } from '../kernel/index.ts';
import { checkOutboundUrl, type CheckedUrl, type SsrfGuardOptions } from './ssrf-guard.ts';

export interface GuardedFetchInit extends RequestInit {
  /** The SSRF guard applied to the URL and to every redirect target. */
  guard: SsrfGuardOptions;
  /**
   * Redirects followed before giving up with `TooManyRedirectsError`.
   * @default 5
   */
  maxRedirects?: number;
}

/** The redirect chain is longer than allowed (status 400, category user). */
export class TooManyRedirectsError extends FoundryError {
  constructor(url: string, maxRedirects: number) {
    super({
      code: 'TOO_MANY_REDIRECTS', status: 400, category: 'user', details: { url, maxRedirects },
      message: `More than ${maxRedirects} redirects while fetching ${url}.`,
    });
  }
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const credentialHeaders = ['authorization', 'cookie', 'proxy-authorization'];

/**
 * `fetch` behind the SSRF guard. The host is resolved once, by the guard, and the connection goes
 * to that checked address (a pinned `lookup`), so DNS rebinding cannot swap it; the Host header
 * and the TLS server name stay the original hostname. Redirects are followed here, each target
 * checked again; `redirect: 'manual'` returns the first response, `'error'` refuses any redirect.
 * Credential headers are dropped on cross-origin redirects. A redirect that must resend a
 * one-shot stream body is returned unfollowed.
 *
 * @example
 * const res = await guardedFetch('https://example.com/hook', { method: 'POST', body, guard: config.ssrf });
 */
export async function guardedFetch(input: string | URL, init: GuardedFetchInit): Promise<Response> {
  const { guard, maxRedirects = 5, redirect = 'follow', ...rest } = init;
  const limit = redirect === 'error' ? 0 : maxRedirects;
  let url: string | URL = input;
  let method = (rest.method ?? 'GET').toUpperCase();
  let body = rest.body;
  const headers = new Headers(rest.headers);

  for (let hop = 0; ; hop++) {
    const checked = await checkOutboundUrl(url, guard);
    const dispatcher = pinnedAgent(checked);
    const request: RequestInit & { dispatcher: Agent } = { ...rest, method, headers, body, redirect: 'manual', dispatcher };
    const response = await fetch(checked.url, request).catch((error: unknown) => {
      void dispatcher.destroy().catch(() => {});
      throw error;
    });
    const location = response.headers.get('location');
    if (redirect === 'manual' || !redirectStatuses.has(response.status) || location === null) {
      void dispatcher.close().catch(() => {});
      return response;
    }
    if (body instanceof ReadableStream && (response.status === 307 || response.status === 308)) {
      void dispatcher.close().catch(() => {});
      return response;
    }
    await response.body?.cancel().catch(() => {});
    void dispatcher.destroy().catch(() => {});
    if (hop >= limit) throw new TooManyRedirectsError(String(input), limit);

    const next = new URL(location, checked.url);
    if (response.status === 303 ? method !== 'HEAD' : (response.status === 301 || response.status === 302) && method === 'POST') {
      method = 'GET';
      body = null;
      for (const name of ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location']) headers.delete(name);
    }
    if (next.origin !== checked.url.origin) for (const name of credentialHeaders) headers.delete(name);
    url = next;
  }
}

/** An undici Agent whose every connection for the checked host goes to the checked address. */
function pinnedAgent(checked: CheckedUrl): Agent {
  const expected = checked.url.hostname.replace(/^\[(.*)\]$/, '$1');
  const { address, family } = checked;
  const lookup: LookupFunction = (hostname, options, callback) => {
    if (hostname !== expected) {
      callback(Object.assign(new Error(`Refusing to resolve ${hostname}: not the checked host.`), { code: 'ENOTFOUND' }), '', family);
    } else if (options.all) {
      (callback as unknown as (error: null, addresses: { address: string; family: number }[]) => void)(null, [{ address, family }]);
    } else {
      callback(null, address, family);
    }
  };
  return new Agent({ connect: { lookup } });
}
