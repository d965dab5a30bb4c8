import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  approvalBody, controlRun, decideApproval, getRun, listRunEvents, listRuns, runEventView, runEventsAfter, runEventsBusType, runForStream,
  runStates, runSummaryView, runView, startRun, startRunBody, startWorkflowRunBody, triggerKinds, type RunDeps,
} from '../../engine/index.ts';
import type { AppDeps } from '../app-deps.ts';
import { startEventStream } from '../event-stream.ts';
import { contextOf } from '../request-context.ts';
import { commonErrors, idParams, items, limitSchema } from '../route-schemas.ts';

const terminal = new Set(['succeeded', 'failed', 'compensated', 'cancelled']);

export function runRoutes(deps: AppDeps) {
  const runDeps = (): RunDeps => {
    const names = new Set(deps.plugins.tools().map((t) => t.name));
    return { db: deps.db, queue: deps.queue, clock: deps.clock, hasTool: (name) => names.has(name) };
  };
  return async (app: FastifyInstance) => {
    const open = new Set<() => void>();
    app.addHook('preClose', async () => {
      for (const end of open) end();
    });
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['runs'];

    r.post('/api/runs', {
      schema: {
        tags, summary: 'Start a run of a saved workflow (workflowId) or of an ad-hoc definition; 202 with the queued run', body: startRunBody,
        response: { 202: runView, ...commonErrors },
      },
    }, async (request, reply) => reply.status(202).send(await startRun(runDeps(), contextOf(request), request.body)));

    r.post('/api/workflows/:id/runs', {
      schema: { tags, summary: 'Start a run of this workflow (latest version unless given) with an input object', params: idParams, body: startWorkflowRunBody, response: { 202: runView, ...commonErrors } },
    }, async (request, reply) => reply.status(202).send(await startRun(runDeps(), contextOf(request), { ...request.body, workflowId: request.params.id })));

    r.get('/api/runs', {
      schema: {
        tags, summary: 'Runs of the workspace, newest first',
        description: 'Foundry\'s own jobs (conversation turns, knowledge ingestion: trigger `system`) are left out unless `trigger=system` asks for them.',
        querystring: z.object({
          workflowId: z.uuid().optional(), status: z.enum(runStates).optional(), trigger: z.enum(triggerKinds).optional(), limit: limitSchema(200, 50),
        }),
        response: { 200: items(runSummaryView), ...commonErrors },
      },
    }, async (request) => ({ items: await listRuns(deps.db, contextOf(request), request.query) }));

    r.get('/api/runs/:id', { schema: { tags, summary: 'A run with its steps and their attempts', params: idParams, response: { 200: runView, ...commonErrors } } },
      async (request) => getRun(deps.db, contextOf(request), request.params.id));

    for (const action of ['cancel', 'pause', 'resume'] as const) {
      r.post(`/api/runs/:id/${action}`, {
        schema: { tags, summary: `${action[0]!.toUpperCase()}${action.slice(1)} the run (409 INVALID_RUN_TRANSITION when its state forbids it)`, params: idParams, response: { 200: runView, ...commonErrors } },
      }, async (request) => controlRun(runDeps(), contextOf(request), request.params.id, action));
    }

    for (const decision of ['approve', 'reject'] as const) {
      r.post(`/api/runs/:id/${decision}`, {
        schema: { tags, summary: `${decision === 'approve' ? 'Approve' : 'Reject'} a waiting approval step`, params: idParams, body: approvalBody, response: { 200: runView, ...commonErrors } },
      }, async (request) => decideApproval(runDeps(), contextOf(request), request.params.id, { ...request.body, approve: decision === 'approve' }));
    }

    const afterQuery = z.object({ after: z.coerce.number().int().min(0).default(0), workspace: z.string().optional() });
    r.get('/api/runs/:id/events', {
      schema: { tags, summary: 'The run timeline after a sequence number', params: idParams, querystring: afterQuery, response: { 200: items(runEventView), ...commonErrors } },
    }, async (request) => ({ items: await listRunEvents(deps.db, contextOf(request), request.params.id, request.query.after) }));

    r.get('/api/runs/:id/stream', {
      schema: {
        tags, summary: 'Live run events (text/event-stream); ends after run.completed',
        description: 'Sends the stored events after `after`, then live ones, each with `id: <seq>`. EventSource cannot send headers: pass `?workspace=<id>`; the session cookie authenticates.',
        params: idParams, querystring: afterQuery, response: commonErrors,
      },
    }, async (request, reply) => {
      const ctx = contextOf(request);
      const run = await runForStream(deps.db, ctx, request.params.id);
      let unsubscribe = () => {};
      const stream = startEventStream(request, reply, open, () => unsubscribe());
      let last = Math.max(request.query.after, Number(request.headers['last-event-id'] ?? 0) || 0);
      let sending = Promise.resolve();
      const send = () => {
        sending = sending.then(async () => {
          if (stream.ended) return;
          const events = await runEventsAfter(deps.db, run, last);
          for (const event of events) {
            stream.write(`id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
            last = event.seq;
            if (event.type === 'run.completed') stream.end();
          }
        }).catch((error: unknown) => request.log.warn({ err: error }, 'run stream read failed'));
      };
      unsubscribe = deps.events.subscribe(ctx.workspaceId, (event) => {
        if (event.type === runEventsBusType && event.data.runId === run.id) send();
      });
      send();
      // A run that had already ended before `after` has no run.completed left to send.
      if (terminal.has(run.status)) sending = sending.then(() => stream.end());
    });
  };
}
