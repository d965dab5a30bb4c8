import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listWorkspaces, logIn, logInInput, revokeSession, signUp, signUpInput, userView, workspaceView, type SignedIn } from '../../auth/index.ts';
import type { AppDeps } from '../app-deps.ts';
import { requestToken, sessionCookie, userOf } from '../request-context.ts';
import { commonErrors } from '../route-schemas.ts';

const signedIn = z.object({ token: z.string(), user: userView, workspace: workspaceView });

export function authRoutes(deps: AppDeps) {
  const accountDeps = { db: deps.db, clock: deps.clock, sessionTtlHours: deps.config.sessionTtlHours };
  const rateLimit = { max: deps.config.authRateLimit, timeWindow: '1 minute' };
  const setCookie = (reply: FastifyReply, result: SignedIn) =>
    reply.setCookie(sessionCookie, result.token, {
      httpOnly: true, sameSite: 'lax', secure: deps.config.secureCookies, path: '/', expires: result.expiresAt,
    });

  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post('/api/auth/signup', {
      config: { public: true, rateLimit },
      schema: { tags: ['auth'], summary: 'Create an account and its personal workspace', body: signUpInput, response: { 201: signedIn, ...commonErrors } },
    }, async (request, reply) => {
      const result = await signUp(accountDeps, request.body, { requestId: request.id, ip: request.ip });
      setCookie(reply, result);
      return reply.status(201).send({ token: result.token, user: result.user, workspace: result.workspace });
    });

    r.post('/api/auth/login', {
      config: { public: true, rateLimit },
      schema: { tags: ['auth'], summary: 'Log in; sets the session cookie and returns a bearer token', body: logInInput, response: { 200: signedIn, ...commonErrors } },
    }, async (request, reply) => {
      const result = await logIn(accountDeps, request.body, { requestId: request.id, ip: request.ip });
      setCookie(reply, result);
      return { token: result.token, user: result.user, workspace: result.workspace };
    });

    r.post('/api/auth/logout', {
      config: { public: true },
      schema: { tags: ['auth'], summary: 'End the current session', response: { 204: z.null() } },
    }, async (request, reply) => {
      const token = requestToken(request);
      if (token) await revokeSession(deps.db, token, deps.clock);
      reply.clearCookie(sessionCookie, { path: '/' });
      return reply.status(204).send(null);
    });

    r.get('/api/auth/me', {
      schema: { tags: ['auth'], summary: 'The current user and their workspaces', response: { 200: z.object({ user: userView, workspaces: z.array(workspaceView) }), ...commonErrors } },
    }, async (request) => {
      const user = userOf(request);
      return { user, workspaces: await listWorkspaces(deps.db, user.id) };
    });
  };
}
