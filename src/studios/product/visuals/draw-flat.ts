import { categoryLabels } from '../dpg-data.ts';
import { designDescriptor, drawingNumber, viewDrawing, type FlatView } from './category-views.ts';
import type { DesignParams } from './design-params.ts';
import { renderSheet } from './sheet.ts';
import { flatStyle } from './sheet-style.ts';

export interface FlatOptions {
  /** Printed in the title block's REV cell; the caller owns versioning. */
  version?: string | number;
}

/**
 * A technical flat of one view as an SVG string: drawn to scale in mm with black outlines,
 * dashed stitching, dimension lines, labelled leaders and a title block.
 *
 * @example
 * const svg = drawTechnicalFlat(designParamsFor(dpg), 'front', { version: 3 });
 */
export function drawTechnicalFlat(params: DesignParams, view: FlatView, options: FlatOptions = {}): string {
  const drawing = viewDrawing(params, view);
  return renderSheet(drawing, {
    title: params.title,
    viewLabel: `${view.toUpperCase()} VIEW`,
    subtitle: `${categoryLabels[params.category]} · ${designDescriptor(params)} · Concept ${params.variant} ${params.variantName}`,
    version: options.version,
    colors: params.colors,
    material: params.material,
    drawingNumber: drawingNumber(params, view[0]!.toUpperCase()),
  }, flatStyle(params));
}
