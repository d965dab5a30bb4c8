import type { ProjectRole, WorkspaceRole } from './api-types.ts';

export const projectRoles: readonly ProjectRole[] = ['owner', 'editor', 'viewer'];
export const workspaceRoles: readonly WorkspaceRole[] = ['owner', 'admin', 'editor', 'viewer'];

const rank: Record<WorkspaceRole, number> = { viewer: 0, editor: 1, admin: 2, owner: 3 };

/** Whether a role is at least another (owner > admin > editor > viewer). */
export function roleAtLeast(role: WorkspaceRole, atLeast: WorkspaceRole): boolean {
  return rank[role] >= rank[atLeast];
}

export function roleLabel(role: string): string {
  return role.charAt(0).toUpperCase() + role.slice(1);
}
