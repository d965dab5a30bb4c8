import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  addMember, changeMemberRole, createWorkspace, currentWorkspace, emailSchema, listAudit, listMembers, listWorkspaces,
  memberView, removeMember, workspaceRoleSchema, workspaceView,
} from '../../auth/index.ts';
import type { AppDeps } from '../app-deps.ts';
import { contextOf } from '../request-context.ts';
import { commonErrors, items, limitSchema, userIdParams } from '../route-schemas.ts';

const auditEvent = z.object({
  seq: z.number(), actorId: z.string().nullable(), action: z.string(), targetType: z.string().nullable(),
  targetId: z.string().nullable(), details: z.record(z.string(), z.unknown()), createdAt: z.string(),
});

export function workspaceRoutes(deps: AppDeps) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['workspaces'];
    r.get('/api/workspaces', { schema: { tags, summary: 'Workspaces you belong to', response: { 200: items(workspaceView), ...commonErrors } } },
      async (request) => ({ items: await listWorkspaces(deps.db, contextOf(request).userId) }));

    r.post('/api/workspaces', {
      schema: { tags, summary: 'Create a shared workspace', body: z.object({ name: z.string().trim().min(1).max(120) }), response: { 201: workspaceView, ...commonErrors } },
    }, async (request, reply) => reply.status(201).send(await createWorkspace(deps.db, contextOf(request), request.body.name)));

    r.get('/api/workspace', { schema: { tags, summary: 'The current workspace (X-Foundry-Workspace header)', response: { 200: workspaceView, ...commonErrors } } },
      async (request) => currentWorkspace(deps.db, contextOf(request)));

    r.get('/api/workspace/members', { schema: { tags, summary: 'Members of the current workspace', response: { 200: items(memberView), ...commonErrors } } },
      async (request) => ({ items: await listMembers(deps.db, contextOf(request)) }));

    r.post('/api/workspace/members', {
      schema: { tags, summary: 'Add an existing user to the workspace', body: z.object({ email: emailSchema, role: workspaceRoleSchema }), response: { 201: memberView, ...commonErrors } },
    }, async (request, reply) => reply.status(201).send(await addMember(deps.db, contextOf(request), request.body)));

    r.patch('/api/workspace/members/:userId', {
      schema: { tags, summary: "Change a member's role", params: userIdParams, body: z.object({ role: workspaceRoleSchema }), response: { 200: memberView, ...commonErrors } },
    }, async (request) => changeMemberRole(deps.db, contextOf(request), request.params.userId, request.body.role));

    r.delete('/api/workspace/members/:userId', {
      schema: { tags, summary: 'Remove a member (or leave)', params: userIdParams, response: { 204: z.null(), ...commonErrors } },
    }, async (request, reply) => {
      await removeMember(deps.db, contextOf(request), request.params.userId);
      return reply.status(204).send(null);
    });

    r.get('/api/audit', {
      schema: {
        tags, summary: "The workspace's audit log, newest first (owners and admins)",
        querystring: z.object({ limit: limitSchema(200, 50), before: z.coerce.number().int().positive().optional() }),
        response: { 200: z.object({ items: z.array(auditEvent), nextCursor: z.number().nullable() }), ...commonErrors },
      },
    }, async (request) => listAudit(deps.db, contextOf(request), request.query));
  };
}
