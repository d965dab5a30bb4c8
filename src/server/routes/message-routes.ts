import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { enqueueConversationTurn } from '../../agents/index.ts';
import { listMessages, messageView, postMessage, postMessageInput } from '../../projects/index.ts';
import type { AppDeps } from '../app-deps.ts';
import { contextOf } from '../request-context.ts';
import { commonErrors, idParams, limitSchema, page } from '../route-schemas.ts';

export function messageRoutes(deps: AppDeps) {
  const projectDeps = { db: deps.db, events: deps.events, clock: deps.clock };
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['conversations'];
    r.get('/api/projects/:id/messages', {
      schema: {
        tags, summary: 'The conversation, a page at a time (chronological within a page)',
        description: 'Without cursors: the newest page. `before`: the page older than a cursor (use nextCursor). `after`: messages newer than a cursor.',
        params: idParams,
        querystring: z.object({ limit: limitSchema(200, 50), before: z.string().max(200).optional(), after: z.string().max(200).optional() }),
        response: { 200: page(messageView), ...commonErrors },
      },
    }, async (request) => listMessages(projectDeps, contextOf(request), request.params.id, request.query));

    r.post('/api/projects/:id/messages', {
      schema: {
        tags, summary: 'Post a message to the project conversation',
        description: 'The project\'s agent answers in a durable turn: its reply is a new message (a `message.typing` then a `message.created` event on the project stream), with `metadata.replyTo` set to this message.',
        params: idParams, body: postMessageInput,
        response: { 201: z.object({ message: messageView, notice: z.string() }), ...commonErrors },
      },
    }, async (request, reply) => {
      const ctx = contextOf(request);
      let turn: string | undefined;
      const posted = await postMessage(projectDeps, ctx, request.params.id, request.body, async (tx, message) => {
        turn = await enqueueConversationTurn(tx, deps.queue, message, ctx.userId);
      });
      if (turn) deps.queue.kick?.(turn);
      return reply.status(201).send(posted);
    });
  };
}
