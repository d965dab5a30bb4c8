import { randomBytes } from 'node:crypto';

export interface Account { token: string; userId: string; workspaceId: string }

/** Signs a fresh user up through the HTTP API and returns its bearer token. */
export async function signUp(baseUrl: string): Promise<Account> {
  const email = `bench-${randomBytes(4).toString('hex')}@example.com`;
  const response = await fetch(`${baseUrl}/api/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'bench-password-1', name: 'Bench User' }),
  });
  const body = (await response.json()) as { token?: string; user?: { id?: string }; workspace?: { id?: string } };
  if (response.status !== 201 || !body.token || !body.user?.id || !body.workspace?.id) {
    throw new Error(`sign-up answered ${response.status}: ${JSON.stringify(body)}`);
  }
  return { token: body.token, userId: body.user.id, workspaceId: body.workspace.id };
}

/** One authenticated JSON request; throws unless it answers `expected`. */
export async function apiRequest<T>(baseUrl: string, token: string, method: string, path: string, body?: unknown, expected = 200): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (response.status !== expected) throw new Error(`${method} ${path} answered ${response.status} (expected ${expected}): ${text}`);
  return JSON.parse(text) as T;
}

export interface HeapFigures { heapUsedBytes: number; heapTotalBytes: number; externalBytes: number }

/** V8 heap figures from Foundry's Prometheus metrics (prom-client's default metrics). */
export async function heapFromMetrics(baseUrl: string): Promise<HeapFigures> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const value = (name: string) => {
    const match = text.match(new RegExp(`^foundry_${name}(?:\\{[^}]*\\})? ([0-9.e+]+)$`, 'm'));
    if (!match) throw new Error(`/metrics has no foundry_${name}`);
    return Number(match[1]);
  };
  return {
    heapUsedBytes: value('nodejs_heap_size_used_bytes'),
    heapTotalBytes: value('nodejs_heap_size_total_bytes'),
    externalBytes: value('nodejs_external_memory_bytes'),
  };
}
