import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createTrigger, createTriggerBody, deleteTrigger, getTrigger, listTriggers, receiveWebhook, rotateWebhookSecret, startSystemRun, triggerView,
  updateTrigger, updateTriggerBody, type RunDeps, type WebhookDeps,
} from '../../engine/index.ts';
import type { AppDeps } from '../app-deps.ts';
import { contextOf } from '../request-context.ts';
import { commonErrors, idParams, items } from '../route-schemas.ts';

const webhookDescription = [
  'Starts a run of the trigger\'s workflow with the JSON body as input. No login: the request is signed with the trigger\'s secret.',
  'Headers: `X-Foundry-Timestamp: <unix seconds>` and `X-Foundry-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`;',
  'the timestamp must be within 5 minutes of the server\'s clock. An `Idempotency-Key` header (or else the signature) makes a repeated',
  'delivery answer with the first run. Errors: 401 WEBHOOK_SIGNATURE_INVALID / WEBHOOK_TIMESTAMP_STALE, 404 TRIGGER_NOT_FOUND,',
  '409 TRIGGER_PAUSED, 400 WEBHOOK_PAYLOAD_INVALID (details.problems).',
].join(' ');

export function triggerRoutes(deps: AppDeps) {
  const triggerDeps = { db: deps.db, keys: deps.keys, clock: deps.clock };
  const webhookDeps = (): WebhookDeps => {
    const names = new Set(deps.plugins.tools().map((t) => t.name));
    const runDeps: RunDeps = { db: deps.db, queue: deps.queue, clock: deps.clock, hasTool: (name) => names.has(name) };
    return { ...triggerDeps, logger: deps.logger, startRun: (request) => startSystemRun(runDeps, request) };
  };

  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['triggers'];
    r.get('/api/workflows/:id/triggers', {
      schema: { tags, summary: 'Triggers of a workflow, with their last and next firing', params: idParams, response: { 200: items(triggerView), ...commonErrors } },
    }, async (request) => ({ items: await listTriggers(deps.db, contextOf(request), request.params.id) }));

    r.post('/api/workflows/:id/triggers', {
      schema: {
        tags, summary: 'Add a schedule, webhook, file or email trigger (a webhook\'s secret is shown in this answer only)',
        params: idParams, body: createTriggerBody, response: { 201: triggerView, ...commonErrors },
      },
    }, async (request, reply) => reply.status(201).send(await createTrigger(triggerDeps, contextOf(request), request.params.id, request.body)));

    r.get('/api/triggers/:id', { schema: { tags, summary: 'A trigger', params: idParams, response: { 200: triggerView, ...commonErrors } } },
      async (request) => getTrigger(deps.db, contextOf(request), request.params.id));

    r.patch('/api/triggers/:id', {
      schema: { tags, summary: 'Rename, pause or resume a trigger, or replace its config', params: idParams, body: updateTriggerBody, response: { 200: triggerView, ...commonErrors } },
    }, async (request) => updateTrigger(triggerDeps, contextOf(request), request.params.id, request.body));

    r.delete('/api/triggers/:id', { schema: { tags, summary: 'Delete a trigger', params: idParams, response: { 204: z.null(), ...commonErrors } } },
      async (request, reply) => {
        await deleteTrigger(triggerDeps, contextOf(request), request.params.id);
        return reply.status(204).send(null);
      });

    r.post('/api/triggers/:id/rotate-secret', {
      schema: { tags, summary: 'Give a webhook trigger a new secret (shown in this answer only); the old one stops working', params: idParams, response: { 200: triggerView, ...commonErrors } },
    }, async (request) => rotateWebhookSecret(triggerDeps, contextOf(request), request.params.id));

    // The signature covers the exact bytes, so this route alone reads the body raw, whatever its type.
    await app.register(async (hooks: FastifyInstance) => {
      hooks.removeAllContentTypeParsers();
      hooks.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
      hooks.withTypeProvider<ZodTypeProvider>().post('/api/hooks/:id', {
        config: { public: true },
        schema: {
          tags, summary: 'Deliver a signed webhook: starts a run', description: webhookDescription, security: [],
          params: idParams, response: { 202: z.object({ runId: z.uuid() }), ...commonErrors },
        },
      }, async (request, reply) => {
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const started = await receiveWebhook(webhookDeps(), { triggerId: request.params.id, headers: request.headers, body });
        return reply.status(202).send(started);
      });
    });
  };
}
