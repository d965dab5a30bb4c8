import { calloutsFor, designParamsFor, drawTechnicalFlat, renderPng, type DesignParams, type ImageEngine } from './visuals/index.ts';
import type { DpgFacts } from './dpg-data.ts';
import type { AssetRow, NewAsset } from './dpg-assets.ts';

const flatViews = ['front', 'back', 'side'] as const;
const builtinEngine = { provider: 'builtin', model: 'builtin-flats-1' };

/** Three concept sketches, one per variant, drawn by the configured image engine (the built-in one by default). */
export async function drawConcepts(engine: ImageEngine, facts: DpgFacts, minimalism: number, prompt: string, parents: Map<string, AssetRow>, signal?: AbortSignal): Promise<NewAsset[]> {
  const assets: NewAsset[] = [];
  for (const variant of [1, 2, 3] as const) {
    const params = designParamsFor(facts, { variant, minimalism });
    const image = await engine.generate({ prompt: `${prompt} — concept ${variant}`, kind: 'concept', view: String(variant), params }, signal);
    assets.push({
      kind: 'concept', view: String(variant), prompt, engine: image.engine, parameters: { ...params } as Record<string, unknown>,
      svg: image.svg, png: image.png, parentId: parents.get(`concept:${variant}`)?.id ?? null,
    });
  }
  return assets;
}

/** Technical flats (front, back, side) and the callouts of one design, drawn to scale. */
export async function drawFlats(params: DesignParams, prompt: string, parents: Map<string, AssetRow>): Promise<NewAsset[]> {
  // The title block shows the version each drawing is about to become.
  const next = (kind: string, view: string) => (parents.get(`${kind}:${view}`)?.version ?? 0) + 1;
  const drawings = [
    ...flatViews.map((view) => ({ kind: 'flat' as const, view, svg: drawTechnicalFlat(params, view, { version: next('flat', view) }) })),
    ...calloutsFor(params).map((c) => ({ kind: 'callout' as const, view: c.name, svg: c.svg })),
  ];
  return Promise.all(drawings.map(async (d) => ({
    kind: d.kind, view: d.view, prompt, engine: builtinEngine, parameters: { ...params } as Record<string, unknown>,
    svg: d.svg, png: await renderPng(d.svg, { widthPx: 1024 }), parentId: parents.get(`${d.kind}:${d.view}`)?.id ?? null,
  })));
}
