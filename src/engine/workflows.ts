import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../auth/index.ts';
import { tables, type Db } from '../db/index.ts';
import { NotFoundError, isId, newId, requireWorkspaceRole, type RequestContext } from '../kernel/index.ts';
import { credentialNames } from '../vault/index.ts';
import { WorkflowInvalidError } from './engine-errors.ts';
import { validateWorkflow, type WorkflowValidation } from './validate-workflow.ts';
import type { WorkflowDefinition } from './workflow-definition.ts';
import type { WorkflowSummaryView, WorkflowVersionView, WorkflowView } from './workflow-schemas.ts';

export interface WorkflowDeps {
  db: Db;
  /** Whether a tool of that name is registered. */
  hasTool: (name: string) => boolean;
}

type WorkflowRow = typeof tables.workflows.$inferSelect;

const summary = (r: WorkflowRow): WorkflowSummaryView => ({
  id: r.id, name: r.name, description: r.description, latestVersion: r.latestVersion,
  createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(),
});

/** Checks a definition against the schema, the graph rules, the registered tools and the workspace's credentials. */
export async function validateWorkflowFor(deps: WorkflowDeps, ctx: RequestContext, raw: unknown): Promise<WorkflowValidation> {
  // Most workflows name no credential: the workspace's credentials are read only for one that does.
  let namesCredential = false;
  const result = validateWorkflow(raw, { tools: deps.hasTool, credentials: { has: () => (namesCredential = true) } });
  return namesCredential ? validateWorkflow(raw, { tools: deps.hasTool, credentials: await credentialNames(deps.db, ctx) }) : result;
}

async function validOrThrow(deps: WorkflowDeps, ctx: RequestContext, raw: unknown): Promise<WorkflowDefinition> {
  const result = await validateWorkflowFor(deps, ctx, raw);
  if (!result.ok) throw new WorkflowInvalidError({ problems: result.problems });
  return result.definition;
}

/** Saves a valid definition as version 1 of a new workflow; editors and above. */
export async function createWorkflow(deps: WorkflowDeps, ctx: RequestContext, raw: unknown): Promise<WorkflowView> {
  requireWorkspaceRole(ctx, 'editor', 'create workflows');
  const definition = await validOrThrow(deps, ctx, raw);
  const id = newId();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx.insert(tables.workflows).values({
      id, workspaceId: ctx.workspaceId, name: definition.name, description: definition.description, latestVersion: 1, createdBy: ctx.userId,
    }).returning();
    await tx.insert(tables.workflowVersions).values({ id: newId(), workspaceId: ctx.workspaceId, workflowId: id, version: 1, definition, createdBy: ctx.userId });
    await recordAudit(tx, { workspaceId: ctx.workspaceId, actorId: ctx.userId, action: 'workflow.created', targetType: 'workflow', targetId: id, requestId: ctx.requestId });
    return { ...summary(row!), version: 1, definition };
  });
}

/** Saves a valid definition as the next version; runs already started keep theirs. */
export async function updateWorkflow(deps: WorkflowDeps, ctx: RequestContext, id: string, raw: unknown): Promise<WorkflowView> {
  requireWorkspaceRole(ctx, 'editor', 'change workflows');
  await findWorkflow(deps.db, ctx, id);
  const definition = await validOrThrow(deps, ctx, raw);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx.update(tables.workflows)
      .set({ name: definition.name, description: definition.description, latestVersion: sql`${tables.workflows.latestVersion} + 1`, updatedAt: sql`now()` })
      .where(and(eq(tables.workflows.id, id), eq(tables.workflows.workspaceId, ctx.workspaceId)))
      .returning();
    if (!row) throw new NotFoundError({ code: 'WORKFLOW_NOT_FOUND', message: 'No such workflow in this workspace.' });
    await tx.insert(tables.workflowVersions).values({ id: newId(), workspaceId: ctx.workspaceId, workflowId: id, version: row.latestVersion, definition, createdBy: ctx.userId });
    await recordAudit(tx, { workspaceId: ctx.workspaceId, actorId: ctx.userId, action: 'workflow.updated', targetType: 'workflow', targetId: id, details: { version: row.latestVersion }, requestId: ctx.requestId });
    return { ...summary(row), version: row.latestVersion, definition };
  });
}

async function findWorkflow(db: Db, ctx: RequestContext, id: string): Promise<WorkflowRow> {
  const [row] = isId(id)
    ? await db.select().from(tables.workflows).where(and(eq(tables.workflows.id, id), eq(tables.workflows.workspaceId, ctx.workspaceId)))
    : [];
  if (!row) throw new NotFoundError({ code: 'WORKFLOW_NOT_FOUND', message: 'No such workflow in this workspace.' });
  return row;
}

export async function listWorkflows(db: Db, ctx: RequestContext): Promise<WorkflowSummaryView[]> {
  const rows = await db.select().from(tables.workflows).where(eq(tables.workflows.workspaceId, ctx.workspaceId)).orderBy(desc(tables.workflows.updatedAt));
  return rows.map(summary);
}

/** A workflow with the definition of one version (the latest by default). */
export async function getWorkflow(db: Db, ctx: RequestContext, id: string, version?: number): Promise<WorkflowView> {
  const w = tables.workflows;
  const v = tables.workflowVersions;
  // One query: the workflow and the version asked for (its latest by default), if it has it.
  const [found] = isId(id)
    ? await db.select({ row: w, definition: v.definition }).from(w)
      .leftJoin(v, and(eq(v.workflowId, w.id), eq(v.version, version === undefined ? w.latestVersion : sql`${version}`)))
      .where(and(eq(w.id, id), eq(w.workspaceId, ctx.workspaceId)))
    : [];
  if (!found) throw new NotFoundError({ code: 'WORKFLOW_NOT_FOUND', message: 'No such workflow in this workspace.' });
  const wanted = version ?? found.row.latestVersion;
  if (found.definition === null) throw new NotFoundError({ code: 'WORKFLOW_VERSION_NOT_FOUND', message: `The workflow has no version ${wanted}.` });
  return { ...summary(found.row), version: wanted, definition: found.definition };
}

export async function listWorkflowVersions(db: Db, ctx: RequestContext, id: string): Promise<WorkflowVersionView[]> {
  await findWorkflow(db, ctx, id);
  const rows = await db.select().from(tables.workflowVersions).where(eq(tables.workflowVersions.workflowId, id)).orderBy(asc(tables.workflowVersions.version));
  return rows.map((r) => ({ version: r.version, createdAt: r.createdAt.toISOString(), createdBy: r.createdBy }));
}

export async function deleteWorkflow(deps: Pick<WorkflowDeps, 'db'>, ctx: RequestContext, id: string): Promise<void> {
  requireWorkspaceRole(ctx, 'editor', 'delete workflows');
  await findWorkflow(deps.db, ctx, id);
  await deps.db.transaction(async (tx) => {
    await tx.delete(tables.workflows).where(and(eq(tables.workflows.id, id), eq(tables.workflows.workspaceId, ctx.workspaceId)));
    await recordAudit(tx, { workspaceId: ctx.workspaceId, actorId: ctx.userId, action: 'workflow.deleted', targetType: 'workflow', targetId: id, requestId: ctx.requestId });
  });
}
