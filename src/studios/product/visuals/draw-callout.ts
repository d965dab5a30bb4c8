import { detailSpecs, drawingNumber, viewDrawing } from './category-views.ts';
import type { DesignParams } from './design-params.ts';
import type { ViewDrawing } from './drawing-model.ts';
import { renderSheet } from './sheet.ts';
import { flatStyle } from './sheet-style.ts';

const inside = (p: { x: number; y: number }, r: { x: number; y: number; w: number; h: number }) =>
  p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h;

/**
 * Close-up detail drawings of the design's key features (logo, camera cutout, bezel, collar,
 * pocket, cuff, lid, handle, closure...), each an enlarged, clipped region of a view with its
 * own dimensions and notes.
 *
 * @example
 * for (const { name, svg } of calloutsFor(params)) store(name, svg);
 */
export function calloutsFor(params: DesignParams, options: { version?: string | number } = {}): { name: string; svg: string }[] {
  const views = new Map<string, ViewDrawing>();
  return detailSpecs(params).map((spec, index) => {
    const view = views.get(spec.view) ?? viewDrawing(params, spec.view);
    views.set(spec.view, view);
    const region = spec.region;
    const detail: ViewDrawing = {
      bounds: region,
      shapes: view.shapes,
      logo: view.logo && inside({ x: view.logo.x + view.logo.w / 2, y: view.logo.y + view.logo.h / 2 }, region) ? view.logo : undefined,
      dimensions: spec.dimensions,
      callouts: view.callouts.filter((c) => inside(c.at, region)).slice(0, 4),
      notes: spec.notes,
    };
    const letter = String.fromCharCode(65 + index);
    const svg = renderSheet(detail, {
      title: params.title,
      viewLabel: `DETAIL ${letter}`,
      subtitle: `Detail ${letter}: ${spec.title} (${spec.view} view) · Concept ${params.variant} ${params.variantName}`,
      version: options.version,
      colors: params.colors,
      material: params.material,
      drawingNumber: drawingNumber(params, `D${letter}`),
    }, flatStyle(params), { enlarge: true, clip: { x: region.x, y: region.y, w: region.w, h: region.h } });
    return { name: spec.name, svg };
  });
}
