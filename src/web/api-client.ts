import { ApiError } from './api-error.ts';

export interface ApiClientOptions {
  /** Sent as `X-Foundry-Workspace` on every request; omitted for account-level calls. */
  workspaceId?: string;
  fetch?: typeof fetch;
}

export interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
}

export interface ApiClient {
  workspaceId: string | undefined;
  request<T>(method: string, path: string, options?: RequestOptions): Promise<T>;
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  post<T>(path: string, body?: unknown): Promise<T>;
  patch<T>(path: string, body: unknown): Promise<T>;
  delete(path: string): Promise<void>;
  /** Posts multipart form data (uploads). */
  upload<T>(path: string, form: FormData): Promise<T>;
}

/**
 * A small JSON client for the Foundry API: same-origin cookies authenticate, the workspace header
 * selects the tenant, and failures throw {@link ApiError} with the server's code and message.
 *
 * @example
 * const api = createApiClient({ workspaceId });
 * const { items } = await api.get<Page<Project>>('/api/projects');
 */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const fetcher = options.fetch ?? globalThis.fetch.bind(globalThis);

  async function request<T>(method: string, path: string, { body, signal }: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.workspaceId) headers['x-foundry-workspace'] = options.workspaceId;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    let response: Response;
    try {
      response = await fetcher(path, { method, headers, body: payload, credentials: 'same-origin', signal });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ApiError({ status: 0, code: 'NETWORK_ERROR', message: 'Could not reach the Foundry server. Check the connection and try again.' });
    }
    const text = response.status === 204 ? '' : await response.text();
    const data = parseJson(text);
    if (!response.ok) throw ApiError.fromResponse(response.status, data);
    return data as T;
  }

  return {
    workspaceId: options.workspaceId,
    request,
    get: (path, opts) => request('GET', path, opts),
    post: (path, body) => request('POST', path, { body: body ?? {} }),
    patch: (path, body) => request('PATCH', path, { body }),
    delete: (path) => request<void>('DELETE', path),
    upload: (path, form) => request('POST', path, { body: form }),
  };
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
