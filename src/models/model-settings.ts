import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../auth/index.ts';
import { tables, type Db } from '../db/index.ts';
import { ValidationError, requireWorkspaceRole, type RequestContext } from '../kernel/index.ts';
import { checkOutboundUrl, ssrfAllowList, type HostResolver } from '../tools/index.ts';
import { getCredential, type MasterKeys } from '../vault/index.ts';
import { modelRoles, type ModelRole, type ProviderName } from './language-engine.ts';
import type { PutRoleSettingInput, RoleSettingView } from './model-settings-schemas.ts';
import { environmentTarget, trustedOrigins, type ModelConfig } from './provider-config.ts';

export interface ModelSettingsDeps {
  db: Db;
  keys: MasterKeys;
  config: ModelConfig;
  /** The built-in engine's model name, shown for roles nothing configures. */
  builtinModel: string;
  /** DNS for the SSRF check of a base URL (test seam). */
  resolve?: HostResolver;
}

export type RoleSettingRow = typeof tables.modelSettings.$inferSelect;

/** Which roles a provider can serve: Anthropic has no embedding or image models. */
export function providerServes(provider: ProviderName, role: ModelRole): boolean {
  return provider !== 'anthropic' || (role !== 'embedding' && role !== 'image');
}

/** The workspace's own setting of a role, if it has one. */
export async function findRoleSetting(db: Db, workspaceId: string, role: ModelRole): Promise<RoleSettingRow | undefined> {
  const [row] = await db.select().from(tables.modelSettings)
    .where(and(eq(tables.modelSettings.workspaceId, workspaceId), eq(tables.modelSettings.role, role)));
  return row;
}

function fallbackView(deps: Pick<ModelSettingsDeps, 'config' | 'builtinModel'>, role: ModelRole): RoleSettingView {
  const target = environmentTarget(deps.config, role);
  if (!target) return { role, provider: 'builtin', model: deps.builtinModel, baseUrl: null, credentialId: null, source: 'default' };
  return { role, provider: target.provider, model: target.model, baseUrl: target.baseUrl ?? null, credentialId: null, source: 'environment' };
}

const rowView = (row: RoleSettingRow): RoleSettingView => ({
  role: row.role as ModelRole, provider: row.provider as ProviderName, model: row.model, baseUrl: row.baseUrl, credentialId: row.credentialId, source: 'workspace',
});

/** Every role of the workspace: its own setting, else the environment's, else the built-in engine. Any member may read them. */
export async function listRoleSettings(deps: ModelSettingsDeps, ctx: RequestContext): Promise<RoleSettingView[]> {
  const rows = await deps.db.select().from(tables.modelSettings).where(eq(tables.modelSettings.workspaceId, ctx.workspaceId));
  const byRole = new Map(rows.map((r) => [r.role, r]));
  return modelRoles.map((role) => {
    const row = byRole.get(role);
    return row ? rowView(row) : fallbackView(deps, role);
  });
}

/**
 * Sets the provider and model of a role for the workspace (owners and admins). The credential
 * must be the workspace's; a base URL must pass the SSRF guard now (private and loopback
 * addresses need FOUNDRY_SSRF_ALLOW, unless it is the origin of a base URL the operator
 * configured), and again on every call.
 */
export async function putRoleSetting(deps: ModelSettingsDeps, ctx: RequestContext, role: ModelRole, input: PutRoleSettingInput): Promise<RoleSettingView> {
  requireWorkspaceRole(ctx, 'admin', 'change the models of the workspace');
  if (!providerServes(input.provider, role)) {
    throw new ValidationError({ code: 'PROVIDER_ROLE_UNSUPPORTED', message: `${input.provider} has no models for the ${role} role.`, details: [{ in: 'body', path: 'provider', message: `cannot serve ${role}` }] });
  }
  if (input.credentialId !== undefined) await getCredential({ db: deps.db, keys: deps.keys }, ctx, input.credentialId);
  if (input.baseUrl !== undefined && !trustedOrigins(deps.config).includes(new URL(input.baseUrl).origin)) {
    await checkOutboundUrl(input.baseUrl, { allow: ssrfAllowList(deps.config.ssrfAllow), resolve: deps.resolve });
  }
  const values = {
    provider: input.provider, model: input.provider === 'builtin' ? deps.builtinModel : input.model,
    baseUrl: input.baseUrl ?? null, credentialId: input.credentialId ?? null, updatedAt: new Date(),
  };
  return deps.db.transaction(async (tx) => {
    const [row] = await tx.insert(tables.modelSettings).values({ workspaceId: ctx.workspaceId, role, ...values })
      .onConflictDoUpdate({ target: [tables.modelSettings.workspaceId, tables.modelSettings.role], set: values }).returning();
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId, actorId: ctx.userId, action: 'model_settings.updated', targetType: 'model_role',
      details: { role, provider: values.provider, model: values.model, baseUrl: values.baseUrl, credentialId: values.credentialId }, requestId: ctx.requestId,
    });
    return rowView(row!);
  });
}

/** Removes the workspace's setting of a role, which falls back to the environment's (owners and admins). */
export async function deleteRoleSetting(deps: ModelSettingsDeps, ctx: RequestContext, role: ModelRole): Promise<RoleSettingView> {
  requireWorkspaceRole(ctx, 'admin', 'change the models of the workspace');
  await deps.db.transaction(async (tx) => {
    const removed = await tx.delete(tables.modelSettings)
      .where(and(eq(tables.modelSettings.workspaceId, ctx.workspaceId), eq(tables.modelSettings.role, role))).returning({ role: tables.modelSettings.role });
    if (removed.length > 0) {
      await recordAudit(tx, { workspaceId: ctx.workspaceId, actorId: ctx.userId, action: 'model_settings.deleted', targetType: 'model_role', details: { role }, requestId: ctx.requestId });
    }
  });
  return fallbackView(deps, role);
}
