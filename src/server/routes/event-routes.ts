import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loadProject } from '../../projects/index.ts';
import type { AppDeps } from '../app-deps.ts';
import { startEventStream } from '../event-stream.ts';
import { contextOf } from '../request-context.ts';
import { commonErrors, idParams } from '../route-schemas.ts';

/** Server-sent events of one project: message.created, project.updated, artifact.created, member.changed. */
export function eventRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const open = new Set<() => void>();
    // Streams never go idle, so end them before the server waits for its connections to close.
    app.addHook('preClose', async () => {
      for (const end of open) end();
    });
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.get('/api/projects/:id/events', {
      schema: {
        tags: ['conversations'], summary: 'Live project events (text/event-stream)',
        description: 'EventSource cannot send headers: pass the workspace as `?workspace=<id>`; the session cookie authenticates.',
        params: idParams, querystring: z.object({ workspace: z.string().optional() }), response: commonErrors,
      },
    }, async (request, reply) => {
      const ctx = contextOf(request);
      const projectId = request.params.id;
      await loadProject(deps.db, ctx, projectId);
      let unsubscribe = () => {};
      const stream = startEventStream(request, reply, open, () => unsubscribe());
      stream.write(`event: ready\ndata: ${JSON.stringify({ projectId })}\n\n`);
      unsubscribe = deps.events.subscribe(ctx.workspaceId, (event) => {
        if (event.projectId !== projectId) return;
        stream.write(`event: ${event.type}\ndata: ${JSON.stringify({ type: event.type, projectId, ...event.data })}\n\n`);
      });
    });
  };
}
