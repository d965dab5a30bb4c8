import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createWorkflow, deleteWorkflow, getWorkflow, listWorkflowVersions, listWorkflows, updateWorkflow, validateWorkflowFor,
  workflowBody, workflowProblemView, workflowSummaryView, workflowVersionView, workflowView,
} from '../../engine/index.ts';
import type { AppDeps } from '../app-deps.ts';
import { contextOf } from '../request-context.ts';
import { commonErrors, idParams, items } from '../route-schemas.ts';

export function workflowRoutes(deps: AppDeps) {
  const tools = () => new Set(deps.plugins.tools().map((t) => t.name));
  const workflowDeps = () => {
    const names = tools();
    return { db: deps.db, hasTool: (name: string) => names.has(name) };
  };
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['workflows'];
    r.post('/api/workflows/validate', {
      schema: {
        tags, summary: 'Check a definition without saving it: every problem, with its node',
        body: workflowBody, response: { 200: z.object({ valid: z.boolean(), problems: z.array(workflowProblemView) }), ...commonErrors },
      },
    }, async (request) => {
      const result = await validateWorkflowFor(workflowDeps(), contextOf(request), request.body.definition);
      return { valid: result.ok, problems: result.ok ? [] : result.problems };
    });

    r.get('/api/workflows', { schema: { tags, summary: 'Workflows of the workspace', response: { 200: items(workflowSummaryView), ...commonErrors } } },
      async (request) => ({ items: await listWorkflows(deps.db, contextOf(request)) }));

    r.post('/api/workflows', {
      schema: { tags, summary: 'Save a valid definition as a new workflow (400 WORKFLOW_INVALID lists the problems)', body: workflowBody, response: { 201: workflowView, ...commonErrors } },
    }, async (request, reply) => reply.status(201).send(await createWorkflow(workflowDeps(), contextOf(request), request.body.definition)));

    r.get('/api/workflows/:id', {
      schema: {
        tags, summary: 'A workflow with the definition of its latest (or a given) version', params: idParams,
        querystring: z.object({ version: z.coerce.number().int().min(1).max(1_000_000).optional() }), response: { 200: workflowView, ...commonErrors },
      },
    }, async (request) => getWorkflow(deps.db, contextOf(request), request.params.id, request.query.version));

    r.put('/api/workflows/:id', {
      schema: { tags, summary: 'Save a new version of the workflow', params: idParams, body: workflowBody, response: { 200: workflowView, ...commonErrors } },
    }, async (request) => updateWorkflow(workflowDeps(), contextOf(request), request.params.id, request.body.definition));

    r.get('/api/workflows/:id/versions', { schema: { tags, summary: 'Saved versions of the workflow', params: idParams, response: { 200: items(workflowVersionView), ...commonErrors } } },
      async (request) => ({ items: await listWorkflowVersions(deps.db, contextOf(request), request.params.id) }));

    r.delete('/api/workflows/:id', { schema: { tags, summary: 'Delete a workflow and its versions', params: idParams, response: { 204: z.null(), ...commonErrors } } },
      async (request, reply) => {
        await deleteWorkflow(deps, contextOf(request), request.params.id);
        return reply.status(204).send(null);
      });
  };
}
