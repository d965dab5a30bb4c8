import { FoundryError, ValidationError } from '../../../kernel/index.ts';
import { flatViews, type FlatView } from './category-views.ts';
import type { DesignParams } from './design-params.ts';
import { calloutsFor } from './draw-callout.ts';
import { drawConceptSketch } from './draw-concept.ts';
import { drawTechnicalFlat } from './draw-flat.ts';
import { applyDesignEdit } from './edit-design.ts';
import type { GeneratedImage, ImageEditRequest, ImageEngine, ImageRequest } from './image-engine.ts';
import { renderPng } from './render-png.ts';

const engine = { provider: 'builtin', model: 'builtin-flats-1' };

function svgFor(params: DesignParams, req: ImageRequest): string {
  if (req.kind === 'concept') return drawConceptSketch(params);
  if (req.kind === 'flat') {
    if (!flatViews.includes(req.view as FlatView)) throw new ValidationError({ message: `Unknown flat view "${req.view}": use front, back or side.` });
    return drawTechnicalFlat(params, req.view as FlatView);
  }
  const callouts = calloutsFor(params);
  const found = callouts.find((c) => c.name === req.view);
  if (!found) throw new ValidationError({ message: `No callout "${req.view}" for this design; available: ${callouts.map((c) => c.name).join(', ')}.` });
  return found.svg;
}

async function draw(params: DesignParams, req: ImageRequest): Promise<GeneratedImage> {
  const svg = svgFor(params, req);
  return { svg, png: await renderPng(svg, { widthPx: req.widthPx ?? 1024 }), engine };
}

/**
 * The offline engine: draws concepts, flats and callouts from the design parameters (the
 * prompt is not needed), and edits by applying the instruction to the parameters and redrawing.
 */
export const builtinImageEngine: ImageEngine = {
  id: engine.provider,
  model: engine.model,
  async generate(req: ImageRequest, signal?: AbortSignal) {
    signal?.throwIfAborted();
    return draw(req.params, req);
  },
  async edit(req: ImageEditRequest, signal?: AbortSignal) {
    signal?.throwIfAborted();
    const { params, changes } = applyDesignEdit(req.params, req.instruction);
    if (changes.length === 0) {
      throw new FoundryError({
        code: 'DESIGN_EDIT_NOT_UNDERSTOOD', status: 422, category: 'user', details: { instruction: req.instruction },
        message: 'The change was not understood: try e.g. "make the logo smaller", "move the logo to the top", "raise the bezels", "pointed collar" or "make it navy".',
      });
    }
    return { ...(await draw(params, req)), params, changes };
  },
};
