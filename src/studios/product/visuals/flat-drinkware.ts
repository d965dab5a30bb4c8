import { ValidationError } from '../../../kernel/index.ts';
import type { DesignParams, DrinkwareParams } from './design-params.ts';
import { placeLogo, type Callout, type DetailSpec, type Dimension, type Shape, type ViewDrawing } from './drawing-model.ts';
import { mirrorPath } from './apparel-geometry.ts';
import type { FlatView } from './flat-phone-case.ts';
import { curveTo, line, lineTo, moveTo, polyline, pt, quadTo, rectPath, type Point } from './path.ts';

function drinkwareOf(params: DesignParams): DrinkwareParams {
  if (!params.drinkware) throw new ValidationError({ message: 'Design parameters have no drinkware section.' });
  return params.drinkware;
}

interface Profile { right: Point[]; neckY: number; rimRadius: number; bodyRadius: number; baseRadius: number; handleTop: number; handleBottom: number }

/** The right half of the body's silhouette, rim (y = 0) to base (y = height). */
function profile(d: DrinkwareParams): Profile {
  const H = d.heightMm;
  const R = d.diameterMm / 2;
  const rb = d.baseDiameterMm / 2;
  const rt = d.topDiameterMm / 2;
  if (d.shape === 'shouldered') {
    const neckY = H * 0.07;
    const shoulderY = H * 0.22;
    const right = [pt(rt, 0), pt(rt, neckY), pt((rt + R) / 2 + 4, (neckY + shoulderY) / 2), pt(R, shoulderY), pt(R, H - 8), pt(R - 8, H)];
    return { right, neckY, rimRadius: rt, bodyRadius: R, baseRadius: R - 8, handleTop: shoulderY, handleBottom: H * 0.75 };
  }
  const top = d.shape === 'straight' ? R : rt;
  const bottom = d.shape === 'straight' ? R : rb;
  return { right: [pt(top, 0), pt(bottom, H - 6), pt(bottom - 6, H)], neckY: 0, rimRadius: top, bodyRadius: Math.max(top, bottom), baseRadius: bottom - 6, handleTop: H * 0.16, handleBottom: H * 0.76 };
}

function bodyPath(p: Profile): string {
  const left = [...p.right].reverse().map((q) => pt(-q.x, q.y));
  return `${polyline([...p.right, ...left])}Z`;
}

/** x of the body's right edge at height y (linear between profile points). */
function edgeAt(p: Profile, y: number): number {
  for (let i = 1; i < p.right.length; i++) {
    const a = p.right[i - 1]!;
    const b = p.right[i]!;
    if (y >= a.y && y <= b.y) return a.x + ((b.x - a.x) * (y - a.y)) / Math.max(1e-6, b.y - a.y);
  }
  return p.right[p.right.length - 1]!.x;
}

function lidShapes(d: DrinkwareParams, p: Profile): { shapes: Shape[]; callouts: Callout[]; top: number } {
  const shapes: Shape[] = [];
  const callouts: Callout[] = [];
  const r = p.rimRadius + 2;
  const h = d.lidHeightMm;
  switch (d.lid) {
    case 'none':
      shapes.push({ role: 'detail', d: line(pt(-p.rimRadius + 0.5, 3), pt(p.rimRadius - 0.5, 3)) });
      callouts.push({ at: pt(p.rimRadius * 0.6, 1.5), text: 'Open rim, rounded 3 mm lip' });
      return { shapes, callouts, top: 0 };
    case 'screw':
    case 'loop':
    case 'flip': {
      shapes.push({ role: 'outline', d: rectPath({ x: -r, y: -h, w: 2 * r, h: h + 2 }, 4), fill: d.accentBand ? 'accent' : 'body' });
      let grip = '';
      for (let x = -r + 4; x < r - 2; x += 4) grip += line(pt(x, -h + 6), pt(x, -4));
      shapes.push({ role: 'texture', d: grip });
      let top = -h;
      if (d.lid === 'loop') {
        shapes.push({ role: 'outline', d: `${moveTo(pt(-r * 0.7, -h))}${curveTo(pt(-r * 0.7, -h - 38), pt(r * 0.7, -h - 38), pt(r * 0.7, -h))}${lineTo(pt(r * 0.7 - 8, -h))}${curveTo(pt(r * 0.7 - 8, -h - 28), pt(-r * 0.7 + 8, -h - 28), pt(-r * 0.7 + 8, -h))}Z`, fill: 'body' });
        top = -h - 29;
        callouts.push({ at: pt(0, -h - 28), text: 'Screw cap with integrated carry loop' });
      } else if (d.lid === 'flip') {
        shapes.push({ role: 'outline', d: rectPath({ x: -r * 0.55, y: -h - 14, w: r * 1.1, h: 16 }, 6), fill: 'body' });
        top = -h - 14;
        callouts.push({ at: pt(r * 0.55, -h - 6), text: 'Flip spout lid with hinge and lock' });
      } else {
        callouts.push({ at: pt(r, -h / 2), text: `Screw cap ${Math.round(2 * r)} mm, knurled grip` });
      }
      return { shapes, callouts, top };
    }
    case 'straw': {
      shapes.push({ role: 'outline', d: rectPath({ x: -r, y: -h * 0.45, w: 2 * r, h: h * 0.45 + 2 }, 5), fill: d.accentBand ? 'accent' : 'body' });
      shapes.push({ role: 'outline', d: polyline([pt(r * 0.2, -h * 0.45), pt(r * 0.28, -h * 0.45 - 80), pt(r * 0.28 + 9, -h * 0.45 - 80), pt(r * 0.2 + 9, -h * 0.45)], true), fill: 'white' });
      shapes.push({ role: 'hidden', d: line(pt(r * 0.2 + 4, 0), pt(r * 0.14, d.heightMm - 12)) });
      callouts.push({ at: pt(r * 0.28 + 9, -h * 0.45 - 60), text: 'Straw lid, reusable Tritan straw' });
      return { shapes, callouts, top: -h * 0.45 - 80 };
    }
    case 'slide':
    case 'press': {
      shapes.push({ role: 'outline', d: `${moveTo(pt(-r, 2))}${lineTo(pt(-r, -h * 0.55))}${quadTo(pt(-r, -h), pt(-r + 10, -h))}${lineTo(pt(r - 10, -h))}${quadTo(pt(r, -h), pt(r, -h * 0.55))}${lineTo(pt(r, 2))}Z`, fill: 'body' });
      shapes.push({ role: 'seam', d: line(pt(-r + 1, -h * 0.45), pt(r - 1, -h * 0.45)) });
      if (d.lid === 'slide') shapes.push({ role: 'detail', d: rectPath({ x: r * 0.1, y: -h - 3, w: r * 0.6, h: 5 }, 2), fill: 'hardware' });
      callouts.push({ at: pt(r * 0.5, -h), text: d.lid === 'slide' ? 'Press-fit lid with sliding sip closure' : 'Press-fit lid with sip opening' });
      return { shapes, callouts, top: -h - 3 };
    }
  }
}

function handlePath(d: DrinkwareParams, p: Profile): string | undefined {
  if (d.handle === 'none') return undefined;
  const H = d.heightMm;
  const t = 12;
  const y1 = p.handleTop;
  const y2 = p.handleBottom;
  const x1 = edgeAt(p, y1) - 2;
  const x2 = edgeAt(p, y2) - 2;
  const reach = d.handle === 'loop' ? H * 0.34 : H * 0.3;
  if (d.handle === 'd') {
    const xo = x1 + reach;
    const xi = xo - t;
    const r = 14;
    return `${moveTo(pt(x1, y1))}${lineTo(pt(xo - r, y1))}${quadTo(pt(xo, y1), pt(xo, y1 + r))}${lineTo(pt(xo, y2 - r))}${quadTo(pt(xo, y2), pt(xo - r, y2))}${lineTo(pt(x2, y2))}`
      + `${lineTo(pt(x2, y2 - t))}${lineTo(pt(xi - r * 0.6, y2 - t))}${quadTo(pt(xi, y2 - t), pt(xi, y2 - t - r * 0.6))}${lineTo(pt(xi, y1 + t + r * 0.6))}${quadTo(pt(xi, y1 + t), pt(xi - r * 0.6, y1 + t))}${lineTo(pt(x1, y1 + t))}Z`;
  }
  return `${moveTo(pt(x1, y1))}${curveTo(pt(x1 + reach * 1.3, y1 - 10), pt(x2 + reach * 1.3, y2 + 10), pt(x2, y2))}${lineTo(pt(x2, y2 - t))}${curveTo(pt(x2 + reach * 1.3 - t * 2, y2 + 4), pt(x1 + reach * 1.3 - t * 2, y1 - 4), pt(x1, y1 + t))}Z`;
}

/**
 * One view of a drinking vessel sized from its capacity (the frustum volume solved for the
 * diameter), with the lid, the handle, the inner wall as a hidden line and the print area.
 */
export function drinkwareView(params: DesignParams, view: FlatView): ViewDrawing {
  const d = drinkwareOf(params);
  const p = profile(d);
  const H = d.heightMm;
  const shapes: Shape[] = [];
  const callouts: Callout[] = [];
  const handle = handlePath(d, p);
  const side = view === 'side';
  const mirrored = view === 'back';
  if (handle && !side) shapes.push({ role: 'outline', d: mirrored ? mirrorPath(handle) : handle, fill: d.accentBand && d.vessel === 'mug' ? 'accent' : 'body' });
  shapes.push({ role: 'outline', d: bodyPath(p), fill: 'body' });
  if (handle && side) {
    shapes.push({ role: 'outline', d: rectPath({ x: -6, y: p.handleTop - 2, w: 12, h: p.handleBottom - p.handleTop + 4 }, 5), fill: 'body' });
    callouts.push({ at: pt(6, (p.handleTop + p.handleBottom) / 2), text: 'Handle seen end-on, 12 mm section' });
  }
  if (d.insulation !== 'single_wall') {
    const inner = p.right.map((q, i) => pt(Math.max(2, q.x - d.wallMm), i === p.right.length - 1 ? q.y - 10 : Math.max(q.y, p.neckY + 2)));
    const innerLeft = [...inner].reverse().map((q) => pt(-q.x, q.y));
    shapes.push({ role: 'hidden', d: polyline([...inner, ...innerLeft]) });
    callouts.push({ at: pt(-(p.bodyRadius - d.wallMm), H * 0.62), text: `${d.insulation === 'double_wall_vacuum' ? 'Double-wall vacuum' : 'Double-wall'} body, inner wall hidden` });
  } else {
    const inner = p.right.map((q, i) => pt(Math.max(2, q.x - d.wallMm), i === p.right.length - 1 ? q.y - d.wallMm * 1.6 : q.y));
    shapes.push({ role: 'hidden', d: polyline([...inner, ...[...inner].reverse().map((q) => pt(-q.x, q.y))]) });
  }
  if (d.accentBand) {
    const y1 = d.vessel === 'mug' ? 0 : H * 0.58;
    const y2 = d.vessel === 'mug' ? 12 : H * 0.7;
    const band = `${polyline([pt(-edgeAt(p, y1), y1), pt(edgeAt(p, y1), y1), pt(edgeAt(p, y2), y2), pt(-edgeAt(p, y2), y2)])}Z`;
    shapes.push({ role: 'detail', d: band, fill: 'accent' });
    callouts.push({ at: pt(edgeAt(p, (y1 + y2) / 2), (y1 + y2) / 2), text: d.vessel === 'mug' ? 'Glazed rim band in the accent colour' : 'Accent colour band, powder coat' });
  }
  shapes.push({ role: 'centre', d: line(pt(0, -d.lidHeightMm - 10), pt(0, H + 8)), decorative: true });
  const lid = lidShapes(d, p);
  shapes.push(...lid.shapes);
  callouts.push(...lid.callouts);
  if (handle && !side) {
    const x = edgeAt(p, (p.handleTop + p.handleBottom) / 2) + H * 0.3;
    callouts.push({ at: pt(mirrored ? -x : x, (p.handleTop + p.handleBottom) / 2), text: `${d.handle === 'c' ? 'C' : d.handle === 'd' ? 'D' : 'Loop'} handle` });
  }
  let logo;
  if (params.logo.present && params.logo.face === view) {
    const top = d.shape === 'shouldered' ? H * 0.26 : 18;
    const face = { x: -p.bodyRadius * 0.8, y: top, w: p.bodyRadius * 1.6, h: H - top - 20 };
    logo = placeLogo(params.logo, face, { top: pt(0, top + 10 + (params.logo.widthMm * params.logo.aspect) / 2), centre: pt(0, (top + H) / 2), bottom: pt(0, H * 0.82) });
    callouts.push({ at: pt(logo.x + logo.w, logo.y + logo.h / 2), text: `Logo ${Math.round(logo.w)} mm wide, ${params.logo.method}` });
  }
  const dims: Dimension[] = [
    { a: pt(-p.bodyRadius, 0), b: pt(-p.bodyRadius, H), placement: 'left' },
    { a: pt(-p.bodyRadius, lid.top), b: pt(-p.bodyRadius, H), placement: 'left', tier: 2 },
    { a: pt(-p.baseRadius - 6, H), b: pt(p.baseRadius + 6, H), placement: 'below', text: `Ø ${d.baseDiameterMm}` },
  ];
  if (d.shape === 'shouldered') {
    dims.push({ a: pt(-p.bodyRadius, H * 0.5), b: pt(p.bodyRadius, H * 0.5), placement: 'aligned', tier: 0, text: `Ø ${d.diameterMm}` });
    dims.push({ a: pt(-p.rimRadius, 0), b: pt(p.rimRadius, 0), placement: 'aligned', tier: 0, text: `Ø ${d.topDiameterMm}` });
  } else {
    dims.push({ a: pt(-p.rimRadius, 0), b: pt(p.rimRadius, 0), placement: 'above', text: `Ø ${Math.round(p.rimRadius * 20) / 10}` });
  }
  const handleReach = handle && !side ? H * 0.42 : 0;
  const left = -p.bodyRadius - 4 - (mirrored ? handleReach : 0);
  const right = p.bodyRadius + 4 + (mirrored ? 0 : handleReach);
  return {
    bounds: { x: left, y: lid.top, w: right - left, h: H - lid.top }, shapes, logo, dimensions: dims, callouts,
    notes: [`${d.capacityMl} ml ${d.vessel}, ${d.insulation.replace(/_/g, ' ')}, wall ${d.wallMm} mm; body ${d.heightMm} mm plus lid ${d.lidHeightMm} mm.`,
      'Capacity from the drawn volume; confirm by fill test (brimful and to the fill line).'],
  };
}

export function drinkwareDetails(params: DesignParams): DetailSpec[] {
  const d = drinkwareOf(params);
  const p = profile(d);
  const r = p.rimRadius + 10;
  const details: DetailSpec[] = [{
    name: 'lid', title: d.lid === 'none' ? 'Rim' : `${d.lid} lid`, view: 'front',
    region: { x: -r - 10, y: -d.lidHeightMm - 90, w: 2 * r + 20, h: d.lidHeightMm + 130 },
    dimensions: [{ a: pt(-p.rimRadius, 0), b: pt(p.rimRadius, 0), placement: 'below', text: `Ø ${d.topDiameterMm}` }],
    notes: [`Lid ${d.lid}, ${d.lidHeightMm} mm; food-contact silicone seal.`],
  }];
  if (d.handle !== 'none') details.push({ name: 'handle', title: 'Handle', view: 'front', region: { x: p.bodyRadius * 0.6, y: p.handleTop - 20, w: d.heightMm * 0.5, h: p.handleBottom - p.handleTop + 40 }, dimensions: [], notes: [`${d.handle} handle, 12 mm section.`] });
  details.push({ name: 'base', title: 'Base and wall section', view: 'front', region: { x: -p.bodyRadius - 10, y: d.heightMm - 50, w: p.bodyRadius + 30, h: 62 }, dimensions: [], notes: [`Wall ${d.wallMm} mm, ${d.insulation.replace(/_/g, ' ')}.`] });
  if (params.logo.present) {
    const logo = drinkwareView(params, params.logo.face).logo;
    if (logo) details.push({ name: 'logo', title: 'Logo placement', view: params.logo.face, region: { x: logo.x - 20, y: logo.y - 20, w: logo.w + 40, h: logo.h + 40 }, dimensions: [{ a: pt(logo.x, logo.y), b: pt(logo.x + logo.w, logo.y), placement: 'above' }], notes: [`${params.logo.method}.`] });
  }
  return details;
}
