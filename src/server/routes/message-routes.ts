import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { awaitReply, enqueueConversationTurn } from '../../agents/index.ts';
import { listMessages, loadProject, messageView, postMessage, postMessageInput } from '../../projects/index.ts';
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
        description: 'The project\'s agent answers in a durable turn: its reply is a new message (a `message.typing` then a `message.created` event on the project stream), with `metadata.replyTo` set to this message. '
          + 'With `wait` (seconds; by default 30 in studios with their own agent, such as the product studio, 0 elsewhere) the response also carries the reply, and the project\'s stage after it; `reply` is null when the agent took longer.',
        params: idParams, body: postMessageInput, querystring: z.object({ wait: z.coerce.number().min(0).max(120).optional() }),
        response: { 201: z.object({ message: messageView, notice: z.string(), reply: messageView.nullable(), stage: z.string().nullable() }), ...commonErrors },
      },
    }, async (request, reply) => {
      const ctx = contextOf(request);
      let turn: string | undefined;
      const posted = await postMessage(projectDeps, ctx, request.params.id, request.body, async (tx, message) => {
        turn = await enqueueConversationTurn(tx, deps.queue, message, ctx.userId);
      });
      if (turn) deps.queue.kick?.(turn);
      const { project } = await loadProject(deps.db, ctx, request.params.id);
      const wait = request.query.wait ?? (deps.plugins.conversationHandler(project.studio) ? 30 : 0);
      const answered = await awaitReply(deps, { ...posted.message, workspaceId: ctx.workspaceId }, wait * 1000);
      const stage = answered ? (await loadProject(deps.db, ctx, request.params.id)).project.stage : project.stage;
      return reply.status(201).send({ ...posted, notice: answered ? 'Message saved. The assistant replied.' : posted.notice, reply: answered ?? null, stage });
    });
  };
}
