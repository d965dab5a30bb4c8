import { Readable } from 'node:stream';
import { and, asc, eq, max } from 'drizzle-orm';
import type { BlobStore } from '../../artifacts/index.ts';
import { tables, type Db, type DbExecutor } from '../../db/index.ts';
import { isId, newId } from '../../kernel/index.ts';
import type { DpgRow } from './dpg-store.ts';
import { AssetNotFoundError } from './product-errors.ts';

export type AssetRow = typeof tables.dpgAssets.$inferSelect;
export type AssetKind = 'concept' | 'flat' | 'callout';

export interface NewAsset {
  kind: AssetKind;
  view: string;
  prompt: string;
  engine: { provider: string; model: string };
  parameters: Record<string, unknown>;
  svg?: string;
  png: Buffer;
  parentId?: string | null;
}

export interface AssetView {
  id: string;
  kind: AssetKind;
  view: string;
  version: number;
  parentId: string | null;
  prompt: string;
  engine: { provider: string; model: string };
  parameters: Record<string, unknown>;
  createdAt: string;
  svgUrl: string | null;
  pngUrl: string;
}

export interface VisualAssets {
  concept_sketches: AssetView[];
  flat_views: { front: AssetView[]; back: AssetView[]; side: AssetView[] };
  callouts: AssetView[];
}

const maxImageBytes = 50 * 1024 * 1024;

/**
 * Stores new visuals of a DPG: the images go to the blob store first, then every row is inserted in
 * one transaction, each the next version of its kind and view (the previous one stays).
 */
export async function storeAssets(deps: { db: Db; blobs: BlobStore }, dpg: DpgRow, assets: NewAsset[], now: Date): Promise<AssetRow[]> {
  const stored = await Promise.all(assets.map(async (asset) => ({
    asset,
    png: (await deps.blobs.put(Readable.from(asset.png), { maxBytes: maxImageBytes })).sha256,
    svg: asset.svg === undefined ? null : (await deps.blobs.put(Readable.from(Buffer.from(asset.svg)), { maxBytes: maxImageBytes })).sha256,
  })));
  return deps.db.transaction(async (tx) => {
    await tx.select({ id: tables.dpgs.id }).from(tables.dpgs).where(eq(tables.dpgs.id, dpg.id)).for('update');
    const rows: AssetRow[] = [];
    for (const { asset, png, svg } of stored) {
      const version = (await latestVersion(tx, dpg.id, asset.kind, asset.view)) + 1;
      const [row] = await tx.insert(tables.dpgAssets).values({
        id: newId(), workspaceId: dpg.workspaceId, dpgId: dpg.id, kind: asset.kind, view: asset.view, version, parentId: asset.parentId ?? null,
        prompt: asset.prompt, engine: asset.engine, parameters: asset.parameters, svgSha256: svg, pngSha256: png, createdAt: now,
      }).returning();
      rows.push(row!);
    }
    return rows;
  });
}

async function latestVersion(db: DbExecutor, dpgId: string, kind: string, view: string): Promise<number> {
  const [row] = await db.select({ version: max(tables.dpgAssets.version) }).from(tables.dpgAssets)
    .where(and(eq(tables.dpgAssets.dpgId, dpgId), eq(tables.dpgAssets.kind, kind), eq(tables.dpgAssets.view, view)));
  return row?.version ?? 0;
}

export async function assetsOf(db: DbExecutor, dpg: DpgRow): Promise<AssetRow[]> {
  return db.select().from(tables.dpgAssets)
    .where(and(eq(tables.dpgAssets.workspaceId, dpg.workspaceId), eq(tables.dpgAssets.dpgId, dpg.id)))
    .orderBy(asc(tables.dpgAssets.kind), asc(tables.dpgAssets.view), asc(tables.dpgAssets.version));
}

export async function assetRowById(db: DbExecutor, workspaceId: string, id: string): Promise<AssetRow> {
  const [row] = isId(id) ? await db.select().from(tables.dpgAssets).where(and(eq(tables.dpgAssets.workspaceId, workspaceId), eq(tables.dpgAssets.id, id))) : [];
  if (!row) throw new AssetNotFoundError();
  return row;
}

/** The latest version of each kind and view. */
export function latestAssets(rows: AssetRow[]): Map<string, AssetRow> {
  const latest = new Map<string, AssetRow>();
  for (const row of rows) {
    const key = `${row.kind}:${row.view}`;
    if ((latest.get(key)?.version ?? 0) < row.version) latest.set(key, row);
  }
  return latest;
}

export function assetView(row: AssetRow): AssetView {
  return {
    id: row.id, kind: row.kind as AssetKind, view: row.view, version: row.version, parentId: row.parentId, prompt: row.prompt, engine: row.engine,
    parameters: row.parameters, createdAt: row.createdAt.toISOString(),
    svgUrl: row.svgSha256 ? `/api/assets/${row.id}?format=svg` : null, pngUrl: `/api/assets/${row.id}?format=png`,
  };
}

/** The seed's shape: concept sketches, flat views per view, callouts; each list oldest version first. */
export function visualAssetsView(rows: AssetRow[]): VisualAssets {
  const views = rows.map(assetView);
  const flats = views.filter((a) => a.kind === 'flat');
  return {
    concept_sketches: views.filter((a) => a.kind === 'concept'),
    flat_views: { front: flats.filter((a) => a.view === 'front'), back: flats.filter((a) => a.view === 'back'), side: flats.filter((a) => a.view === 'side') },
    callouts: views.filter((a) => a.kind === 'callout'),
  };
}
