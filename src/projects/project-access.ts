import { and, eq } from 'drizzle-orm';
import { tables, type DbExecutor } from '../db/index.ts';
import {
  ForbiddenError, NotFoundError, higherProjectRole, impliedProjectRole, isId, projectRoleAtLeast,
  type ProjectRole, type RequestContext,
} from '../kernel/index.ts';

export type ProjectRow = typeof tables.projects.$inferSelect;

/**
 * Loads a project of the caller's workspace with the caller's effective role: the higher of the
 * role their workspace role implies and their explicit project role. Any other project is 404.
 */
export async function loadProject(db: DbExecutor, ctx: RequestContext, projectId: string): Promise<{ project: ProjectRow; role: ProjectRole }> {
  const [row] = isId(projectId)
    ? await db
        .select({ project: tables.projects, memberRole: tables.projectMembers.role })
        .from(tables.projects)
        .leftJoin(tables.projectMembers, and(eq(tables.projectMembers.projectId, tables.projects.id), eq(tables.projectMembers.userId, ctx.userId)))
        .where(and(eq(tables.projects.id, projectId), eq(tables.projects.workspaceId, ctx.workspaceId)))
        .limit(1)
    : [];
  if (!row) throw new NotFoundError({ code: 'PROJECT_NOT_FOUND', message: 'No such project in this workspace.' });
  return { project: row.project, role: higherProjectRole(impliedProjectRole(ctx.role), row.memberRole as ProjectRole | null) };
}

export async function requireProjectRole(db: DbExecutor, ctx: RequestContext, projectId: string, atLeast: ProjectRole, action: string) {
  const loaded = await loadProject(db, ctx, projectId);
  if (!projectRoleAtLeast(loaded.role, atLeast)) {
    throw new ForbiddenError({
      message: `Only a project ${atLeast} or higher may ${action}; your role is ${loaded.role}.`,
      details: { required: atLeast, role: loaded.role },
    });
  }
  return loaded;
}
