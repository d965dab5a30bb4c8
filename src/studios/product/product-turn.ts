import type { AgentReply, AgentTurn } from '../../agents/index.ts';
import { publishProjectEvent } from '../../projects/index.ts';
import { categorySpecs, type DpgData, type ProductCategory } from './dpg-data.ts';
import type { DpgStage } from './dpg-stages.ts';
import { factsOf, updateDpg, type DpgPatch, type DpgRow } from './dpg-store.ts';
import { designStateOf, type DesignState } from './design-state.ts';
import type { AssetView } from './dpg-assets.ts';
import type { ProductDeps } from './product-deps.ts';

/** One message to the design partner, with the DPG it works on. */
export interface ProductTurn {
  deps: ProductDeps;
  turn: AgentTurn;
  dpg: DpgRow;
  now: Date;
}

export const design = (t: ProductTurn): DesignState => designStateOf(t.dpg.design);
export const facts = (t: ProductTurn) => factsOf(t.dpg);

/** Saves a change to the DPG (guarded by its lifecycle) and tells the project's clients. */
export async function save(t: ProductTurn, patch: DpgPatch & { designPatch?: Partial<DesignState> }): Promise<void> {
  const { designPatch, ...rest } = patch;
  const next = { ...rest, ...(designPatch ? { design: { ...t.dpg.design, ...designPatch } } : {}) };
  t.dpg = await updateDpg(t.deps.db, t.dpg, next, t.now, t.turn.message.authorId ?? undefined);
  await publishProjectEvent(t.deps.events, {
    type: 'dpg.updated', workspaceId: t.dpg.workspaceId, projectId: t.dpg.projectId, data: { dpgId: t.dpg.id, stage: t.dpg.stage, version: t.dpg.version },
  });
}

/** Merges spec fields into the DPG's data, keeping only what its category's schema accepts. */
export function mergeSpec(category: ProductCategory, data: DpgData, patch: DpgData): DpgData {
  const schema = categorySpecs[category];
  const merged: Record<string, unknown> = { ...data };
  for (const [key, value] of Object.entries(patch)) {
    const candidate = { ...merged, [key]: value };
    if (schema.safeParse(candidate).success) merged[key] = value;
  }
  return merged as DpgData;
}

/** What a message says of a visual: enough to show it; the parameters stay on the asset. */
const assetRef = (a: AssetView) => ({ id: a.id, kind: a.kind, view: a.view, version: a.version, pngUrl: a.pngUrl });

/** A reply that carries the DPG's stage, so clients can follow the lifecycle. */
export function reply(t: ProductTurn, content: string, extra: Omit<AgentReply, 'content'> & { assets?: AssetView[] } = {}): AgentReply {
  const { assets, metadata, ...rest } = extra;
  return {
    content,
    ...rest,
    metadata: { ...metadata, dpgId: t.dpg.id, dpgVersion: t.dpg.version, stage: t.dpg.stage as DpgStage, ...(assets ? { assets: assets.map(assetRef) } : {}) },
  };
}
