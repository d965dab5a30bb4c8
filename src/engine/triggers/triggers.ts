import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { recordAudit } from '../../auth/index.ts';
import { tables, type Db, type DbExecutor } from '../../db/index.ts';
import { NotFoundError, isId, newId, requireWorkspaceRole, type Clock, type RequestContext } from '../../kernel/index.ts';
import type { MasterKeys } from '../../vault/index.ts';
import { nextFireAfter } from './schedule.ts';
import { TriggerConfigInvalidError, TriggerKindMismatchError, TriggerNotFoundError, TriggerTargetTakenError } from './trigger-errors.ts';
import {
  triggerConfigSchemas, type CreateTriggerBody, type ScheduleTriggerConfig, type AutomaticTriggerKind, type TriggerStatus, type TriggerView,
  type UpdateTriggerBody,
} from './trigger-schemas.ts';
import { newWebhookSecret, sealWebhookSecret } from './webhook-secret.ts';
import { normaliseWatchPath } from './watch-path.ts';

/** Triggers of saved workflows: tenant-scoped CRUD; editors and above change them, every member reads them. */

export interface TriggerDeps {
  db: Db;
  keys: MasterKeys;
  clock: Clock;
}

export type TriggerRow = typeof tables.workflowTriggers.$inferSelect;

const t = tables.workflowTriggers;

/** The public path of a webhook trigger. */
export const webhookPath = (id: string) => `/api/hooks/${id}`;

/** The API view of a row; `secret` only right after it was made (create, rotate). */
export function triggerViewOf(row: TriggerRow, secret?: string): TriggerView {
  const view: TriggerView = {
    id: row.id, workflowId: row.workflowId, kind: row.kind as AutomaticTriggerKind, name: row.name, status: row.status as TriggerStatus,
    config: row.config, lastFiredAt: row.lastFiredAt?.toISOString() ?? null, nextFireAt: row.nextFireAt?.toISOString() ?? null,
    lastRunId: row.lastRunId, lastError: row.lastError, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
  };
  if (row.kind === 'webhook') view.webhook = secret === undefined ? { path: webhookPath(row.id) } : { path: webhookPath(row.id), secret };
  return view;
}

/** Stored form of a config: defaults applied, a watched folder in canonical form. */
function normaliseConfig(kind: AutomaticTriggerKind, config: Record<string, unknown>): Record<string, unknown> {
  if (kind !== 'file') return config;
  const normalised = normaliseWatchPath(String(config.path));
  return 'path' in normalised ? { ...config, path: normalised.path } : config;
}

/** Checks a config for an existing trigger's kind (PATCH cannot know the kind from the body). */
function parseConfig(kind: AutomaticTriggerKind, raw: Record<string, unknown>): Record<string, unknown> {
  const parsed = triggerConfigSchemas[kind].safeParse(raw);
  if (!parsed.success) {
    throw new TriggerConfigInvalidError({
      problems: parsed.error.issues.map((i) => ({ path: ['config', ...i.path.map(String)].join('.'), message: i.message })),
    });
  }
  return normaliseConfig(kind, parsed.data as Record<string, unknown>);
}

function nextFireFor(kind: string, status: string, config: Record<string, unknown>, now: Date): Date | null {
  if (kind !== 'schedule' || status !== 'active') return null;
  return nextFireAfter(config as ScheduleTriggerConfig, now);
}

/**
 * Mail addresses and watched folders are installation-wide: one workspace owns each, so no
 * workspace can read another's mail or file names. Serialised per target by an advisory lock.
 */
async function assertTargetFree(tx: DbExecutor, workspaceId: string, kind: string, config: Record<string, unknown>): Promise<void> {
  const target = kind === 'email' ? { field: 'address', code: 'EMAIL_ADDRESS_TAKEN' as const, what: 'mail address' }
    : kind === 'file' ? { field: 'path', code: 'WATCH_PATH_TAKEN' as const, what: 'watched folder' }
      : undefined;
  if (!target) return;
  const value = String(config[target.field]);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`foundry.trigger.${kind}:${value}`}))`);
  const [other] = await tx.select({ id: t.id }).from(t)
    .where(and(eq(t.kind, kind), ne(t.workspaceId, workspaceId), sql`${t.config}->>${target.field} = ${value}`)).limit(1);
  if (other) throw new TriggerTargetTakenError({ code: target.code, message: `Another workspace already uses the ${target.what} "${value}".` });
}

async function assertWorkflow(db: DbExecutor, ctx: RequestContext, workflowId: string): Promise<void> {
  const [row] = isId(workflowId)
    ? await db.select({ id: tables.workflows.id }).from(tables.workflows)
      .where(and(eq(tables.workflows.id, workflowId), eq(tables.workflows.workspaceId, ctx.workspaceId)))
    : [];
  if (!row) throw new NotFoundError({ code: 'WORKFLOW_NOT_FOUND', message: 'No such workflow in this workspace.' });
}

async function findRow(db: DbExecutor, ctx: RequestContext, id: string): Promise<TriggerRow> {
  const [row] = isId(id) ? await db.select().from(t).where(and(eq(t.id, id), eq(t.workspaceId, ctx.workspaceId))) : [];
  if (!row) throw new TriggerNotFoundError();
  return row;
}

/** Adds a trigger to a workflow; a webhook's secret is in this answer and nowhere else later. */
export async function createTrigger(deps: TriggerDeps, ctx: RequestContext, workflowId: string, body: CreateTriggerBody): Promise<TriggerView> {
  requireWorkspaceRole(ctx, 'editor', 'add triggers');
  await assertWorkflow(deps.db, ctx, workflowId);
  const id = newId();
  const status = body.status ?? 'active';
  const config = normaliseConfig(body.kind, body.config as Record<string, unknown>);
  const secret = body.kind === 'webhook' ? newWebhookSecret() : undefined;
  const sealed = secret === undefined ? {} : sealWebhookSecret(deps.keys, { workspaceId: ctx.workspaceId, id }, secret);
  return deps.db.transaction(async (tx) => {
    await assertTargetFree(tx, ctx.workspaceId, body.kind, config);
    const [row] = await tx.insert(t).values({
      id, workspaceId: ctx.workspaceId, workflowId, kind: body.kind, name: body.name, config, status, ...sealed,
      nextFireAt: nextFireFor(body.kind, status, config, deps.clock.now()), createdBy: ctx.userId,
    }).returning();
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId, actorId: ctx.userId, action: 'trigger.created', targetType: 'trigger', targetId: id,
      details: { workflowId, kind: body.kind, name: body.name }, requestId: ctx.requestId,
    });
    return triggerViewOf(row!, secret);
  });
}

/** The triggers of one workflow, oldest first. */
export async function listTriggers(db: Db, ctx: RequestContext, workflowId: string): Promise<TriggerView[]> {
  await assertWorkflow(db, ctx, workflowId);
  const rows = await db.select().from(t).where(and(eq(t.workflowId, workflowId), eq(t.workspaceId, ctx.workspaceId))).orderBy(asc(t.createdAt), asc(t.id));
  return rows.map((r) => triggerViewOf(r));
}

export async function getTrigger(db: Db, ctx: RequestContext, id: string): Promise<TriggerView> {
  return triggerViewOf(await findRow(db, ctx, id));
}

/**
 * Renames, pauses or resumes a trigger, or replaces its config. Resuming a schedule counts from
 * now: the firings it slept through are not made up.
 */
export async function updateTrigger(deps: TriggerDeps, ctx: RequestContext, id: string, body: UpdateTriggerBody): Promise<TriggerView> {
  requireWorkspaceRole(ctx, 'editor', 'change triggers');
  const row = await findRow(deps.db, ctx, id);
  const kind = row.kind as AutomaticTriggerKind;
  const config = body.config === undefined ? row.config : parseConfig(kind, body.config);
  const status = body.status ?? row.status;
  const reschedule = body.config !== undefined || status !== row.status || (status === 'active' && row.nextFireAt === null);
  return deps.db.transaction(async (tx) => {
    if (body.config !== undefined) await assertTargetFree(tx, ctx.workspaceId, kind, config);
    const [updated] = await tx.update(t).set({
      ...(body.name === undefined ? {} : { name: body.name }),
      config, status, updatedAt: deps.clock.now(),
      ...(reschedule ? { nextFireAt: nextFireFor(kind, status, config, deps.clock.now()) } : {}),
    }).where(and(eq(t.id, id), eq(t.workspaceId, ctx.workspaceId))).returning();
    if (!updated) throw new TriggerNotFoundError();
    const changed = (['name', 'status', 'config'] as const).filter((k) => body[k] !== undefined);
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId, actorId: ctx.userId, action: 'trigger.updated', targetType: 'trigger', targetId: id,
      details: { changed, status }, requestId: ctx.requestId,
    });
    return triggerViewOf(updated);
  });
}

export async function deleteTrigger(deps: Pick<TriggerDeps, 'db'>, ctx: RequestContext, id: string): Promise<void> {
  requireWorkspaceRole(ctx, 'editor', 'delete triggers');
  const row = await findRow(deps.db, ctx, id);
  await deps.db.transaction(async (tx) => {
    await tx.delete(t).where(and(eq(t.id, id), eq(t.workspaceId, ctx.workspaceId)));
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId, actorId: ctx.userId, action: 'trigger.deleted', targetType: 'trigger', targetId: id,
      details: { workflowId: row.workflowId, kind: row.kind }, requestId: ctx.requestId,
    });
  });
}

/** Replaces a webhook's secret; the old one stops working at once. The answer carries the new one. */
export async function rotateWebhookSecret(deps: TriggerDeps, ctx: RequestContext, id: string): Promise<TriggerView> {
  requireWorkspaceRole(ctx, 'editor', 'rotate webhook secrets');
  const row = await findRow(deps.db, ctx, id);
  if (row.kind !== 'webhook') throw new TriggerKindMismatchError({ expected: 'webhook', actual: row.kind });
  const secret = newWebhookSecret();
  return deps.db.transaction(async (tx) => {
    const [updated] = await tx.update(t).set({ ...sealWebhookSecret(deps.keys, row, secret), updatedAt: deps.clock.now() })
      .where(and(eq(t.id, id), eq(t.workspaceId, ctx.workspaceId))).returning();
    if (!updated) throw new TriggerNotFoundError();
    await recordAudit(tx, {
      workspaceId: ctx.workspaceId, actorId: ctx.userId, action: 'trigger.secret_rotated', targetType: 'trigger', targetId: id, requestId: ctx.requestId,
    });
    return triggerViewOf(updated, secret);
  });
}

/** A trigger by id in any workspace, for the public webhook endpoint and the runtime (no request context). */
export async function findTriggerById(db: DbExecutor, id: string): Promise<TriggerRow | undefined> {
  if (!isId(id)) return undefined;
  const [row] = await db.select().from(t).where(eq(t.id, id));
  return row;
}
