import { ForbiddenError } from './errors.ts';

export const workspaceRoles = ['owner', 'admin', 'editor', 'viewer'] as const;
export type WorkspaceRole = (typeof workspaceRoles)[number];

export const projectRoles = ['owner', 'editor', 'viewer'] as const;
export type ProjectRole = (typeof projectRoles)[number];

/**
 * Who is acting, in which workspace, with which role. Every data access takes one;
 * there is no query without it.
 */
export interface RequestContext {
  readonly userId: string;
  readonly workspaceId: string;
  readonly role: WorkspaceRole;
  readonly requestId?: string;
}

const workspaceRank: Record<WorkspaceRole, number> = { viewer: 0, editor: 1, admin: 2, owner: 3 };
const projectRank: Record<ProjectRole, number> = { viewer: 0, editor: 1, owner: 2 };

export function hasWorkspaceRole(ctx: RequestContext, atLeast: WorkspaceRole): boolean {
  return workspaceRank[ctx.role] >= workspaceRank[atLeast];
}

export function requireWorkspaceRole(ctx: RequestContext, atLeast: WorkspaceRole, action: string): void {
  if (!hasWorkspaceRole(ctx, atLeast)) {
    throw new ForbiddenError({
      message: `Only a workspace ${atLeast} or higher may ${action}; your role is ${ctx.role}.`,
      details: { required: atLeast, role: ctx.role },
    });
  }
}

export function projectRoleAtLeast(role: ProjectRole, atLeast: ProjectRole): boolean {
  return projectRank[role] >= projectRank[atLeast];
}

export function higherProjectRole(a: ProjectRole, b: ProjectRole | null | undefined): ProjectRole {
  if (!b) return a;
  return projectRank[a] >= projectRank[b] ? a : b;
}

/** The project role a workspace role grants on every project of the workspace. */
export function impliedProjectRole(role: WorkspaceRole): ProjectRole {
  if (role === 'owner' || role === 'admin') return 'owner';
  return role;
}
