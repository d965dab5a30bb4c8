import { guardedFetch, type SsrfGuardOptions } from '../../tools/index.ts';

/**
 * A `fetch` for the AI SDK's provider factories that sends every request, and every redirect,
 * through Foundry's SSRF guard. The providers call it with a URL and an init, never a Request.
 */
export function guardedProviderFetch(guard: SsrfGuardOptions): typeof fetch {
  return async (input, init) => {
    if (input instanceof Request) throw new TypeError('guardedProviderFetch takes a URL and an init, not a Request.');
    return guardedFetch(input, { ...init, guard });
  };
}
