import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { resolveContext } from '../../auth/index.ts';
import {
  deleteRoleSetting, listRoleSettings, modelRoleSchema, putRoleSetting, putRoleSettingInput, roleSettingView, roleTestView,
} from '../../models/index.ts';
import { requireWorkspaceRole } from '../../kernel/index.ts';
import type { AppDeps } from '../app-deps.ts';
import { userOf } from '../request-context.ts';
import { commonErrors, idParams } from '../route-schemas.ts';

const roleParams = idParams.extend({ role: modelRoleSchema });

export function modelSettingsRoutes(deps: AppDeps) {
  const settings = { db: deps.db, keys: deps.keys, config: deps.config, builtinModel: deps.models.builtinModel };
  /** The caller's context in the workspace the path names; 404 WORKSPACE_NOT_FOUND unless they are a member. */
  const workspaceOf = (request: FastifyRequest, workspaceId: string) =>
    resolveContext(deps.db, { user: userOf(request), workspaceId, requestId: request.id });

  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['models'];
    r.get('/api/workspaces/:id/models', {
      schema: {
        tags, summary: 'The provider and model of every role (chat, extraction, coding, embedding, image) and where each comes from',
        params: idParams, response: { 200: z.object({ roles: z.array(roleSettingView) }), ...commonErrors },
      },
    }, async (request) => ({ roles: await listRoleSettings(settings, await workspaceOf(request, request.params.id)) }));

    r.put('/api/workspaces/:id/models/:role', {
      schema: {
        tags, summary: "Set a role's provider and model for the workspace (owners and admins)",
        description: 'The API key comes from `credentialId`, a credential of this workspace (a string secret, or one with an `apiKey` field). '
          + '`baseUrl` is required for `openai-compatible` and must pass the SSRF guard (private and loopback addresses need FOUNDRY_SSRF_ALLOW).',
        params: roleParams, body: putRoleSettingInput, response: { 200: roleSettingView, ...commonErrors },
      },
    }, async (request) => putRoleSetting(settings, await workspaceOf(request, request.params.id), request.params.role, request.body));

    r.delete('/api/workspaces/:id/models/:role', {
      schema: { tags, summary: "Remove the workspace's setting of a role; the environment's applies again (owners and admins)", params: roleParams, response: { 200: roleSettingView, ...commonErrors } },
    }, async (request) => deleteRoleSetting(settings, await workspaceOf(request, request.params.id), request.params.role));

    r.post('/api/workspaces/:id/models/:role/test', {
      schema: {
        tags, summary: "Make one tiny real call with the role's engine and report whether it worked (owners and admins)",
        description: 'No retries, cache or fallback; the call is recorded as usage (operation `test`). A failure is reported in `error`, not as an HTTP error.',
        params: roleParams, response: { 200: roleTestView, ...commonErrors },
      },
    }, async (request) => {
      const ctx = await workspaceOf(request, request.params.id);
      requireWorkspaceRole(ctx, 'admin', 'test the models of the workspace');
      return deps.models.testRole(ctx.workspaceId, request.params.role);
    });
  };
}
