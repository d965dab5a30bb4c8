import { and, desc, eq, isNull } from 'drizzle-orm';
import { tables, type Db } from '../db/index.ts';
import { NotFoundError, newId, type Clock, type RequestContext } from '../kernel/index.ts';
import type { ApiTokenView } from './auth-schemas.ts';
import { recordAudit } from './audit-log.ts';
import { apiTokenPrefix, createSecretToken } from './secret-token.ts';

type TokenRow = typeof tables.apiTokens.$inferSelect;

function view(row: TokenRow): ApiTokenView {
  return {
    id: row.id, name: row.name, prefix: row.prefix, createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null, expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

/** Creates a personal API token; the secret is returned once and stored only as a hash. */
export async function createApiToken(
  db: Db,
  ctx: RequestContext,
  { name, expiresInDays, clock }: { name: string; expiresInDays?: number; clock: Clock },
): Promise<ApiTokenView & { token: string }> {
  const secret = createSecretToken(apiTokenPrefix);
  const expiresAt = expiresInDays ? new Date(clock.now().getTime() + expiresInDays * 86400_000) : null;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(tables.apiTokens)
      .values({ id: newId(), userId: ctx.userId, name, prefix: secret.displayPrefix, tokenHash: secret.hash, expiresAt })
      .returning();
    await recordAudit(tx, { workspaceId: ctx.workspaceId, actorId: ctx.userId, action: 'token.created', targetType: 'api_token', targetId: row!.id, details: { name } });
    return { ...view(row!), token: secret.token };
  });
}

export async function listApiTokens(db: Db, ctx: RequestContext): Promise<ApiTokenView[]> {
  const rows = await db
    .select()
    .from(tables.apiTokens)
    .where(and(eq(tables.apiTokens.userId, ctx.userId), isNull(tables.apiTokens.revokedAt)))
    .orderBy(desc(tables.apiTokens.createdAt));
  return rows.map(view);
}

/** Revokes one of the caller's own tokens; anybody else's answers 404. */
export async function revokeApiToken(db: Db, ctx: RequestContext, id: string, clock: Clock): Promise<void> {
  await db.transaction(async (tx) => {
    const revoked = await tx
      .update(tables.apiTokens)
      .set({ revokedAt: clock.now() })
      .where(and(eq(tables.apiTokens.id, id), eq(tables.apiTokens.userId, ctx.userId), isNull(tables.apiTokens.revokedAt)))
      .returning({ id: tables.apiTokens.id });
    if (revoked.length === 0) throw new NotFoundError({ code: 'TOKEN_NOT_FOUND', message: 'No such API token.' });
    await recordAudit(tx, { workspaceId: ctx.workspaceId, actorId: ctx.userId, action: 'token.revoked', targetType: 'api_token', targetId: id });
  });
}
