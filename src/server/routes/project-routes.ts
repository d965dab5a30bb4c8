import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { emailSchema } from '../../auth/index.ts';
import {
  addProjectMember, changeProjectMemberRole, createProject, createProjectInput, deleteProject, getProject, listProjectMembers,
  listProjects, projectMemberView, projectRoleSchema, projectStatusSchema, projectView, removeProjectMember, studioSchema,
  updateProject, updateProjectInput,
} from '../../projects/index.ts';
import type { AppDeps } from '../app-deps.ts';
import { contextOf } from '../request-context.ts';
import { commonErrors, idParams, items, limitSchema, page, projectMemberParams } from '../route-schemas.ts';

export function projectRoutes(deps: AppDeps) {
  const projectDeps = { db: deps.db, events: deps.events, clock: deps.clock };
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['projects'];
    r.get('/api/projects', {
      schema: {
        tags, summary: 'Projects of the current workspace, newest first',
        querystring: z.object({ limit: limitSchema(100, 50), cursor: z.string().max(500).optional(), status: projectStatusSchema.optional(), studio: studioSchema.optional() }),
        response: { 200: page(projectView), ...commonErrors },
      },
    }, async (request) => listProjects(deps.db, contextOf(request), request.query));

    r.post('/api/projects', { schema: { tags, summary: 'Create a project', body: createProjectInput, response: { 201: projectView, ...commonErrors } } },
      async (request, reply) => reply.status(201).send(await createProject(projectDeps, contextOf(request), request.body)));

    r.get('/api/projects/:id', { schema: { tags, summary: 'A project', params: idParams, response: { 200: projectView, ...commonErrors } } },
      async (request) => getProject(deps.db, contextOf(request), request.params.id));

    r.patch('/api/projects/:id', { schema: { tags, summary: 'Change a project', params: idParams, body: updateProjectInput, response: { 200: projectView, ...commonErrors } } },
      async (request) => updateProject(projectDeps, contextOf(request), request.params.id, request.body));

    r.delete('/api/projects/:id', { schema: { tags, summary: 'Delete a project and everything in it', params: idParams, response: { 204: z.null(), ...commonErrors } } },
      async (request, reply) => {
        await deleteProject(projectDeps, contextOf(request), request.params.id);
        return reply.status(204).send(null);
      });

    r.get('/api/projects/:id/members', { schema: { tags, summary: 'Project members', params: idParams, response: { 200: items(projectMemberView), ...commonErrors } } },
      async (request) => ({ items: await listProjectMembers(projectDeps, contextOf(request), request.params.id) }));

    r.post('/api/projects/:id/members', {
      schema: { tags, summary: 'Add a workspace member to the project', params: idParams, body: z.object({ email: emailSchema, role: projectRoleSchema }), response: { 201: projectMemberView, ...commonErrors } },
    }, async (request, reply) => reply.status(201).send(await addProjectMember(projectDeps, contextOf(request), request.params.id, request.body)));

    r.patch('/api/projects/:id/members/:userId', {
      schema: { tags, summary: "Change a project member's role", params: projectMemberParams, body: z.object({ role: projectRoleSchema }), response: { 200: projectMemberView, ...commonErrors } },
    }, async (request) => changeProjectMemberRole(projectDeps, contextOf(request), request.params.id, request.params.userId, request.body.role));

    r.delete('/api/projects/:id/members/:userId', {
      schema: { tags, summary: 'Remove a project member', params: projectMemberParams, response: { 204: z.null(), ...commonErrors } },
    }, async (request, reply) => {
      await removeProjectMember(projectDeps, contextOf(request), request.params.id, request.params.userId);
      return reply.status(204).send(null);
    });
  };
}
