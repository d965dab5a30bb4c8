import { eq } from 'drizzle-orm';
import { isUniqueViolation, tables, type Db } from '../db/index.ts';
import { ConflictError, FoundryError, newId, type Clock } from '../kernel/index.ts';
import type { LogInInput, SignUpInput, UserView, WorkspaceView } from './auth-schemas.ts';
import { recordAudit } from './audit-log.ts';
import { decoyHash, hashPassword, verifyPassword } from './password-hash.ts';
import { createSession } from './sessions.ts';

export interface AccountDeps {
  db: Db;
  clock: Clock;
  sessionTtlHours: number;
}

export interface SignedIn {
  token: string;
  user: UserView;
  workspace: WorkspaceView;
  expiresAt: Date;
}

export interface AuditMeta { requestId?: string; ip?: string }

/** Creates the user, their personal workspace (as owner) and a session, in one transaction. */
export async function signUp(deps: AccountDeps, input: SignUpInput, meta: AuditMeta = {}): Promise<SignedIn> {
  const passwordHash = await hashPassword(input.password);
  const userId = newId();
  const workspaceId = newId();
  const workspaceName = `${input.name}'s workspace`;
  try {
    return await deps.db.transaction(async (tx) => {
      await tx.insert(tables.users).values({ id: userId, email: input.email, name: input.name, passwordHash });
      await tx.insert(tables.workspaces).values({ id: workspaceId, name: workspaceName, personal: true });
      await tx.insert(tables.memberships).values({ workspaceId, userId, role: 'owner' });
      const session = await createSession(tx, { userId, clock: deps.clock, ttlHours: deps.sessionTtlHours });
      await recordAudit(tx, { workspaceId, actorId: userId, action: 'user.signed_up', targetType: 'user', targetId: userId, ...meta });
      return {
        token: session.token,
        expiresAt: session.expiresAt,
        user: { id: userId, email: input.email, name: input.name },
        workspace: { id: workspaceId, name: workspaceName, role: 'owner', personal: true },
      };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_key')) {
      throw new ConflictError({ code: 'EMAIL_TAKEN', message: 'An account with this email already exists; log in instead.' });
    }
    throw error;
  }
}

/** Checks the password and opens a session. Unknown email and wrong password answer alike. */
export async function logIn(deps: AccountDeps, input: LogInInput, meta: AuditMeta = {}): Promise<SignedIn> {
  const [user] = await deps.db.select().from(tables.users).where(eq(tables.users.email, input.email)).limit(1);
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash()), input.password);
  if (!user || !valid) {
    await recordAudit(deps.db, { workspaceId: null, actorId: user?.id ?? null, action: 'user.login_failed', details: { email: input.email }, ...meta });
    throw new FoundryError({ code: 'INVALID_CREDENTIALS', status: 401, message: 'Email or password is wrong.' });
  }
  const workspace = await personalWorkspace(deps.db, user.id);
  return deps.db.transaction(async (tx) => {
    const session = await createSession(tx, { userId: user.id, clock: deps.clock, ttlHours: deps.sessionTtlHours });
    await recordAudit(tx, { workspaceId: workspace.id, actorId: user.id, action: 'user.logged_in', targetType: 'user', targetId: user.id, ...meta });
    return { token: session.token, expiresAt: session.expiresAt, user: { id: user.id, email: user.email, name: user.name }, workspace };
  });
}

/** The workspace a user lands in: their personal one, else the oldest membership. */
export async function personalWorkspace(db: Db, userId: string): Promise<WorkspaceView> {
  const rows = await db
    .select({ id: tables.workspaces.id, name: tables.workspaces.name, personal: tables.workspaces.personal, role: tables.memberships.role, createdAt: tables.memberships.createdAt })
    .from(tables.memberships)
    .innerJoin(tables.workspaces, eq(tables.workspaces.id, tables.memberships.workspaceId))
    .where(eq(tables.memberships.userId, userId));
  rows.sort((a, b) => Number(b.personal) - Number(a.personal) || a.createdAt.getTime() - b.createdAt.getTime());
  const first = rows[0];
  if (!first) throw new FoundryError({ code: 'NO_WORKSPACE', status: 409, message: 'This account belongs to no workspace.' });
  return { id: first.id, name: first.name, personal: first.personal, role: first.role as WorkspaceView['role'] };
}
