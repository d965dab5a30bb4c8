import { and, desc, eq } from 'drizzle-orm';
import { isUniqueViolation, tables, type DbExecutor } from '../../db/index.ts';
import { isId, newId } from '../../kernel/index.ts';
import type { DpgData, DpgFacts, ProductCategory } from './dpg-data.ts';
import { canMove, type DpgStage } from './dpg-stages.ts';
import { DpgNotFoundError, DpgStageError } from './product-errors.ts';

export type DpgRow = typeof tables.dpgs.$inferSelect;
export interface ProjectScope { workspaceId: string; projectId: string }

/** The project's active DPG: its latest version. */
export async function activeDpgRow(db: DbExecutor, scope: ProjectScope): Promise<DpgRow | undefined> {
  const [row] = await db.select().from(tables.dpgs)
    .where(and(eq(tables.dpgs.workspaceId, scope.workspaceId), eq(tables.dpgs.projectId, scope.projectId)))
    .orderBy(desc(tables.dpgs.version)).limit(1);
  return row;
}

export async function dpgRowById(db: DbExecutor, workspaceId: string, id: string): Promise<DpgRow> {
  const [row] = isId(id) ? await db.select().from(tables.dpgs).where(and(eq(tables.dpgs.workspaceId, workspaceId), eq(tables.dpgs.id, id))) : [];
  if (!row) throw new DpgNotFoundError();
  return row;
}

export async function listDpgVersions(db: DbExecutor, scope: ProjectScope): Promise<DpgRow[]> {
  return db.select().from(tables.dpgs)
    .where(and(eq(tables.dpgs.workspaceId, scope.workspaceId), eq(tables.dpgs.projectId, scope.projectId)))
    .orderBy(desc(tables.dpgs.version));
}

/** Starts the project's first DPG at ignition; a concurrent start finds the one that won. */
export async function createFirstDpg(db: DbExecutor, scope: ProjectScope, fields: { title: string; category: ProductCategory; data: DpgData; design: Record<string, unknown>; createdBy: string | null }): Promise<DpgRow> {
  try {
    const [row] = await db.insert(tables.dpgs).values({
      id: newId(), ...scope, version: 1, title: fields.title, category: fields.category, stage: 'ignition', data: fields.data, design: fields.design, createdBy: fields.createdBy,
    }).returning();
    await mirrorStage(db, scope, 'ignition');
    return row!;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return (await activeDpgRow(db, scope))!;
  }
}

export interface DpgPatch {
  stage?: DpgStage;
  title?: string;
  category?: ProductCategory;
  summary?: string;
  data?: DpgData;
  design?: Record<string, unknown>;
}

/**
 * Changes a DPG. An approved DPG is locked; a stage change must be a move the lifecycle allows, and
 * is applied only if nobody moved the DPG meanwhile (the stage it was read in is part of the update).
 */
export async function updateDpg(db: DbExecutor, row: DpgRow, patch: DpgPatch, now: Date, approvedBy?: string): Promise<DpgRow> {
  const from = row.stage as DpgStage;
  if (from === 'approved') throw new DpgStageError('DPG_LOCKED', from, 'An approved DPG is locked; create a new version to change it.');
  if (patch.stage && patch.stage !== from && !canMove(from, patch.stage)) {
    throw new DpgStageError('DPG_STAGE_INVALID', from, `A DPG cannot move to ${patch.stage} from here.`);
  }
  const [updated] = await db.update(tables.dpgs).set({
    ...patch,
    ...(patch.stage === 'approved' ? { approvedAt: now, approvedBy: approvedBy ?? null } : {}),
    updatedAt: now,
  }).where(and(eq(tables.dpgs.workspaceId, row.workspaceId), eq(tables.dpgs.id, row.id), eq(tables.dpgs.stage, from))).returning();
  if (!updated) {
    const current = await dpgRowById(db, row.workspaceId, row.id);
    throw new DpgStageError('DPG_STAGE_INVALID', current.stage as DpgStage, 'The DPG changed stage meanwhile; reload it.');
  }
  if (patch.stage) await mirrorStage(db, { workspaceId: row.workspaceId, projectId: row.projectId }, patch.stage);
  return updated;
}

/** Copies an approved DPG (spec, design and visuals) into a new version in designing: the project's active DPG from now on. */
export async function createDpgVersion(db: DbExecutor, row: DpgRow, createdBy: string, now: Date): Promise<DpgRow> {
  if (row.stage !== 'approved') throw new DpgStageError('DPG_NOT_APPROVED', row.stage as DpgStage, 'Only an approved DPG can be copied into a new version.');
  const scope = { workspaceId: row.workspaceId, projectId: row.projectId };
  const latest = await activeDpgRow(db, scope);
  const [created] = await db.insert(tables.dpgs).values({
    id: newId(), ...scope, version: latest!.version + 1, title: row.title, category: row.category, stage: 'designing', summary: row.summary,
    data: row.data, design: row.design, parentId: row.id, createdBy, createdAt: now, updatedAt: now,
  }).returning();
  const assets = await db.select().from(tables.dpgAssets).where(and(eq(tables.dpgAssets.workspaceId, row.workspaceId), eq(tables.dpgAssets.dpgId, row.id)));
  if (assets.length > 0) {
    await db.insert(tables.dpgAssets).values(assets.map((a) => ({ ...a, id: newId(), dpgId: created!.id, parentId: a.id })));
  }
  await mirrorStage(db, scope, 'designing');
  return created!;
}

export function factsOf(row: DpgRow): DpgFacts {
  return { title: row.title, category: row.category as ProductCategory, summary: row.summary, data: row.data as DpgData };
}

/** The project shows its active DPG's stage. */
async function mirrorStage(db: DbExecutor, scope: ProjectScope, stage: DpgStage): Promise<void> {
  await db.update(tables.projects).set({ stage }).where(and(eq(tables.projects.workspaceId, scope.workspaceId), eq(tables.projects.id, scope.projectId)));
}
