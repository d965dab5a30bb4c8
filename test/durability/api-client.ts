/** A minimal HTTP client for the durability tests, which talk to `foundry serve` child processes. */

export interface ApiResponse {
  status: number;
  body: unknown;
  text: string;
}

/** Calls the API and parses the JSON body; throws on connection errors. */
export async function api(baseUrl: string, method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<ApiResponse> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, body, text };
}

/** Calls the API and insists on one status; returns the parsed body. */
export async function expectStatus<T>(baseUrl: string, method: string, path: string, status: number, options: { token?: string; body?: unknown } = {}): Promise<T> {
  const response = await api(baseUrl, method, path, options);
  if (response.status !== status) throw new Error(`${method} ${path} answered ${response.status} (expected ${status}): ${response.text}`);
  return response.body as T;
}

export interface SignedUp {
  token: string;
  userId: string;
  email: string;
}

export async function signUp(baseUrl: string, name = 'Durability Tester'): Promise<SignedUp> {
  const email = `durable-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const body = await expectStatus<{ token: string; user: { id: string } }>(baseUrl, 'POST', '/api/auth/signup', 201, {
    body: { email, password: 'correct horse battery', name },
  });
  return { token: body.token, userId: body.user.id, email };
}

export interface ProjectItem {
  id: string;
  name: string;
  description: string;
  studio: string;
}

export interface MessageItem {
  id: string;
  projectId: string;
  content: string;
  role: string;
}

/** Every project of the caller's workspace, following the cursors. */
export async function listAllProjects(baseUrl: string, token: string): Promise<ProjectItem[]> {
  const all: ProjectItem[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 10_000; page++) {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const body: { items: ProjectItem[]; nextCursor: string | null } = await expectStatus(baseUrl, 'GET', `/api/projects?limit=100${query}`, 200, { token });
    all.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) return all;
  }
  throw new Error('listAllProjects: too many pages');
}

/** Every message of a project, following the `before` cursors back to the first. */
export async function listAllMessages(baseUrl: string, token: string, projectId: string): Promise<MessageItem[]> {
  const pages: MessageItem[][] = [];
  let before: string | null = null;
  for (let page = 0; page < 10_000; page++) {
    const query: string = before ? `&before=${encodeURIComponent(before)}` : '';
    const body: { items: MessageItem[]; nextCursor: string | null } = await expectStatus(baseUrl, 'GET', `/api/projects/${projectId}/messages?limit=200${query}`, 200, { token });
    pages.unshift(body.items);
    before = body.nextCursor;
    if (!before) return pages.flat();
  }
  throw new Error('listAllMessages: too many pages');
}

/** Runs `fn` over `items` with at most `concurrency` calls at a time. */
export async function mapLimit<T, R>(items: T[], concurrency: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  });
  await Promise.all(workers);
  return results;
}
