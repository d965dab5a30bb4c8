import { ValidationError } from '../../../kernel/index.ts';
import type { BagParams, DesignParams } from './design-params.ts';
import { placeLogo, type Callout, type DetailSpec, type Dimension, type Shape, type ViewDrawing } from './drawing-model.ts';
import type { FlatView } from './flat-phone-case.ts';
import { circlePath, curveTo, line, lineTo, moveTo, polyline, pt, quadTo, rectPath, translatePath, type Box } from './path.ts';

function bagOf(params: DesignParams): BagParams {
  if (!params.bag) throw new ValidationError({ message: 'Design parameters have no bag section.' });
  return params.bag;
}

const mm = (v: number) => `${Math.round(v)} mm`;

/** The body outline of the front or back panel (origin at its top-left corner). */
function panelPath(b: BagParams): string {
  const W = b.widthMm;
  const H = b.heightMm;
  if (b.bagType === 'backpack') {
    const r = W * 0.32;
    return `${moveTo(pt(0, r))}${quadTo(pt(0, 0), pt(r, 0))}${lineTo(pt(W - r, 0))}${quadTo(pt(W, 0), pt(W, r))}${lineTo(pt(W, H - 25))}${quadTo(pt(W, H), pt(W - 25, H))}${lineTo(pt(25, H))}${quadTo(pt(0, H), pt(0, H - 25))}Z`;
  }
  if (b.bagType === 'duffel') return rectPath({ x: 0, y: 0, w: W, h: H }, H * 0.32);
  return rectPath({ x: 0, y: 0, w: W, h: H }, b.bagType === 'pouch' ? 14 : b.bagType === 'messenger' ? 10 : 4);
}

/** A strap loop from x1 to x2 on the top edge rising `drop` above it, as a band `w` wide. */
function loop(x1: number, x2: number, drop: number, w: number, y = 0): string {
  const outer = `${moveTo(pt(x1, y))}${curveTo(pt(x1, y - drop * 1.3), pt(x2, y - drop * 1.3), pt(x2, y))}`;
  const inner = `${lineTo(pt(x2 - w, y))}${curveTo(pt(x2 - w, y - drop * 1.3 + w * 1.6), pt(x1 + w, y - drop * 1.3 + w * 1.6), pt(x1 + w, y))}Z`;
  return `${outer}${inner}`;
}

/** A zip's stitch line, 6 mm inside it. */
function translateInward(d: string): string {
  return translatePath(d, 0, 6);
}

function boxX(box: Box): string {
  return `${rectPath(box)}${line(pt(box.x, box.y), pt(box.x + box.w, box.y + box.h))}${line(pt(box.x + box.w, box.y), pt(box.x, box.y + box.h))}`;
}

/**
 * One view of a bag from its width, height and depth (sized from the capacity when the DPG
 * gives none): panels, handles or straps, closure, pockets, base and seams.
 */
export function bagView(params: DesignParams, view: FlatView): ViewDrawing {
  const b = bagOf(params);
  return view === 'side' ? bagSide(b) : bagFace(params, b, view);
}

function bagFace(params: DesignParams, b: BagParams, view: 'front' | 'back'): ViewDrawing {
  const W = b.widthMm;
  const H = b.heightMm;
  const shapes: Shape[] = [];
  const callouts: Callout[] = [];
  const sw = b.straps.widthMm;
  let top = 0;
  const strapsAbove = b.straps.kind === 'handles' || b.straps.kind === 'shoulder' || b.straps.kind === 'crossbody';
  if (strapsAbove) {
    const drop = b.straps.dropMm;
    const [x1, x2] = b.straps.kind === 'crossbody' ? [-2, W + 2] : b.bagType === 'duffel' ? [W * 0.3, W * 0.7] : [W * 0.22, W * 0.78];
    shapes.push({ role: 'detail', d: loop(x1 + 6, x2 - 6, drop * 0.96, sw, 0), fill: 'body' });
    shapes.push({ role: 'outline', d: loop(x1, x2, drop, sw, 0), fill: b.contrastBase ? 'accent' : 'body' });
    top = -drop;
    callouts.push({ at: pt((x1 + x2) / 2, -drop * 0.98), text: `${b.straps.kind === 'handles' ? 'Handles' : b.straps.kind === 'crossbody' ? 'Crossbody strap' : 'Shoulder straps'} ${mm(sw)} webbing, ${mm(b.straps.dropMm)} drop${b.straps.adjustable ? ', adjustable' : ''}` });
  } else if (b.bagType === 'backpack') {
    shapes.push({ role: 'outline', d: loop(W / 2 - 45, W / 2 + 45, 55, 22, 18), fill: 'body' });
    top = -55;
    callouts.push({ at: pt(W / 2, -50), text: 'Top grab handle, 25 mm webbing' });
  }
  shapes.push({ role: 'outline', d: panelPath(b), fill: 'body' });
  if (b.contrastBase) {
    const base = Math.min(90, H * 0.22);
    shapes.push({ role: 'detail', d: `${moveTo(pt(0, H - base))}${lineTo(pt(W, H - base))}${panelBottom(b)}Z`, fill: 'accent' });
    shapes.push({ role: 'stitch', d: line(pt(4, H - base - 5), pt(W - 4, H - base - 5)) });
    callouts.push({ at: pt(W * 0.8, H - base / 2), text: `Contrast base panel, ${mm(base)} high` });
  }
  if (strapsAbove && b.straps.kind !== 'crossbody') {
    const [x1, x2] = b.bagType === 'duffel' ? [W * 0.3, W * 0.7] : [W * 0.22, W * 0.78];
    shapes.push({ role: 'stitch', d: boxX({ x: x1 + 2, y: 8, w: sw - 4, h: 34 }), decorative: true }, { role: 'stitch', d: boxX({ x: x2 - sw + 2, y: 8, w: sw - 4, h: 34 }), decorative: true });
    shapes.push({ role: 'detail', d: rectPath({ x: x1, y: 0, w: sw, h: 48 }) }, { role: 'detail', d: rectPath({ x: x2 - sw, y: 0, w: sw, h: 48 }) });
    callouts.push({ at: pt(x2 - sw / 2, 30), text: 'Box-X bar-tacked strap ends' });
  }
  if (b.straps.kind === 'crossbody') {
    shapes.push({ role: 'detail', d: rectPath({ x: -6, y: 12, w: 10, h: 20 }, 2), fill: 'hardware' }, { role: 'detail', d: rectPath({ x: W - 4, y: 12, w: 10, h: 20 }, 2), fill: 'hardware' });
  }
  if (view === 'front') {
    addPocket(b, shapes, callouts);
    addClosure(b, shapes, callouts);
  } else if (b.bagType === 'backpack') {
    addBackpackBack(b, shapes, callouts);
  } else {
    shapes.push({ role: 'stitch', d: line(pt(6, 25), pt(W - 6, 25)) });
  }
  if (b.bagType !== 'backpack' || view === 'front') shapes.push({ role: 'stitch', d: `${panelInset(b)}`, decorative: true });
  let logo;
  if (params.logo.present && params.logo.face === view) {
    const flapBottom = b.closure === 'flap' || b.closure === 'buckle' ? H * (b.bagType === 'messenger' ? 0.72 : 0.48) : 0;
    const face = { x: 20, y: 20, w: W - 40, h: H - 40 };
    const h = params.logo.widthMm * params.logo.aspect;
    logo = placeLogo(params.logo, face, {
      top: pt(W / 2, flapBottom > 0 ? flapBottom * 0.55 : H * 0.2 + h / 2),
      centre: pt(W / 2, flapBottom > 0 ? flapBottom * 0.5 : H / 2),
      bottom: pt(W / 2, H * 0.78),
    });
    callouts.push({ at: pt(logo.x + logo.w, logo.y + logo.h / 2), text: `Logo ${mm(logo.w)} wide, ${params.logo.method}` });
  }
  const dims: Dimension[] = [
    { a: pt(0, H), b: pt(W, H), placement: 'below' },
    { a: pt(0, 0), b: pt(0, H), placement: 'left' },
  ];
  if (top < 0) dims.push({ a: pt(W, top), b: pt(W, 0), placement: 'right', text: `${Math.round(-top)}` });
  if (logo) dims.push({ a: pt(logo.x, logo.y + logo.h), b: pt(logo.x + logo.w, logo.y + logo.h), placement: 'below', tier: 2 });
  return {
    bounds: { x: -8, y: top, w: W + 16, h: H - top }, shapes, logo, dimensions: dims, callouts,
    notes: [`${b.bagType} ${W} × ${H} × ${b.depthMm} mm (W × H × D), about ${b.capacityL} L; closure: ${b.closure}.`, 'Seam allowance 10 mm; raw edges bound or turned.'],
  };
}

function panelBottom(b: BagParams): string {
  const W = b.widthMm;
  const H = b.heightMm;
  const r = b.bagType === 'backpack' ? 25 : b.bagType === 'duffel' ? H * 0.32 : b.bagType === 'pouch' ? 14 : b.bagType === 'messenger' ? 10 : 4;
  return `${lineTo(pt(W, H - r))}${quadTo(pt(W, H), pt(W - r, H))}${lineTo(pt(r, H))}${quadTo(pt(0, H), pt(0, H - r))}`;
}

function panelInset(b: BagParams): string {
  const W = b.widthMm;
  const H = b.heightMm;
  return polyline([pt(6, H * 0.35), pt(6, H - 8), pt(W - 6, H - 8), pt(W - 6, H * 0.35)]);
}

function addClosure(b: BagParams, shapes: Shape[], callouts: Callout[]): void {
  const W = b.widthMm;
  const H = b.heightMm;
  switch (b.closure) {
    case 'open':
      shapes.push({ role: 'stitch', d: line(pt(4, 25), pt(W - 4, 25)) });
      callouts.push({ at: pt(W * 0.1, 25), text: 'Open top, 30 mm turned hem' });
      break;
    case 'zip': {
      if (b.bagType === 'backpack') {
        const r = W * 0.32 - 35;
        const d = `${moveTo(pt(35, H * 0.55))}${lineTo(pt(35, r + 35))}${quadTo(pt(35, 35), pt(r + 35, 35))}${lineTo(pt(W - r - 35, 35))}${quadTo(pt(W - 35, 35), pt(W - 35, r + 35))}${lineTo(pt(W - 35, H * 0.55))}`;
        shapes.push({ role: 'detail', d }, { role: 'stitch', d: translateInward(d) });
        shapes.push({ role: 'detail', d: rectPath({ x: W * 0.42, y: 30, w: 8, h: 22 }, 2), fill: 'hardware' }, { role: 'detail', d: rectPath({ x: W * 0.56, y: 30, w: 8, h: 22 }, 2), fill: 'hardware' });
        callouts.push({ at: pt(W - 35, H * 0.3), text: 'Two-way #8 coil zip, double pullers' });
      } else {
        shapes.push({ role: 'detail', d: `${line(pt(10, 4), pt(W - 10, 4))}${line(pt(10, 10), pt(W - 10, 10))}` });
        shapes.push({ role: 'detail', d: rectPath({ x: W * 0.82, y: 3, w: 10, h: 26 }, 3), fill: 'hardware' });
        callouts.push({ at: pt(W * 0.83, 14), text: 'Top zip, #5 coil, leather pull' });
      }
      break;
    }
    case 'magnetic':
      shapes.push({ role: 'hidden', d: circlePath(pt(W / 2, 22), 9) });
      shapes.push({ role: 'stitch', d: line(pt(4, 25), pt(W - 4, 25)) });
      callouts.push({ at: pt(W / 2 + 9, 22), text: 'Hidden magnetic snap, 18 mm' });
      break;
    case 'drawstring': {
      shapes.push({ role: 'seam', d: line(pt(0, 32), pt(W, 32)) });
      let gathers = '';
      for (let x = 12; x < W - 8; x += 14) gathers += line(pt(x, 4), pt(x + 4, 28));
      shapes.push({ role: 'texture', d: gathers });
      shapes.push({ role: 'detail', d: `${moveTo(pt(W - 6, 16))}${quadTo(pt(W + 20, 40), pt(W + 10, 90))}${moveTo(pt(W - 6, 20))}${quadTo(pt(W + 12, 44), pt(W + 2, 95))}` });
      shapes.push({ role: 'detail', d: rectPath({ x: W - 2, y: 90, w: 18, h: 14 }, 4), fill: 'hardware' });
      callouts.push({ at: pt(W + 10, 70), text: 'Drawcord channel 30 mm, cord lock' });
      break;
    }
    case 'flap':
    case 'buckle': {
      const fh = H * (b.bagType === 'messenger' ? 0.72 : 0.48);
      shapes.push({ role: 'outline', d: `${moveTo(pt(-2, 0))}${lineTo(pt(W + 2, 0))}${lineTo(pt(W + 2, fh - 20))}${quadTo(pt(W + 2, fh), pt(W - 18, fh))}${lineTo(pt(18, fh))}${quadTo(pt(-2, fh), pt(-2, fh - 20))}Z`, fill: 'body' });
      shapes.push({ role: 'stitch', d: `${moveTo(pt(5, 0))}${lineTo(pt(5, fh - 20))}${quadTo(pt(5, fh - 7), pt(18, fh - 7))}${lineTo(pt(W - 18, fh - 7))}${quadTo(pt(W - 5, fh - 7), pt(W - 5, fh - 20))}${lineTo(pt(W - 5, 0))}` });
      if (b.closure === 'buckle') {
        for (const x of [W * 0.28, W * 0.72]) {
          shapes.push({ role: 'detail', d: rectPath({ x: x - 12, y: fh - 40, w: 24, h: 90 }, 2), fill: 'body' });
          shapes.push({ role: 'outline', d: rectPath({ x: x - 16, y: fh + 8, w: 32, h: 22 }, 3), fill: 'hardware' });
        }
        callouts.push({ at: pt(W * 0.72 + 16, fh + 19), text: 'Flap with two 25 mm buckles' });
      } else {
        shapes.push({ role: 'hidden', d: circlePath(pt(W / 2, fh - 25), 9) });
        callouts.push({ at: pt(W * 0.8, fh - 10), text: `Flap ${mm(fh)} deep, hidden magnetic catch` });
      }
      break;
    }
  }
}

function addPocket(b: BagParams, shapes: Shape[], callouts: Callout[]): void {
  const W = b.widthMm;
  const H = b.heightMm;
  const flap = b.closure === 'flap' || b.closure === 'buckle';
  const y0 = flap ? H * (b.bagType === 'messenger' ? 0.62 : 0.4) : H * 0.42;
  const box = { x: W * 0.16, y: y0, w: W * 0.68, h: H - y0 - (b.contrastBase ? Math.min(90, H * 0.22) + 12 : 22) };
  if (b.frontPocket === 'none' || box.h < 40) return;
  if (b.frontPocket === 'zip') {
    shapes.push({ role: 'outline', d: rectPath(box, 10), fill: 'body' });
    shapes.push({ role: 'detail', d: `${line(pt(box.x + 14, box.y + 18), pt(box.x + box.w - 14, box.y + 18))}${line(pt(box.x + 14, box.y + 23), pt(box.x + box.w - 14, box.y + 23))}` });
    shapes.push({ role: 'detail', d: rectPath({ x: box.x + box.w - 30, y: box.y + 16, w: 8, h: 22 }, 2), fill: 'hardware' });
    shapes.push({ role: 'stitch', d: rectPath({ x: box.x + 5, y: box.y + 5, w: box.w - 10, h: box.h - 10 }, 8) });
    callouts.push({ at: pt(box.x + box.w, box.y + box.h / 2), text: `Zipped front pocket ${mm(box.w)} wide` });
  } else {
    shapes.push({ role: 'outline', d: rectPath(box, b.frontPocket === 'patch' ? 8 : 2), fill: 'body' });
    shapes.push({ role: 'stitch', d: polyline([pt(box.x + 5, box.y + 12), pt(box.x + 5, box.y + box.h - 5), pt(box.x + box.w - 5, box.y + box.h - 5), pt(box.x + box.w - 5, box.y + 12)]) });
    shapes.push({ role: 'stitch', d: line(pt(box.x + 3, box.y + 12), pt(box.x + box.w - 3, box.y + 12)) });
    callouts.push({ at: pt(box.x + box.w, box.y + box.h / 2), text: `${b.frontPocket === 'slip' ? 'Open slip' : 'Patch'} pocket ${mm(box.w)} × ${mm(box.h)}` });
  }
}

function addBackpackBack(b: BagParams, shapes: Shape[], callouts: Callout[]): void {
  const W = b.widthMm;
  const H = b.heightMm;
  shapes.push({ role: 'detail', d: rectPath({ x: W * 0.12, y: H * 0.16, w: W * 0.76, h: H * 0.62 }, 30), fill: 'shade' });
  let mesh = '';
  for (let y = H * 0.2; y < H * 0.76; y += 12) mesh += line(pt(W * 0.15, y), pt(W * 0.85, y));
  shapes.push({ role: 'texture', d: mesh });
  const strap = (side: 1 | -1) => {
    const x0 = W / 2 + side * 25;
    const x1 = side > 0 ? W - 20 : 20;
    return `${moveTo(pt(x0, 30))}${curveTo(pt(x0 + side * 90, 40), pt(x1 + side * 10, H * 0.35), pt(x1, H * 0.82))}${lineTo(pt(x1 - side * 60, H * 0.82))}${curveTo(pt(x1 - side * 50, H * 0.4), pt(x0 + side * 30, 70), pt(x0 - side * 10, 34))}Z`;
  };
  shapes.push({ role: 'outline', d: strap(-1), fill: 'body' }, { role: 'outline', d: strap(1), fill: 'body' });
  shapes.push({ role: 'detail', d: rectPath({ x: W * 0.28, y: H * 0.34, w: W * 0.44, h: 18 }, 4), fill: 'body' }, { role: 'outline', d: rectPath({ x: W / 2 - 14, y: H * 0.34 - 3, w: 28, h: 24 }, 3), fill: 'hardware' });
  callouts.push({ at: pt(W - 40, H * 0.6), text: `Padded S-curve shoulder straps ${mm(b.straps.widthMm)}, adjustable` }, { at: pt(W / 2 + 14, H * 0.34 + 9), text: 'Sternum strap with side-release buckle' }, { at: pt(W * 0.2, H * 0.7), text: 'Padded mesh back panel' });
}

function bagSide(b: BagParams): ViewDrawing {
  const D = b.depthMm;
  const H = b.heightMm;
  const shapes: Shape[] = [];
  const callouts: Callout[] = [];
  const pinch = b.bagType === 'tote' ? D * 0.18 : 0;
  const outline = b.bagType === 'duffel'
    ? rectPath({ x: 0, y: 0, w: D, h: H }, Math.min(D, H) * 0.45)
    : `${moveTo(pt(pinch, 0))}${lineTo(pt(D - pinch, 0))}${lineTo(pt(D, H - 8))}${quadTo(pt(D, H), pt(D - 8, H))}${lineTo(pt(8, H))}${quadTo(pt(0, H), pt(0, H - 8))}Z`;
  let top = 0;
  if (b.straps.kind === 'handles' || b.straps.kind === 'shoulder' || b.straps.kind === 'crossbody') {
    const drop = b.straps.dropMm;
    shapes.push({ role: 'outline', d: rectPath({ x: D / 2 - 3, y: -drop, w: 6, h: drop + 30 }, 3), fill: 'body' });
    top = -drop;
  }
  if (b.bagType === 'backpack') {
    shapes.push({ role: 'outline', d: `${moveTo(pt(D - 4, 40))}${curveTo(pt(D + 70, 70), pt(D + 60, H * 0.6), pt(D + 8, H * 0.85))}${lineTo(pt(D - 2, H * 0.82))}${curveTo(pt(D + 40, H * 0.55), pt(D + 45, 90), pt(D - 4, 70))}Z`, fill: 'body' });
    callouts.push({ at: pt(D + 50, H * 0.45), text: 'Shoulder strap profile, 15 mm foam' });
  }
  shapes.push({ role: 'outline', d: outline, fill: 'body' });
  shapes.push({ role: 'seam', d: line(pt(D / 2, 6), pt(D / 2, H - 6)), decorative: true });
  if (b.contrastBase) shapes.push({ role: 'detail', d: rectPath({ x: 0, y: H - Math.min(90, H * 0.22), w: D, h: Math.min(90, H * 0.22) }, 6), fill: 'accent' });
  callouts.push({ at: pt(D * 0.75, H * 0.5), text: `Side gusset ${mm(D)}, centre seam` });
  return {
    bounds: { x: -4, y: top, w: D + (b.bagType === 'backpack' ? 80 : 8), h: H - top }, shapes, callouts,
    dimensions: [{ a: pt(0, H), b: pt(D, H), placement: 'below' }, { a: pt(0, 0), b: pt(0, H), placement: 'left' }],
    notes: [`Depth ${b.depthMm} mm at the base${pinch > 0 ? ', pinched at the opening' : ''}.`],
  };
}

export function bagDetails(params: DesignParams): DetailSpec[] {
  const b = bagOf(params);
  const W = b.widthMm;
  const H = b.heightMm;
  const details: DetailSpec[] = [
    { name: 'closure', title: `${b.closure} closure`, view: 'front', region: { x: -20, y: -30, w: W + 40, h: Math.min(H, (b.closure === 'flap' || b.closure === 'buckle') ? H * 0.8 : 160) }, dimensions: [], notes: [`Closure: ${b.closure}.`] },
  ];
  if (b.straps.kind !== 'none') {
    const x = b.bagType === 'duffel' ? W * 0.7 : b.straps.kind === 'crossbody' ? W : W * 0.78;
    details.push({ name: 'strap', title: 'Strap attachment', view: 'front', region: { x: x - 90, y: -60, w: 140, h: 140 }, dimensions: [], notes: [`${b.straps.widthMm} mm webbing, bar-tacked; drop ${b.straps.dropMm} mm.`] });
  }
  if (b.frontPocket !== 'none') details.push({ name: 'pocket', title: 'Front pocket', view: 'front', region: { x: 0, y: H * 0.35, w: W, h: H * 0.67 }, dimensions: [], notes: [`${b.frontPocket} pocket.`] });
  if (params.logo.present) {
    const logo = bagView(params, params.logo.face).logo;
    if (logo) details.push({ name: 'logo', title: 'Logo placement', view: params.logo.face, region: { x: logo.x - 30, y: logo.y - 30, w: logo.w + 60, h: logo.h + 60 }, dimensions: [{ a: pt(logo.x, logo.y), b: pt(logo.x + logo.w, logo.y), placement: 'above' }], notes: [`${params.logo.method}.`] });
  }
  return details;
}
