import { describe, expect, it } from 'vitest';
import {
  hasWorkspaceRole, higherProjectRole, impliedProjectRole, projectRoleAtLeast, projectRoles, requireWorkspaceRole, workspaceRoles,
  type ProjectRole, type RequestContext, type WorkspaceRole,
} from './context.ts';
import { FoundryError, ForbiddenError } from './errors.ts';

const ctx = (role: WorkspaceRole): RequestContext => ({ userId: 'u', workspaceId: 'w', role });

/** Lowest first. */
const workspaceOrder: WorkspaceRole[] = ['viewer', 'editor', 'admin', 'owner'];
const projectOrder: ProjectRole[] = ['viewer', 'editor', 'owner'];

describe('workspace roles', () => {
  it('lists every role the order below knows', () => {
    expect([...workspaceRoles].sort()).toEqual([...workspaceOrder].sort());
    expect([...projectRoles].sort()).toEqual([...projectOrder].sort());
  });

  it('ranks viewer < editor < admin < owner', () => {
    for (const [i, role] of workspaceOrder.entries()) {
      for (const [j, atLeast] of workspaceOrder.entries()) {
        expect(hasWorkspaceRole(ctx(role), atLeast), `${role} at least ${atLeast}`).toBe(i >= j);
      }
    }
  });

  it('requireWorkspaceRole passes at or above the role and throws a 403 FORBIDDEN below it', () => {
    expect(() => requireWorkspaceRole(ctx('admin'), 'admin', 'read the audit log')).not.toThrow();
    expect(() => requireWorkspaceRole(ctx('owner'), 'editor', 'create projects')).not.toThrow();

    let thrown: unknown;
    try {
      requireWorkspaceRole(ctx('editor'), 'admin', 'read the audit log');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ForbiddenError);
    expect(FoundryError.isInstance(thrown)).toBe(true);
    const error = thrown as ForbiddenError;
    expect(error.status).toBe(403);
    expect(error.code).toBe('FORBIDDEN');
    expect(error.category).toBe('user');
    expect(error.details).toEqual({ required: 'admin', role: 'editor' });
    expect(error.message).toBe('Only a workspace admin or higher may read the audit log; your role is editor.');
  });
});

describe('project roles', () => {
  it('ranks viewer < editor < owner', () => {
    for (const [i, role] of projectOrder.entries()) {
      for (const [j, atLeast] of projectOrder.entries()) {
        expect(projectRoleAtLeast(role, atLeast), `${role} at least ${atLeast}`).toBe(i >= j);
      }
    }
  });

  it('higherProjectRole picks the higher of two roles, in either order', () => {
    for (const [i, a] of projectOrder.entries()) {
      for (const [j, b] of projectOrder.entries()) {
        expect(higherProjectRole(a, b), `${a} vs ${b}`).toBe(projectOrder[Math.max(i, j)]);
      }
    }
  });

  it('higherProjectRole keeps the first role when there is no explicit one', () => {
    expect(higherProjectRole('viewer', null)).toBe('viewer');
    expect(higherProjectRole('editor', undefined)).toBe('editor');
  });

  it('impliedProjectRole: owners and admins own every project, editors edit, viewers view', () => {
    expect(workspaceOrder.map(impliedProjectRole)).toEqual(['viewer', 'editor', 'owner', 'owner']);
  });
});
