import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { tables, type Db } from '../db/index.ts';
import { recordAudit } from '../auth/index.ts';
import {
  NotFoundError, ValidationError, higherProjectRole, impliedProjectRole, newId, requireWorkspaceRole,
  type Clock, type EventBus, type ProjectRole, type RequestContext,
} from '../kernel/index.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { loadProject, requireProjectRole, type ProjectRow } from './project-access.ts';
import { publishProjectEvent } from './project-events.ts';
import type { CreateProjectInput, ProjectView, UpdateProjectInput } from './project-schemas.ts';

export interface ProjectDeps {
  db: Db;
  events: EventBus;
  clock: Clock;
}

export function toProjectView(row: ProjectRow, role: ProjectRole): ProjectView {
  return {
    id: row.id, workspaceId: row.workspaceId, name: row.name, description: row.description,
    studio: row.studio as ProjectView['studio'], status: row.status as ProjectView['status'],
    stage: row.stage, category: row.category, parentId: row.parentId, createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(), role,
  };
}

/** Creates a project; workspace editors and above may, and the creator becomes its owner. */
export async function createProject(deps: ProjectDeps, ctx: RequestContext, input: CreateProjectInput): Promise<ProjectView> {
  requireWorkspaceRole(ctx, 'editor', 'create projects');
  if (input.parentId) await loadProject(deps.db, ctx, input.parentId);
  const id = newId();
  const row = await deps.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(tables.projects)
      .values({
        id, workspaceId: ctx.workspaceId, name: input.name, description: input.description ?? '', studio: input.studio,
        stage: input.stage ?? null, category: input.category ?? null, parentId: input.parentId ?? null, createdBy: ctx.userId,
      })
      .returning();
    await tx.insert(tables.projectMembers).values({ projectId: id, userId: ctx.userId, workspaceId: ctx.workspaceId, role: 'owner' });
    await recordAudit(tx, { workspaceId: ctx.workspaceId, actorId: ctx.userId, action: 'project.created', targetType: 'project', targetId: id, requestId: ctx.requestId });
    return created!;
  });
  const view = toProjectView(row, 'owner');
  await publishProjectEvent(deps.events, { type: 'project.created', workspaceId: ctx.workspaceId, projectId: id, data: { project: view } });
  return view;
}

export interface ListProjectsOptions {
  limit: number;
  cursor?: string;
  status?: ProjectView['status'];
  studio?: ProjectView['studio'];
}

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** The workspace's projects, newest first, by keyset pagination. */
export async function listProjects(db: Db, ctx: RequestContext, options: ListProjectsOptions): Promise<{ items: ProjectView[]; nextCursor: string | null }> {
  const p = tables.projects;
  let after;
  if (options.cursor) {
    const [at, id] = decodeCursor<[string, string]>(options.cursor, ['string', 'string']);
    if (!isoInstant.test(at) || Number.isNaN(new Date(at).getTime())) throw new ValidationError({ code: 'INVALID_CURSOR', message: 'The cursor is not one this server issued.' });
    // Compared in SQL at the column's microsecond precision: a JS Date keeps milliseconds only, which skipped rows created in the same millisecond.
    const time = sql`${at}::timestamptz`;
    after = or(sql`${p.createdAt} < ${time}`, and(sql`${p.createdAt} = ${time}`, lt(p.id, id)));
  }
  // The page first (an index scan with a limit), then the caller's roles on just those projects:
  // one join over the whole workspace made the planner sort every project without statistics.
  const rows = await db
    .select({ project: p, cursorAt: sql<string>`to_char(${p.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` })
    .from(p)
    .where(and(
      eq(p.workspaceId, ctx.workspaceId),
      options.status ? eq(p.status, options.status) : undefined,
      options.studio ? eq(p.studio, options.studio) : undefined,
      after,
    ))
    .orderBy(desc(p.createdAt), desc(p.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const memberRoles = page.length === 0 ? [] : await db
    .select({ projectId: tables.projectMembers.projectId, role: tables.projectMembers.role })
    .from(tables.projectMembers)
    .where(and(eq(tables.projectMembers.userId, ctx.userId), inArray(tables.projectMembers.projectId, page.map((r) => r.project.id))));
  const roleOf = new Map(memberRoles.map((m) => [m.projectId, m.role as ProjectRole]));
  const implied = impliedProjectRole(ctx.role);
  const last = page.at(-1);
  return {
    items: page.map((r) => toProjectView(r.project, higherProjectRole(implied, roleOf.get(r.project.id)))),
    nextCursor: rows.length > options.limit && last ? encodeCursor([last.cursorAt, last.project.id]) : null,
  };
}

export async function getProject(db: Db, ctx: RequestContext, id: string): Promise<ProjectView> {
  const { project, role } = await loadProject(db, ctx, id);
  return toProjectView(project, role);
}

export async function updateProject(deps: ProjectDeps, ctx: RequestContext, id: string, input: UpdateProjectInput): Promise<ProjectView> {
  const { role } = await requireProjectRole(deps.db, ctx, id, 'editor', 'edit this project');
  const row = await deps.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(tables.projects)
      .set({ ...input, updatedAt: sql`now()` })
      .where(and(eq(tables.projects.id, id), eq(tables.projects.workspaceId, ctx.workspaceId)))
      .returning();
    if (!updated) throw new NotFoundError({ code: 'PROJECT_NOT_FOUND', message: 'No such project in this workspace.' });
    await recordAudit(tx, { workspaceId: ctx.workspaceId, actorId: ctx.userId, action: 'project.updated', targetType: 'project', targetId: id, details: { fields: Object.keys(input) }, requestId: ctx.requestId });
    return updated;
  });
  const view = toProjectView(row, role);
  await publishProjectEvent(deps.events, { type: 'project.updated', workspaceId: ctx.workspaceId, projectId: id, data: { project: view } });
  return view;
}

/** Deletes a project with its conversation, members and artifacts; project owners only. */
export async function deleteProject(deps: ProjectDeps, ctx: RequestContext, id: string): Promise<void> {
  await requireProjectRole(deps.db, ctx, id, 'owner', 'delete this project');
  await deps.db.transaction(async (tx) => {
    await tx.delete(tables.projects).where(and(eq(tables.projects.id, id), eq(tables.projects.workspaceId, ctx.workspaceId)));
    await recordAudit(tx, { workspaceId: ctx.workspaceId, actorId: ctx.userId, action: 'project.deleted', targetType: 'project', targetId: id, requestId: ctx.requestId });
  });
  await publishProjectEvent(deps.events, { type: 'project.deleted', workspaceId: ctx.workspaceId, projectId: id, data: { id } });
}
