import { and, asc, eq } from 'drizzle-orm';
import { tables } from '../db/index.ts';
import { recordAudit } from '../auth/index.ts';
import { ConflictError, NotFoundError, type ProjectRole, type RequestContext } from '../kernel/index.ts';
import { loadProject, requireProjectRole } from './project-access.ts';
import { publishProjectEvent } from './project-events.ts';
import type { ProjectDeps } from './projects.ts';
import type { ProjectMemberView } from './project-schemas.ts';

export async function listProjectMembers(deps: Pick<ProjectDeps, 'db'>, ctx: RequestContext, projectId: string): Promise<ProjectMemberView[]> {
  await loadProject(deps.db, ctx, projectId);
  const rows = await deps.db
    .select({ userId: tables.users.id, email: tables.users.email, name: tables.users.name, role: tables.projectMembers.role })
    .from(tables.projectMembers)
    .innerJoin(tables.users, eq(tables.users.id, tables.projectMembers.userId))
    .where(and(eq(tables.projectMembers.projectId, projectId), eq(tables.projectMembers.workspaceId, ctx.workspaceId)))
    .orderBy(asc(tables.projectMembers.createdAt));
  return rows.map((r) => ({ ...r, role: r.role as ProjectRole }));
}

/** Adds a member of the workspace to the project; project owners manage members (seed 000). */
export async function addProjectMember(
  deps: ProjectDeps, ctx: RequestContext, projectId: string, { email, role }: { email: string; role: ProjectRole },
): Promise<ProjectMemberView> {
  await requireProjectRole(deps.db, ctx, projectId, 'owner', 'manage project members');
  const [user] = await deps.db
    .select({ id: tables.users.id, email: tables.users.email, name: tables.users.name })
    .from(tables.users)
    .innerJoin(tables.memberships, and(eq(tables.memberships.userId, tables.users.id), eq(tables.memberships.workspaceId, ctx.workspaceId)))
    .where(eq(tables.users.email, email))
    .limit(1);
  if (!user) throw new NotFoundError({ code: 'USER_NOT_FOUND', message: `${email} is not a member of this workspace; add them to the workspace first.` });
  const member = await deps.db.transaction(async (tx) => {
    const inserted = await tx.insert(tables.projectMembers).values({ projectId, userId: user.id, workspaceId: ctx.workspaceId, role }).onConflictDoNothing().returning();
    if (inserted.length === 0) throw new ConflictError({ code: 'ALREADY_MEMBER', message: `${email} is already a member of this project.` });
    await recordAudit(tx, { workspaceId: ctx.workspaceId, actorId: ctx.userId, action: 'project_member.added', targetType: 'project', targetId: projectId, details: { userId: user.id, role } });
    return { userId: user.id, email: user.email, name: user.name, role };
  });
  await publishProjectEvent(deps.events, { type: 'member.changed', workspaceId: ctx.workspaceId, projectId, data: { member } });
  return member;
}

export async function changeProjectMemberRole(deps: ProjectDeps, ctx: RequestContext, projectId: string, userId: string, role: ProjectRole): Promise<ProjectMemberView> {
  await requireProjectRole(deps.db, ctx, projectId, 'owner', 'manage project members');
  const member = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(tables.projectMembers)
      .set({ role })
      .where(and(eq(tables.projectMembers.projectId, projectId), eq(tables.projectMembers.userId, userId), eq(tables.projectMembers.workspaceId, ctx.workspaceId)))
      .returning();
    if (!row) throw new NotFoundError({ code: 'MEMBER_NOT_FOUND', message: 'No such member in this project.' });
    const [user] = await tx.select().from(tables.users).where(eq(tables.users.id, userId));
    await recordAudit(tx, { workspaceId: ctx.workspaceId, actorId: ctx.userId, action: 'project_member.role_changed', targetType: 'project', targetId: projectId, details: { userId, role } });
    return { userId, email: user!.email, name: user!.name, role };
  });
  await publishProjectEvent(deps.events, { type: 'member.changed', workspaceId: ctx.workspaceId, projectId, data: { member } });
  return member;
}

export async function removeProjectMember(deps: ProjectDeps, ctx: RequestContext, projectId: string, userId: string): Promise<void> {
  if (userId !== ctx.userId) await requireProjectRole(deps.db, ctx, projectId, 'owner', 'manage project members');
  else await loadProject(deps.db, ctx, projectId);
  await deps.db.transaction(async (tx) => {
    const removed = await tx
      .delete(tables.projectMembers)
      .where(and(eq(tables.projectMembers.projectId, projectId), eq(tables.projectMembers.userId, userId), eq(tables.projectMembers.workspaceId, ctx.workspaceId)))
      .returning();
    if (removed.length === 0) throw new NotFoundError({ code: 'MEMBER_NOT_FOUND', message: 'No such member in this project.' });
    await recordAudit(tx, { workspaceId: ctx.workspaceId, actorId: ctx.userId, action: 'project_member.removed', targetType: 'project', targetId: projectId, details: { userId } });
  });
  await publishProjectEvent(deps.events, { type: 'member.changed', workspaceId: ctx.workspaceId, projectId, data: { removed: userId } });
}
