import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiTokenView, createApiToken, listApiTokens, revokeApiToken } from '../../auth/index.ts';
import type { AppDeps } from '../app-deps.ts';
import { contextOf } from '../request-context.ts';
import { commonErrors, idParams, items } from '../route-schemas.ts';

export function tokenRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['tokens'];
    r.get('/api/tokens', { schema: { tags, summary: 'Your API tokens (never their secrets)', response: { 200: items(apiTokenView), ...commonErrors } } },
      async (request) => ({ items: await listApiTokens(deps.db, contextOf(request)) }));

    r.post('/api/tokens', {
      config: { rateLimit: { max: deps.config.authRateLimit, timeWindow: '1 minute' } },
      schema: {
        tags, summary: 'Create an API token; the secret is shown once',
        body: z.object({ name: z.string().trim().min(1).max(100), expiresInDays: z.number().int().min(1).max(3650).optional() }),
        response: { 201: apiTokenView.extend({ token: z.string() }), ...commonErrors },
      },
    }, async (request, reply) => reply.status(201).send(await createApiToken(deps.db, contextOf(request), { ...request.body, clock: deps.clock })));

    r.delete('/api/tokens/:id', { schema: { tags, summary: 'Revoke an API token', params: idParams, response: { 204: z.null(), ...commonErrors } } },
      async (request, reply) => {
        await revokeApiToken(deps.db, contextOf(request), request.params.id, deps.clock);
        return reply.status(204).send(null);
      });
  };
}
