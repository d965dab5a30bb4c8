import { FoundryError } from '../kernel/index.ts';

export interface ApiClientOptions {
  url: string;
  token?: string;
  workspace?: string;
}

/** Calls one API route (a FormData body goes as multipart, anything else as JSON) and returns its parsed JSON body; throws a FoundryError with the server's code on a 4xx/5xx. */
export type ApiCall = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/** Sends an authenticated request; throws TOKEN_REQUIRED without a token and SERVER_UNREACHABLE when the server is down. */
async function send({ url, token, workspace }: ApiClientOptions, method: string, path: string, init: { body?: unknown; accept?: string; signal?: AbortSignal }): Promise<Response> {
  if (!token) {
    throw new FoundryError({ code: 'TOKEN_REQUIRED', status: 401, message: 'Pass --token or set FOUNDRY_TOKEN (create one with `foundry token create`).' });
  }
  try {
    return await fetch(new URL(path, url), {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(init.body === undefined || init.body instanceof FormData ? {} : { 'content-type': 'application/json' }),
        ...(init.accept ? { accept: init.accept } : {}),
        ...(workspace ? { 'x-foundry-workspace': workspace } : {}),
      },
      body: init.body === undefined ? undefined : init.body instanceof FormData ? init.body : JSON.stringify(init.body),
      signal: init.signal,
    });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new FoundryError({ code: 'SERVER_UNREACHABLE', status: 503, message: `Cannot reach Foundry at ${url}; is \`foundry serve\` running? (--url / FOUNDRY_URL)`, cause: error });
  }
}

/** The FoundryError of a failed response, from its `{ error: { code, message, details } }` body. */
export function errorOfResponse(status: number, body: unknown): FoundryError {
  const error = (body as { error?: { code: string; message: string; details?: unknown } } | undefined)?.error;
  return new FoundryError({ code: error?.code ?? 'HTTP_ERROR', status, message: error?.message ?? `HTTP ${status}`, details: error?.details });
}

/** A small client of the Foundry HTTP API for the CLI's project commands. */
export function createApiClient(options: ApiClientOptions): ApiCall {
  return async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await send(options, method, path, { body });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) throw errorOfResponse(response.status, parsed);
    return parsed as T;
  };
}

/** Opens a `text/event-stream` route: the raw response, whatever its status, for the caller to read or give up on. */
export type OpenStream = (path: string, signal: AbortSignal) => Promise<Response>;

/** An opener of event streams with the same authentication as createApiClient. */
export function createStreamOpener(options: ApiClientOptions): OpenStream {
  return (path, signal) => send(options, 'GET', path, { accept: 'text/event-stream', signal });
}
