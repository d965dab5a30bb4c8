import type { ApparelParams, DesignParams } from './design-params.ts';
import { placeLogo, type Callout, type DetailSpec, type Dimension, type Shape, type ViewDrawing } from './drawing-model.ts';
import { mirrorPath } from './apparel-geometry.ts';
import type { FlatView } from './flat-phone-case.ts';
import { circlePath, line, mirrorX, moveTo, polyline, pt, quadTo, rectPath, type Point } from './path.ts';

interface PantsGeometry { ww: number; band: number; hipY: number; hip: number; rise: number; hemY: number; outer: number; inner: number; hemOuter: number; hemInner: number }

function pantsGeometry(a: ApparelParams): PantsGeometry {
  const m = a.measurements;
  const ww = m.waistWidthMm / 2;
  const hip = ww * 1.22;
  // Seen from the front a leg is about half the hip wide; the flat thigh POM also includes the back panel.
  const outer = hip + 6;
  const hemInner = Math.max(8, (outer - m.legOpeningMm) * 0.5);
  return { ww, band: 40, hipY: m.riseMm * 0.62, hip, rise: m.riseMm, hemY: m.riseMm + m.inseamMm, outer, inner: 4, hemOuter: hemInner + m.legOpeningMm, hemInner };
}

function outlinePath(p: PantsGeometry): string {
  const right: Point[] = [pt(p.ww, 0), pt(p.ww, p.band), pt(p.hip, p.hipY), pt(p.outer, p.rise + 25), pt(p.hemOuter, p.hemY), pt(p.hemInner, p.hemY), pt(p.inner, p.rise + 12)];
  const left = [...right].reverse().map((q) => mirrorX(q));
  return `${polyline([...right, pt(0, p.rise), ...left])}Z`;
}

/** Trousers laid flat: waistband, fly, pockets, legs and hems; the back adds yoke and back pockets. */
export function pantsView(params: DesignParams, a: ApparelParams, view: FlatView): ViewDrawing {
  const p = pantsGeometry(a);
  const m = a.measurements;
  const shapes: Shape[] = [];
  const callouts: Callout[] = [];
  if (view === 'side') return pantsSide(a, p);
  const both = (shape: Shape) => shapes.push(shape, { ...shape, d: mirrorPath(shape.d) });
  shapes.push({ role: 'outline', d: outlinePath(p), fill: 'body' });
  shapes.push({ role: 'seam', d: line(pt(-p.ww, p.band), pt(p.ww, p.band)) });
  shapes.push({ role: 'stitch', d: line(pt(-p.ww + 2, p.band - 4), pt(p.ww - 2, p.band - 4)) });
  for (const x of [p.ww * 0.35, p.ww * 0.85]) both({ role: 'detail', d: rectPath({ x: x - 5, y: -2, w: 10, h: p.band + 8 }, 1.5), fill: 'body', decorative: true });
  callouts.push({ at: pt(p.ww * 0.85, p.band / 2), text: `${p.band} mm waistband, belt loops` });
  if (a.cuffRib) {
    const top = p.hemY - a.ribHeightMm;
    both({ role: 'outline', d: polyline([pt(p.hemInner, top), pt(p.hemOuter, top), pt(p.hemOuter, p.hemY), pt(p.hemInner, p.hemY)], true), fill: 'body' });
    let ribs = '';
    for (let x = p.hemInner + 5; x < p.hemOuter - 2; x += 5) ribs += line(pt(x, top + 3), pt(x, p.hemY - 3));
    both({ role: 'texture', d: ribs });
    callouts.push({ at: pt(p.hemOuter, p.hemY - a.ribHeightMm / 2), text: `Rib leg cuffs ${a.ribHeightMm} mm` });
  } else {
    both({ role: 'stitch', d: line(pt(p.hemInner + 1, p.hemY - 22), pt(p.hemOuter - 1, p.hemY - 22)) });
    callouts.push({ at: pt(p.hemOuter - 10, p.hemY - 22), text: 'Leg hem 25 mm, single-needle' });
  }
  if (view === 'front') {
    shapes.push({ role: 'stitch', d: `${moveTo(pt(-35, p.band))}${line(pt(-35, p.band), pt(-35, p.rise - 70)).slice(0)}${quadTo(pt(-35, p.rise - 32), pt(0, p.rise - 28))}` });
    shapes.push({ role: 'seam', d: line(pt(0, p.band), pt(0, p.rise)) });
    if (a.closure === 'full_zip') shapes.push({ role: 'detail', d: rectPath({ x: -4, y: p.band + 4, w: 8, h: 14 }, 2), fill: 'hardware' });
    shapes.push({ role: 'detail', d: circlePath(pt(0, p.band / 2), 7), fill: a.closure === 'snaps' ? 'hardware' : 'white' });
    callouts.push({ at: pt(-35, p.rise * 0.6), text: a.closure === 'full_zip' ? 'Zip fly, J-stitch' : a.closure === 'snaps' ? 'Snap waist, button fly' : 'Button fly, J-stitch' });
    if (a.pockets === 'side_seam' || a.pockets === 'zip') {
      const slant = `${moveTo(pt(p.ww - 95, p.band))}${quadTo(pt(p.ww - 80, p.band + 110), pt(p.hip - 3, p.band + 150))}`;
      both({ role: 'detail', d: slant });
      if (a.pockets === 'zip') both({ role: 'detail', d: rectPath({ x: p.ww - 100, y: p.band + 2, w: 8, h: 14 }, 2), fill: 'hardware' });
      callouts.push({ at: pt(p.ww - 82, p.band + 80), text: a.pockets === 'zip' ? 'Slant zip pockets' : 'Slant front pockets' });
    } else if (a.pockets === 'patch') {
      const box = { x: p.outer - 175, y: p.rise + 110, w: 160, h: 190 };
      both({ role: 'outline', d: rectPath(box, 6), fill: 'body' });
      both({ role: 'detail', d: rectPath({ x: box.x - 4, y: box.y - 10, w: box.w + 8, h: 55 }, 4), fill: 'body' });
      both({ role: 'stitch', d: rectPath({ x: box.x + 5, y: box.y + 50, w: box.w - 10, h: box.h - 56 }, 4) });
      callouts.push({ at: pt(box.x + box.w, box.y + box.h / 2), text: 'Cargo pockets with flaps, 160 × 190 mm' });
    }
  } else {
    shapes.push({ role: 'seam', d: line(pt(0, p.band), pt(0, p.rise)) });
    if (a.backYoke) {
      shapes.push({ role: 'seam', d: polyline([pt(-p.ww - 2, p.band + 55), pt(0, p.band + 85), pt(p.ww + 2, p.band + 55)]) });
      callouts.push({ at: pt(p.ww * 0.6, p.band + 68), text: 'Back yoke' });
    }
    const box = { x: p.ww * 0.18, y: p.band + 100, w: 140, h: 155 };
    both({ role: 'outline', d: polyline([pt(box.x, box.y), pt(box.x + box.w, box.y), pt(box.x + box.w, box.y + box.h - 20), pt(box.x + box.w / 2, box.y + box.h), pt(box.x, box.y + box.h - 20)], true), fill: 'body' });
    both({ role: 'stitch', d: line(pt(box.x + 3, box.y + 14), pt(box.x + box.w - 3, box.y + 14)) });
    callouts.push({ at: pt(box.x + box.w, box.y + 60), text: 'Back patch pockets 140 × 155 mm' });
  }
  let logo;
  if (params.logo.present && params.logo.face === view) {
    const h = params.logo.widthMm * params.logo.aspect;
    const face = { x: -p.hip, y: p.band + 10, w: 2 * p.hip, h: p.hemY - p.band - 20 };
    const legX = (p.hemInner + p.hemOuter) / 2;
    logo = placeLogo(params.logo, face, {
      centre: pt(0, p.hipY + h), top: pt(-p.ww * 0.5, p.band + 40 + h / 2), bottom: pt(-legX, p.hemY - 150),
      left: pt(-p.outer * 0.55, p.rise + 80), right: pt(p.outer * 0.55, p.rise + 80),
    });
    callouts.push({ at: pt(logo.x + logo.w, logo.y + logo.h / 2), text: `Logo ${Math.round(logo.w)} mm wide, ${params.logo.method}` });
  }
  const dims: Dimension[] = [
    { a: pt(-p.ww, 0), b: pt(p.ww, 0), placement: 'above', text: `W ${m.waistWidthMm}` },
    { a: pt(-p.ww, 0), b: pt(-p.ww, p.rise), placement: 'left', text: `R ${m.riseMm}` },
    { a: pt(p.outer, p.rise), b: pt(p.outer, p.hemY), placement: 'right', text: `I ${m.inseamMm}` },
    { a: pt(p.hemInner, p.hemY - 10), b: pt(p.hemOuter, p.hemY - 10), placement: 'aligned', tier: 0, text: `O ${m.legOpeningMm}` },
    { a: pt(p.inner, p.rise + 30), b: pt(p.outer, p.rise + 30), placement: 'aligned', tier: 0, text: `T ${m.thighWidthMm}` },
  ];
  return {
    bounds: { x: -p.outer - 2, y: -2, w: 2 * p.outer + 4, h: p.hemY + 2 }, shapes, logo, dimensions: dims, callouts,
    notes: [`Points of measure, size ${a.baseSize} (flat, mm): W waist ${m.waistWidthMm} · R front rise ${m.riseMm} · I inseam ${m.inseamMm} · T thigh ${m.thighWidthMm} · O leg opening ${m.legOpeningMm}`,
      `Fabric ${a.fabricWeightGsm} gsm, ${a.fit} fit; tolerance ±10 mm on W, I and ±5 mm elsewhere.`],
  };
}

function pantsSide(a: ApparelParams, p: PantsGeometry): ViewDrawing {
  const depthTop = p.ww * 0.62;
  const knee = p.rise + (p.hemY - p.rise) * 0.5;
  const hemHalf = (p.hemOuter - p.hemInner) / 2;
  const outline = `${moveTo(pt(-depthTop / 2, 0))}${line(pt(-depthTop / 2, 0), pt(depthTop / 2 + 10, 0)).slice(0)}${quadTo(pt(depthTop / 2 + 40, p.rise * 0.7), pt(p.outer * 0.5, p.rise + 30))}${quadTo(pt(hemHalf + 20, knee), pt(hemHalf, p.hemY))}L${-hemHalf} ${p.hemY}${quadTo(pt(-hemHalf - 15, knee), pt(-p.outer * 0.45, p.rise + 30))}${quadTo(pt(-depthTop / 2 - 15, p.rise * 0.6), pt(-depthTop / 2, 0))}Z`;
  const shapes: Shape[] = [
    { role: 'outline', d: outline, fill: 'body' },
    { role: 'seam', d: line(pt(-depthTop / 2, p.band), pt(depthTop / 2 + 10, p.band)) },
    { role: 'seam', d: `${moveTo(pt(2, 0))}${quadTo(pt(8, knee), pt(0, p.hemY))}` },
  ];
  if (a.pockets === 'patch') shapes.push({ role: 'outline', d: rectPath({ x: -70, y: p.rise + 110, w: 140, h: 190 }, 6), fill: 'body' });
  return {
    bounds: { x: -p.outer * 0.5 - 20, y: -2, w: p.outer + 60, h: p.hemY + 2 }, shapes,
    dimensions: [{ a: pt(-depthTop / 2, 0), b: pt(-depthTop / 2, p.hemY), placement: 'left', text: `Outseam ${Math.round(p.hemY)}` }],
    callouts: [{ at: pt(4, knee), text: 'Side seam (outseam), felled' }],
    notes: ['Side profile; depth indicative (garment measured flat).'],
  };
}

export function pantsDetails(a: ApparelParams): DetailSpec[] {
  const p = pantsGeometry(a);
  const details: DetailSpec[] = [
    { name: 'closure', title: 'Fly and waistband', view: 'front', region: { x: -120, y: -20, w: 240, h: p.rise + 20 }, dimensions: [], notes: [`${a.closure === 'full_zip' ? 'Zip' : 'Button'} fly; ${p.band} mm waistband.`] },
    { name: 'pocket', title: 'Pockets', view: 'front', region: { x: 0, y: -20, w: p.outer + 20, h: p.rise + 320 }, dimensions: [], notes: [`${a.pockets.replace('_', ' ')} pockets.`] },
    { name: 'cuff', title: a.cuffRib ? 'Rib leg cuff' : 'Leg hem', view: 'front', region: { x: p.hemInner - 40, y: p.hemY - 160, w: p.hemOuter - p.hemInner + 80, h: 180 }, dimensions: [], notes: [`Leg opening ${a.measurements.legOpeningMm} mm flat.`] },
  ];
  return details;
}
