import { and, eq } from 'drizzle-orm';
import { tables, type Db } from '../../db/index.ts';
import { ForbiddenError, type RequestContext, type WorkspaceRole } from '../../kernel/index.ts';

/** The request context of a message's author, for acting on their behalf inside a turn. */
export async function actorContext(db: Db, workspaceId: string, userId: string | null): Promise<RequestContext> {
  const [row] = userId
    ? await db.select({ role: tables.memberships.role }).from(tables.memberships)
        .where(and(eq(tables.memberships.workspaceId, workspaceId), eq(tables.memberships.userId, userId)))
    : [];
  if (!row || !userId) throw new ForbiddenError({ message: 'The author of this message is no longer a member of the workspace.' });
  return { userId, workspaceId, role: row.role as WorkspaceRole };
}
