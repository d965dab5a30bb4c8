import { FoundryError } from '../kernel/index.ts';

export interface ApiClientOptions {
  url: string;
  token?: string;
  workspace?: string;
}

/** A small client of the Foundry HTTP API for the CLI's project commands. */
export function createApiClient({ url, token, workspace }: ApiClientOptions) {
  return async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    if (!token) {
      throw new FoundryError({ code: 'TOKEN_REQUIRED', status: 401, message: 'Pass --token or set FOUNDRY_TOKEN (create one with `foundry token create`).' });
    }
    let response: Response;
    try {
      response = await fetch(new URL(path, url), {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(workspace ? { 'x-foundry-workspace': workspace } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new FoundryError({ code: 'SERVER_UNREACHABLE', status: 503, message: `Cannot reach Foundry at ${url}; is \`foundry serve\` running? (--url / FOUNDRY_URL)`, cause: error });
    }
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) {
      const error = (parsed as { error?: { code: string; message: string; details?: unknown } } | undefined)?.error;
      throw new FoundryError({ code: error?.code ?? 'HTTP_ERROR', status: response.status, message: error?.message ?? `HTTP ${response.status}`, details: error?.details });
    }
    return parsed as T;
  };
}
