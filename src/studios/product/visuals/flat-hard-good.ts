import { ValidationError } from '../../../kernel/index.ts';
import type { DesignParams, HardGoodParams } from './design-params.ts';
import { placeLogo, type Callout, type DetailSpec, type Shape, type ViewDrawing } from './drawing-model.ts';
import type { FlatView } from './flat-phone-case.ts';
import { circlePath, line, pt, rectPath } from './path.ts';

function hardGoodOf(params: DesignParams): HardGoodParams {
  if (!params.hardGood) throw new ValidationError({ message: 'Design parameters have no hard good section.' });
  return params.hardGood;
}

/** Orthographic views of a hard good's bounding form: plan radii, edge treatment, parting line and feet. */
export function hardGoodView(params: DesignParams, view: FlatView): ViewDrawing {
  const h = hardGoodOf(params);
  const shapes: Shape[] = [];
  const callouts: Callout[] = [];
  const e = h.edgeSizeMm;
  if (view === 'side') {
    const D = h.depthMm;
    const H = h.heightMm;
    shapes.push({ role: 'outline', d: h.edge === 'chamfer' ? chamferRect(D, H, e) : rectPath({ x: 0, y: 0, w: D, h: H }, e), fill: 'body' });
    shapes.push({ role: 'detail', d: `${line(pt(e, 0), pt(e, H))}${line(pt(D - e, 0), pt(D - e, H))}` });
    if (h.accentBand) shapes.push({ role: 'detail', d: rectPath({ x: D * 0.35, y: 0, w: D * 0.3, h: H }), fill: 'accent' });
    if (h.partingLine) {
      shapes.push({ role: 'seam', d: line(pt(D / 2, 0), pt(D / 2, H)) });
      callouts.push({ at: pt(D / 2, H * 0.3), text: `Parting line at mid-depth (${h.process})` });
    }
    if (h.feet) for (const y of [H * 0.12, H * 0.88 - 6]) shapes.push({ role: 'outline', d: rectPath({ x: D, y, w: 2, h: 6 }, 1), fill: 'dark' });
    callouts.push({ at: pt(D - e / 2, e / 2), text: `${h.edge === 'chamfer' ? 'Chamfer' : 'Fillet'} ${e} mm on all front and back edges` });
    return {
      bounds: { x: 0, y: 0, w: D + (h.feet ? 2 : 0), h: H }, shapes, callouts,
      dimensions: [{ a: pt(0, 0), b: pt(D, 0), placement: 'above' }, { a: pt(0, 0), b: pt(0, H), placement: 'left' }],
      notes: ['Side view; draft angles 1° on walls unless stated.'],
    };
  }
  const W = h.widthMm;
  const H = h.heightMm;
  const R = h.cornerRadiusMm;
  shapes.push({ role: 'outline', d: rectPath({ x: 0, y: 0, w: W, h: H }, R), fill: h.accentBand && view === 'front' ? 'accent' : 'body' });
  shapes.push({ role: 'detail', d: rectPath({ x: e, y: e, w: W - 2 * e, h: H - 2 * e }, Math.max(0, R - e)), fill: 'body' });
  callouts.push({ at: pt(W - R * 0.3, R * 0.3), text: `Plan corner R ${R}` });
  if (h.accentBand && view === 'front') callouts.push({ at: pt(e / 2, H / 2), text: 'Accent colour perimeter band (two-shot)' });
  if (view === 'back') {
    const inset = Math.min(W, H) * 0.14;
    if (h.feet) {
      for (const [x, y] of [[inset, inset], [W - inset, inset], [inset, H - inset], [W - inset, H - inset]] as const) shapes.push({ role: 'outline', d: circlePath(pt(x, y), Math.min(6, inset * 0.45)), fill: 'dark' });
      callouts.push({ at: pt(W - inset, H - inset), text: 'Four TPE feet, 12 mm' });
    }
    shapes.push({ role: 'detail', d: rectPath({ x: W * 0.3, y: H * 0.38, w: W * 0.4, h: H * 0.24 }, 2), fill: 'white' });
    callouts.push({ at: pt(W * 0.3, H * 0.5), text: 'Label recess for rating and compliance marks' });
    for (const [x, y] of [[W * 0.22, H * 0.22], [W * 0.78, H * 0.78]] as const) shapes.push({ role: 'hidden', d: circlePath(pt(x, y), 2.5) });
  }
  let logo;
  if (params.logo.present && params.logo.face === view) {
    logo = placeLogo(params.logo, { x: e + 4, y: e + 4, w: W - 2 * e - 8, h: H - 2 * e - 8 });
    callouts.push({ at: pt(logo.x + logo.w, logo.y + logo.h / 2), text: `Logo ${Math.round(logo.w)} mm wide, ${params.logo.method}` });
  }
  return {
    bounds: { x: 0, y: 0, w: W, h: H }, shapes, logo, callouts,
    dimensions: [{ a: pt(0, 0), b: pt(W, 0), placement: 'above' }, { a: pt(0, 0), b: pt(0, H), placement: 'left' },
      ...(logo ? [{ a: pt(logo.x, logo.y + logo.h), b: pt(logo.x + logo.w, logo.y + logo.h), placement: 'below' as const }] : [])],
    notes: [`Bounding box ${W} × ${H} × ${h.depthMm} mm; ${h.process}; general tolerance ISO 2768-m.`],
  };
}

function chamferRect(w: number, h: number, c: number): string {
  return `M${c} 0L${w - c} 0L${w} ${c}L${w} ${h - c}L${w - c} ${h}L${c} ${h}L0 ${h - c}L0 ${c}Z`;
}

export function hardGoodDetails(params: DesignParams): DetailSpec[] {
  const h = hardGoodOf(params);
  const details: DetailSpec[] = [{
    name: 'edge', title: `${h.edge === 'chamfer' ? 'Chamfered' : 'Filleted'} edge`, view: 'side',
    region: { x: -3, y: -3, w: Math.min(h.depthMm + 6, 40), h: Math.min(h.heightMm, 30) },
    dimensions: [{ a: pt(0, 0), b: pt(h.edgeSizeMm, 0), placement: 'above', text: `${h.edgeSizeMm}` }],
    notes: [`${h.edge} ${h.edgeSizeMm} mm.`],
  }];
  if (params.logo.present) {
    const logo = hardGoodView(params, params.logo.face).logo;
    if (logo) details.push({ name: 'logo', title: 'Logo placement', view: params.logo.face, region: { x: logo.x - 10, y: logo.y - 10, w: logo.w + 20, h: logo.h + 20 }, dimensions: [{ a: pt(logo.x, logo.y), b: pt(logo.x + logo.w, logo.y), placement: 'above' }], notes: [`${params.logo.method}.`] });
  }
  return details;
}
