import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { resolveContext } from '../../auth/index.ts';
import {
  budgetParams, budgetView, listBudgets, projectUsage, removeBudget, setBudget, setBudgetInput, usageQuery, usageSummaryView, workspaceUsage,
} from '../../models/index.ts';
import type { AppDeps } from '../app-deps.ts';
import { contextOf, userOf } from '../request-context.ts';
import { commonErrors, idParams, items } from '../route-schemas.ts';

const rangeDescription = 'Range [from, to): `from` and `to` are dates (UTC; a date `to` includes that day) or ISO 8601 instants; '
  + 'the default is the current calendar month. `limit` latest records are included (default 20). 400 INVALID_RANGE for an empty '
  + 'or reversed range, or one over 731 days.';

export function usageRoutes(deps: AppDeps) {
  const modelDeps = { db: deps.db, clock: deps.clock };
  /** The caller's context in the workspace the path names; 404 WORKSPACE_NOT_FOUND unless they are a member. */
  const workspaceOf = (request: FastifyRequest, workspaceId: string) =>
    resolveContext(deps.db, { user: userOf(request), workspaceId, requestId: request.id });

  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['usage'];
    r.get('/api/workspaces/:id/usage', {
      schema: {
        tags, summary: "The workspace's model usage and cost: totals, by model, operation, project and day, and the latest records",
        description: rangeDescription, params: idParams, querystring: usageQuery, response: { 200: usageSummaryView, ...commonErrors },
      },
    }, async (request) => workspaceUsage(modelDeps, await workspaceOf(request, request.params.id), request.query));

    r.get('/api/projects/:id/usage', {
      schema: {
        tags, summary: "A project's model usage and cost", description: rangeDescription,
        params: idParams, querystring: usageQuery, response: { 200: usageSummaryView, ...commonErrors },
      },
    }, async (request) => projectUsage(modelDeps, contextOf(request), request.params.id, request.query));

    r.get('/api/workspaces/:id/budgets', {
      schema: { tags, summary: "The workspace's budgets with what each has spent in its current period", params: idParams, response: { 200: items(budgetView), ...commonErrors } },
    }, async (request) => ({ items: await listBudgets(modelDeps, await workspaceOf(request, request.params.id)) }));

    r.put('/api/workspaces/:id/budgets', {
      schema: {
        tags, summary: 'Set the budget of the workspace, one of its projects or one of its runs (owners and admins)',
        description: 'Creates or replaces the budget of `scope`/`scopeId`. Once the spend of its period reaches `limitUsd`, provider calls in the scope are refused with 402 BUDGET_EXCEEDED.',
        params: idParams, body: setBudgetInput, response: { 200: budgetView, ...commonErrors },
      },
    }, async (request) => setBudget(modelDeps, await workspaceOf(request, request.params.id), request.body));

    r.delete('/api/workspaces/:id/budgets/:scope/:scopeId', {
      schema: { tags, summary: 'Remove a budget (owners and admins)', params: budgetParams, response: { 204: z.null(), ...commonErrors } },
    }, async (request, reply) => {
      const { id, scope, scopeId } = request.params;
      await removeBudget(modelDeps, await workspaceOf(request, id), scope, scopeId);
      return reply.status(204).send(null);
    });
  };
}
