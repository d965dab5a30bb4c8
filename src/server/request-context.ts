import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticateToken, resolveContext, type UserView } from '../auth/index.ts';
import { ForbiddenError, UnauthenticatedError } from '../kernel/index.ts';
import type { AppDeps } from './app-deps.ts';

export const sessionCookie = 'foundry_session';

declare module 'fastify' {
  interface FastifyRequest {
    user?: UserView;
  }
  interface FastifyContextConfig {
    /** Routes that answer without authentication. */
    public?: boolean;
  }
}

/** The bearer token or the session cookie of a request, if any. */
export function requestToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.toLowerCase().startsWith('bearer ')) return header.slice(7).trim();
  return request.cookies[sessionCookie] || undefined;
}

/** The workspace a request acts in: the X-Foundry-Workspace header or the `workspace` query parameter. */
function requestedWorkspace(request: FastifyRequest): string | undefined {
  const header = request.headers['x-foundry-workspace'];
  if (typeof header === 'string' && header) return header;
  const query = request.query as Record<string, unknown> | undefined;
  return typeof query?.workspace === 'string' && query.workspace ? query.workspace : undefined;
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie-authenticated changes must come from our own pages: a browser names the page's origin in
 * `Origin`, and another site's differs from our host. (SameSite=Lax already keeps the cookie off
 * cross-site POSTs; this also covers sibling subdomains.) Bearer tokens are not sent by browsers
 * on their own, so they need no such check.
 */
function assertSameOrigin(request: FastifyRequest): void {
  const origin = request.headers.origin;
  if (safeMethods.has(request.method) || origin === undefined) return;
  let host: string | undefined;
  try {
    host = new URL(origin).host;
  } catch {
    host = undefined;
  }
  if (host !== request.host) {
    throw new ForbiddenError({ code: 'CROSS_ORIGIN_REJECTED', message: 'This change was requested by another site; use Foundry itself or an API token.' });
  }
}

/** onRequest hook: authenticates every non-public API route and attaches the request context. */
export function authenticateRequests(deps: AppDeps) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    if (request.routeOptions.config.public || !request.url.startsWith('/api/')) return;
    const token = requestToken(request);
    if (!token) throw new UnauthenticatedError();
    if (!request.headers.authorization) assertSameOrigin(request);
    const { user } = await authenticateToken(deps.db, token, deps.clock);
    request.user = user;
    request.ctx = await resolveContext(deps.db, { user, workspaceId: requestedWorkspace(request), requestId: request.id });
  };
}

export { contextOf } from '../kernel/index.ts';

export function userOf(request: FastifyRequest): UserView {
  if (!request.user) throw new UnauthenticatedError();
  return request.user;
}
