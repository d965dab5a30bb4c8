import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { z } from 'zod';
import { tables } from '../../db/index.ts';
import { ValidationError, type RequestContext } from '../../kernel/index.ts';
import { publishProjectEvent, requireProjectRole } from '../../projects/index.ts';
import { analyzeDpg, type DpgAnalysis } from './intelligence/index.ts';
import { categorySpecs, productCategories, requiredSpecs, type DpgData, type ProductCategory, type RequiredSpecKey } from './dpg-data.ts';
import { activeDpgRow, createDpgVersion, dpgRowById, factsOf, listDpgVersions, updateDpg, type DpgRow } from './dpg-store.ts';
import { assetsOf, visualAssetsView, type VisualAssets } from './dpg-assets.ts';
import type { DpgStage } from './dpg-stages.ts';
import { designStateOf } from './design-state.ts';
import { missingSpecs } from './missing-specs.ts';
import { DpgNotFoundError, DpgStageError } from './product-errors.ts';
import type { ProductDeps } from './product-deps.ts';

export interface DpgView {
  id: string;
  projectId: string;
  version: number;
  title: string;
  category: ProductCategory;
  stage: DpgStage;
  summary: string;
  /** The seven core keys are always there, null while unknown; category fields appear once known. */
  data: DpgDataView;
  visualAssets: VisualAssets;
  missingSpecs: { key: string; name: string }[];
  selectedConcept: number | null;
  approvedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type DpgDataView = Omit<DpgData, RequiredSpecKey> & { [K in RequiredSpecKey]: NonNullable<DpgData[K]> | null };

const unknownCore = Object.fromEntries(requiredSpecs.map((spec) => [spec.key, null])) as { [K in RequiredSpecKey]: null };

export const dpgPatchInput = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  category: z.enum(productCategories).optional(),
  data: z.record(z.string(), z.unknown()).optional(),
}).refine((input) => Object.keys(input).length > 0, { message: 'Give at least one of title, category and data.' });

export async function dpgView(deps: Pick<ProductDeps, 'db'>, row: DpgRow): Promise<DpgView> {
  const data = row.data as DpgData;
  return {
    id: row.id, projectId: row.projectId, version: row.version, title: row.title, category: row.category as ProductCategory, stage: row.stage as DpgStage,
    summary: row.summary, data: { ...unknownCore, ...data } as DpgDataView, visualAssets: visualAssetsView(await assetsOf(deps.db, row)), missingSpecs: missingSpecs(data),
    selectedConcept: designStateOf(row.design).selectedConcept ?? null, approvedAt: row.approvedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
  };
}

/** A DPG the caller may read (any project role); `atLeast` raises the bar for changes. */
export async function readableDpg(deps: Pick<ProductDeps, 'db'>, ctx: RequestContext, id: string, atLeast: 'viewer' | 'editor' | 'owner' = 'viewer', action = 'read this DPG'): Promise<DpgRow> {
  const row = await dpgRowById(deps.db, ctx.workspaceId, id);
  await requireProjectRole(deps.db, ctx, row.projectId, atLeast, action);
  return row;
}

export async function activeDpg(deps: Pick<ProductDeps, 'db'>, ctx: RequestContext, projectId: string): Promise<DpgView> {
  await requireProjectRole(deps.db, ctx, projectId, 'viewer', 'read the DPG');
  const row = await activeDpgRow(deps.db, { workspaceId: ctx.workspaceId, projectId });
  if (!row) throw new DpgNotFoundError('This project has no DPG yet: it starts with the first message to the design partner.');
  return dpgView(deps, row);
}

export async function dpgVersions(deps: Pick<ProductDeps, 'db'>, ctx: RequestContext, projectId: string) {
  await requireProjectRole(deps.db, ctx, projectId, 'viewer', 'read the DPG');
  const rows = await listDpgVersions(deps.db, { workspaceId: ctx.workspaceId, projectId });
  return rows.map((r) => ({ id: r.id, version: r.version, stage: r.stage, createdAt: r.createdAt.toISOString() }));
}

/** Edits a DPG by hand (editors): the data is merged key by key (null clears a key) and must fit the category's schema. */
export async function patchDpg(deps: ProductDeps, ctx: RequestContext, id: string, input: z.infer<typeof dpgPatchInput>): Promise<DpgView> {
  const row = await readableDpg(deps, ctx, id, 'editor', 'edit the DPG');
  const category = input.category ?? (row.category as ProductCategory);
  // null clears a field, so the data read from the API can be sent back as it is.
  const merged: Record<string, unknown> = { ...(row.data as DpgData), ...(input.data ?? {}) };
  const data = Object.fromEntries(Object.entries(merged).filter(([, value]) => value !== null));
  const checked = categorySpecs[category].safeParse(data);
  if (!checked.success) {
    throw new ValidationError({ code: 'DPG_DATA_INVALID', message: `The data does not fit a ${category.replace('_', ' ')} spec: ${checked.error.issues[0]?.path.join('.')} ${checked.error.issues[0]?.message}.`, details: checked.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  }
  const updated = await updateDpg(deps.db, row, { ...(input.title ? { title: input.title } : {}), category, data: checked.data as DpgData }, deps.clock.now());
  await changed(deps, updated);
  return dpgView(deps, updated);
}

/** Approves a reviewed DPG (owners): it is locked from now on. */
export async function approveDpg(deps: ProductDeps, ctx: RequestContext, id: string): Promise<DpgView> {
  const row = await readableDpg(deps, ctx, id, 'owner', 'approve the DPG');
  if (row.stage !== 'reviewed') {
    throw new DpgStageError(row.stage === 'approved' ? 'DPG_LOCKED' : 'DPG_NOT_REVIEWED', row.stage as DpgStage, 'Only a reviewed DPG can be approved; finish the specification first.');
  }
  const updated = await updateDpg(deps.db, row, { stage: 'approved' }, deps.clock.now(), ctx.userId);
  await changed(deps, updated);
  return dpgView(deps, updated);
}

export async function newDpgVersion(deps: ProductDeps, ctx: RequestContext, id: string): Promise<DpgView> {
  const row = await readableDpg(deps, ctx, id, 'editor', 'create a DPG version');
  const created = await deps.db.transaction((tx) => createDpgVersion(tx, row, ctx.userId, deps.clock.now()));
  await changed(deps, created);
  return dpgView(deps, created);
}

export async function dpgAnalysis(deps: Pick<ProductDeps, 'db'>, ctx: RequestContext, id: string): Promise<DpgAnalysis> {
  return analyzeDpg(factsOf(await readableDpg(deps, ctx, id)));
}

async function changed(deps: ProductDeps, row: DpgRow): Promise<void> {
  await publishProjectEvent(deps.events, { type: 'dpg.updated', workspaceId: row.workspaceId, projectId: row.projectId, data: { dpgId: row.id, stage: row.stage, version: row.version } });
}

export interface DpgMessage {
  id: string;
  role: string;
  content: string;
  agent: string | null;
  metadata: Record<string, unknown>;
  createdAt: string;
}

/** The conversation of one DPG version: the project's messages from its start to the next version's. */
export async function dpgConversation(deps: Pick<ProductDeps, 'db'>, ctx: RequestContext, id: string): Promise<DpgMessage[]> {
  const row = await readableDpg(deps, ctx, id);
  const versions = await listDpgVersions(deps.db, { workspaceId: row.workspaceId, projectId: row.projectId });
  const next = versions.find((v) => v.version === row.version + 1);
  const m = tables.messages;
  const rows = await deps.db.select().from(m).where(and(
    eq(m.workspaceId, row.workspaceId), eq(m.projectId, row.projectId),
    ...(row.version > 1 ? [gte(m.createdAt, row.createdAt)] : []), ...(next ? [lt(m.createdAt, next.createdAt)] : []),
  )).orderBy(asc(m.seq)).limit(1000);
  return rows.map((r) => ({ id: r.id, role: r.role, content: r.content, agent: r.agent, metadata: r.metadata, createdAt: r.createdAt.toISOString() }));
}
