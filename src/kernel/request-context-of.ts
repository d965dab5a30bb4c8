import type { FastifyRequest } from 'fastify';
import type { RequestContext } from './context.ts';
import { UnauthenticatedError } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the server's authentication hook on every authenticated API request. */
    ctx?: RequestContext;
  }
}

/** The context of an authenticated request; routes (the server's and plugins') call it instead of reading globals. */
export function contextOf(request: FastifyRequest): RequestContext {
  if (!request.ctx) throw new UnauthenticatedError();
  return request.ctx;
}
