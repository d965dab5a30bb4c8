import { and, asc, eq } from 'drizzle-orm';
import { tables, type Db, type Tx } from '../db/index.ts';
import {
  ConflictError, NotFoundError, newId, requireWorkspaceRole, type RequestContext, type WorkspaceRole,
} from '../kernel/index.ts';
import type { MemberView, WorkspaceView } from './auth-schemas.ts';
import { recordAudit } from './audit-log.ts';

export async function listWorkspaces(db: Db, userId: string): Promise<WorkspaceView[]> {
  const rows = await db
    .select({ id: tables.workspaces.id, name: tables.workspaces.name, personal: tables.workspaces.personal, role: tables.memberships.role })
    .from(tables.memberships)
    .innerJoin(tables.workspaces, eq(tables.workspaces.id, tables.memberships.workspaceId))
    .where(eq(tables.memberships.userId, userId))
    .orderBy(asc(tables.memberships.createdAt));
  return rows.map((r) => ({ ...r, role: r.role as WorkspaceRole }));
}

/** Creates a shared workspace owned by the caller. */
export async function createWorkspace(db: Db, ctx: RequestContext, name: string): Promise<WorkspaceView> {
  const id = newId();
  await db.transaction(async (tx) => {
    await tx.insert(tables.workspaces).values({ id, name, personal: false });
    await tx.insert(tables.memberships).values({ workspaceId: id, userId: ctx.userId, role: 'owner' });
    await recordAudit(tx, { workspaceId: id, actorId: ctx.userId, action: 'workspace.created', targetType: 'workspace', targetId: id, details: { name } });
  });
  return { id, name, role: 'owner', personal: false };
}

export async function currentWorkspace(db: Db, ctx: RequestContext): Promise<WorkspaceView> {
  const [row] = await db.select().from(tables.workspaces).where(eq(tables.workspaces.id, ctx.workspaceId));
  if (!row) throw new NotFoundError({ code: 'WORKSPACE_NOT_FOUND', message: 'No such workspace.' });
  return { id: row.id, name: row.name, personal: row.personal, role: ctx.role };
}

export async function listMembers(db: Db, ctx: RequestContext): Promise<MemberView[]> {
  const rows = await db
    .select({ userId: tables.users.id, email: tables.users.email, name: tables.users.name, role: tables.memberships.role })
    .from(tables.memberships)
    .innerJoin(tables.users, eq(tables.users.id, tables.memberships.userId))
    .where(eq(tables.memberships.workspaceId, ctx.workspaceId))
    .orderBy(asc(tables.memberships.createdAt));
  return rows.map((r) => ({ ...r, role: r.role as WorkspaceRole }));
}

/** Adds an existing user by email. Only owners grant or change the owner role. */
export async function addMember(db: Db, ctx: RequestContext, { email, role }: { email: string; role: WorkspaceRole }): Promise<MemberView> {
  requireWorkspaceRole(ctx, role === 'owner' ? 'owner' : 'admin', 'add members');
  const [user] = await db.select().from(tables.users).where(eq(tables.users.email, email)).limit(1);
  if (!user) throw new NotFoundError({ code: 'USER_NOT_FOUND', message: `No account uses ${email}; ask them to sign up first.` });
  return db.transaction(async (tx) => {
    const inserted = await tx.insert(tables.memberships).values({ workspaceId: ctx.workspaceId, userId: user.id, role }).onConflictDoNothing().returning();
    if (inserted.length === 0) throw new ConflictError({ code: 'ALREADY_MEMBER', message: `${email} is already a member.` });
    await recordAudit(tx, { workspaceId: ctx.workspaceId, actorId: ctx.userId, action: 'member.added', targetType: 'user', targetId: user.id, details: { role } });
    return { userId: user.id, email: user.email, name: user.name, role };
  });
}

export async function changeMemberRole(db: Db, ctx: RequestContext, userId: string, role: WorkspaceRole): Promise<MemberView> {
  return db.transaction(async (tx) => {
    const current = await memberRow(tx, ctx, userId);
    requireWorkspaceRole(ctx, role === 'owner' || current.role === 'owner' ? 'owner' : 'admin', 'change member roles');
    if (current.role === 'owner' && role !== 'owner') await assertAnotherOwner(tx, ctx, userId);
    await tx.update(tables.memberships).set({ role }).where(and(eq(tables.memberships.workspaceId, ctx.workspaceId), eq(tables.memberships.userId, userId)));
    await recordAudit(tx, { workspaceId: ctx.workspaceId, actorId: ctx.userId, action: 'member.role_changed', targetType: 'user', targetId: userId, details: { from: current.role, to: role } });
    return { userId, email: current.email, name: current.name, role };
  });
}

/** Removes a member; anyone may leave, admins remove others, and the last owner stays. */
export async function removeMember(db: Db, ctx: RequestContext, userId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await memberRow(tx, ctx, userId);
    if (userId !== ctx.userId) requireWorkspaceRole(ctx, current.role === 'owner' ? 'owner' : 'admin', 'remove members');
    if (current.role === 'owner') await assertAnotherOwner(tx, ctx, userId);
    await tx.delete(tables.memberships).where(and(eq(tables.memberships.workspaceId, ctx.workspaceId), eq(tables.memberships.userId, userId)));
    await tx.delete(tables.projectMembers).where(and(eq(tables.projectMembers.workspaceId, ctx.workspaceId), eq(tables.projectMembers.userId, userId)));
    await recordAudit(tx, { workspaceId: ctx.workspaceId, actorId: ctx.userId, action: 'member.removed', targetType: 'user', targetId: userId });
  });
}

/**
 * Locks the workspace row first, so concurrent role changes and removals in one workspace queue up
 * instead of locking member rows in opposite orders and deadlocking.
 */
async function memberRow(tx: Tx, ctx: RequestContext, userId: string) {
  await tx.select({ id: tables.workspaces.id }).from(tables.workspaces).where(eq(tables.workspaces.id, ctx.workspaceId)).for('no key update');
  const [row] = await tx
    .select({ role: tables.memberships.role, email: tables.users.email, name: tables.users.name })
    .from(tables.memberships)
    .innerJoin(tables.users, eq(tables.users.id, tables.memberships.userId))
    .where(and(eq(tables.memberships.workspaceId, ctx.workspaceId), eq(tables.memberships.userId, userId)))
    .for('update', { of: tables.memberships });
  if (!row) throw new NotFoundError({ code: 'MEMBER_NOT_FOUND', message: 'No such member in this workspace.' });
  return { ...row, role: row.role as WorkspaceRole };
}

async function assertAnotherOwner(tx: Tx, ctx: RequestContext, userId: string): Promise<void> {
  const owners = await tx
    .select({ userId: tables.memberships.userId })
    .from(tables.memberships)
    .where(and(eq(tables.memberships.workspaceId, ctx.workspaceId), eq(tables.memberships.role, 'owner')))
    .for('update');
  if (!owners.some((o) => o.userId !== userId)) {
    throw new ConflictError({ code: 'LAST_OWNER', message: 'A workspace needs at least one owner; make someone else owner first.' });
  }
}
