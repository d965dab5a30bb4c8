import { and, eq, gt, isNull, or, lt } from 'drizzle-orm';
import { tables, type Db } from '../db/index.ts';
import { NotFoundError, UnauthenticatedError, isId, type Clock, type RequestContext, type WorkspaceRole } from '../kernel/index.ts';
import type { UserView } from './auth-schemas.ts';
import { personalWorkspace } from './accounts.ts';
import { hashToken, sessionTokenPrefix } from './secret-token.ts';

export interface Authenticated {
  user: UserView;
  /** The session or API token kind that authenticated the request. */
  via: 'session' | 'api_token';
}

/** Resolves a session or API token to its user; throws UnauthenticatedError otherwise. */
export async function authenticateToken(db: Db, token: string, clock: Clock): Promise<Authenticated> {
  const hash = hashToken(token);
  const now = clock.now();
  // An API token (`fdy_` + base64url) may itself begin with `fdy_s_`, so a miss here falls through.
  const looksLikeSession = token.startsWith(sessionTokenPrefix);
  if (looksLikeSession) {
    const [row] = await db
      .select({ id: tables.users.id, email: tables.users.email, name: tables.users.name })
      .from(tables.sessions)
      .innerJoin(tables.users, eq(tables.users.id, tables.sessions.userId))
      .where(and(eq(tables.sessions.tokenHash, hash), isNull(tables.sessions.revokedAt), gt(tables.sessions.expiresAt, now)))
      .limit(1);
    if (row) return { user: row, via: 'session' };
  }
  const t = tables.apiTokens;
  const [row] = await db
    .select({ tokenId: t.id, id: tables.users.id, email: tables.users.email, name: tables.users.name })
    .from(t)
    .innerJoin(tables.users, eq(tables.users.id, t.userId))
    .where(and(eq(t.tokenHash, hash), isNull(t.revokedAt), or(isNull(t.expiresAt), gt(t.expiresAt, now))))
    .limit(1);
  if (!row) {
    throw new UnauthenticatedError({
      message: looksLikeSession ? 'The session has expired or was ended; log in again.' : 'The API token is invalid, expired or revoked.',
    });
  }
  const staleBefore = new Date(now.getTime() - 60_000);
  await db.update(t).set({ lastUsedAt: now }).where(and(eq(t.id, row.tokenId), or(isNull(t.lastUsedAt), lt(t.lastUsedAt, staleBefore))));
  return { user: { id: row.id, email: row.email, name: row.name }, via: 'api_token' };
}

/**
 * Builds the request context: the requested workspace when the user is a member of it (another
 * workspace answers 404, as if it did not exist), otherwise the user's personal workspace.
 */
export async function resolveContext(
  db: Db,
  { user, workspaceId, requestId }: { user: UserView; workspaceId?: string; requestId?: string },
): Promise<RequestContext> {
  if (!workspaceId) {
    const workspace = await personalWorkspace(db, user.id);
    return { userId: user.id, workspaceId: workspace.id, role: workspace.role, requestId };
  }
  const [membership] = isId(workspaceId)
    ? await db
        .select({ role: tables.memberships.role })
        .from(tables.memberships)
        .where(and(eq(tables.memberships.workspaceId, workspaceId), eq(tables.memberships.userId, user.id)))
        .limit(1)
    : [];
  if (!membership) throw new NotFoundError({ code: 'WORKSPACE_NOT_FOUND', message: 'No such workspace.' });
  return { userId: user.id, workspaceId, role: membership.role as WorkspaceRole, requestId };
}
