import { and, desc, eq, lt } from 'drizzle-orm';
import { tables, type DbExecutor } from '../db/index.ts';
import { requireWorkspaceRole, type RequestContext } from '../kernel/index.ts';

export interface AuditEntry {
  workspaceId: string | null;
  actorId: string | null;
  action: string;
  targetType?: string;
  targetId?: string;
  details?: Record<string, unknown>;
  requestId?: string;
  ip?: string;
}

/** Appends to the audit log; the table refuses updates and deletes. Never put secrets in details. */
export async function recordAudit(db: DbExecutor, entry: AuditEntry): Promise<void> {
  await db.insert(tables.auditEvents).values({
    workspaceId: entry.workspaceId,
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    details: entry.details ?? {},
    requestId: entry.requestId ?? null,
    ip: entry.ip ?? null,
  });
}

export interface AuditEventView {
  seq: number;
  actorId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  createdAt: string;
}

/** The workspace's audit log, newest first; owners and admins only. */
export async function listAudit(
  db: DbExecutor,
  ctx: RequestContext,
  { limit, before }: { limit: number; before?: number },
): Promise<{ items: AuditEventView[]; nextCursor: number | null }> {
  requireWorkspaceRole(ctx, 'admin', 'read the audit log');
  const t = tables.auditEvents;
  const rows = await db
    .select()
    .from(t)
    .where(and(eq(t.workspaceId, ctx.workspaceId), before ? lt(t.seq, before) : undefined))
    .orderBy(desc(t.seq))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    items: page.map((r) => ({
      seq: r.seq, actorId: r.actorId, action: r.action, targetType: r.targetType, targetId: r.targetId,
      details: r.details, createdAt: r.createdAt.toISOString(),
    })),
    nextCursor: rows.length > limit ? (page.at(-1)?.seq ?? null) : null,
  };
}
