import { and, eq, isNull } from 'drizzle-orm';
import { tables, type DbExecutor } from '../db/index.ts';
import { newId, type Clock } from '../kernel/index.ts';
import { createSecretToken, hashToken, sessionTokenPrefix } from './secret-token.ts';

export async function createSession(
  db: DbExecutor,
  { userId, clock, ttlHours }: { userId: string; clock: Clock; ttlHours: number },
): Promise<{ token: string; expiresAt: Date }> {
  const secret = createSecretToken(sessionTokenPrefix);
  const expiresAt = new Date(clock.now().getTime() + ttlHours * 3600_000);
  await db.insert(tables.sessions).values({ id: newId(), userId, tokenHash: secret.hash, expiresAt });
  return { token: secret.token, expiresAt };
}

/** Ends a session; a token that is unknown or already revoked is ignored. */
export async function revokeSession(db: DbExecutor, token: string, clock: Clock): Promise<void> {
  await db
    .update(tables.sessions)
    .set({ revokedAt: clock.now() })
    .where(and(eq(tables.sessions.tokenHash, hashToken(token)), isNull(tables.sessions.revokedAt)));
}
