import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Registry } from 'prom-client';
import { z } from 'zod';
import type { AppDeps } from '../app-deps.ts';

/** Liveness, readiness (the database answers) and Prometheus metrics. */
export function healthRoutes(deps: AppDeps, registry: Registry) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['operations'];
    r.get('/healthz', { config: { public: true }, schema: { tags, summary: 'The process is alive', response: { 200: z.object({ status: z.literal('ok') }) } } },
      async () => ({ status: 'ok' as const }));

    r.get('/readyz', {
      config: { public: true },
      schema: { tags, summary: 'The process can serve: the database answers', response: { 200: z.object({ status: z.literal('ready') }), 503: z.object({ status: z.literal('unavailable'), reason: z.string() }) } },
    }, async (_request, reply) => {
      try {
        await deps.ping();
        return { status: 'ready' as const };
      } catch {
        return reply.status(503).send({ status: 'unavailable' as const, reason: 'database unreachable' });
      }
    });

    r.get('/metrics', { config: { public: true }, schema: { tags, summary: 'Prometheus metrics' } }, async (_request, reply) =>
      reply.header('content-type', registry.contentType).send(await registry.metrics()));
  };
}
