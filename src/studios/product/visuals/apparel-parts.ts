import type { Callout, Shape } from './drawing-model.ts';
import type { ApparelParams } from './params-apparel.ts';
import { mirrorPath, neckCurve, type TopGeometry } from './apparel-geometry.ts';
import { add, circlePath, curveTo, line, lineTo, mirrorX, moveTo, polyline, pt, quadTo, rectPath, scale, sub } from './path.ts';

/** Garment parts of a top as shapes plus the leaders that name them. */
export interface Parts { shapes: Shape[]; callouts: Callout[] }

const both = (shape: Shape): Shape[] => [shape, { ...shape, d: mirrorPath(shape.d) }];

/** Top of the front opening, where a placket or zip starts. */
export function openingTop(a: ApparelParams, g: TopGeometry): number {
  return a.neckline === 'mock' ? -collarHeight + 8 : g.frontDrop;
}

export const collarHeight = 48;

export function frontNeck(a: ApparelParams, g: TopGeometry): Parts {
  const fd = g.frontDrop;
  const shapes: Shape[] = [];
  const callouts: Callout[] = [];
  const band = 20;
  switch (a.neckline) {
    case 'crew': {
      shapes.push({ role: 'detail', d: `${neckCurve(g, fd)}${reverseBackNeck(g)}Z`, fill: 'shade' });
      shapes.push({ role: 'detail', d: `${neckCurve(g, fd)}`, fill: 'none' });
      shapes.push({ role: 'seam', d: neckCurve(g, fd + band, band * 0.55, band * 0.2) });
      shapes.push({ role: 'stitch', d: neckCurve(g, fd + band + 5, band * 0.6 + 3, band * 0.25 + 2) });
      shapes.push(...ribArc(g, fd, band));
      callouts.push({ at: pt(0, fd + band / 2), text: `Crew neck, ${band} mm 1×1 rib band, ${stitchName(a)} below` });
      break;
    }
    case 'v_neck': {
      const outer = polyline([mirrorX(g.neck), pt(0, fd), g.neck]);
      const inner = polyline([pt(-g.nw - band * 0.55, band * 0.2), pt(0, fd + band * 1.3), pt(g.nw + band * 0.55, band * 0.2)]);
      shapes.push({ role: 'detail', d: `${outer}${reverseBackNeck(g)}Z`, fill: 'shade' });
      shapes.push({ role: 'seam', d: inner });
      shapes.push({ role: 'seam', d: line(pt(0, fd), pt(0, fd + band * 1.3)) });
      shapes.push({ role: 'stitch', d: polyline([pt(-g.nw - band * 0.6 - 3, band * 0.25 + 2), pt(0, fd + band * 1.3 + 6), pt(g.nw + band * 0.6 + 3, band * 0.25 + 2)]) });
      callouts.push({ at: pt(g.nw * 0.5, fd * 0.5 + band * 0.5), text: `V-neck, ${fd} mm drop, mitred rib band` });
      break;
    }
    case 'mock': {
      const top = -collarHeight;
      const l = pt(-g.nw + 4, top);
      const r = pt(g.nw - 4, top);
      shapes.push({ role: 'outline', d: `${moveTo(pt(-g.nw - 6, 4))}${lineTo(l)}${quadTo(pt(0, top + 14), r)}${lineTo(pt(g.nw + 6, 4))}${quadTo(pt(0, 44), pt(-g.nw - 6, 4))}Z`, fill: 'body' });
      shapes.push({ role: 'detail', d: `${moveTo(l)}${quadTo(pt(0, top - 10), r)}${quadTo(pt(0, top + 14), l)}Z`, fill: 'shade' });
      shapes.push({ role: 'seam', d: `${moveTo(pt(-g.nw - 6, 4))}${quadTo(pt(0, 44), pt(g.nw + 6, 4))}` });
      shapes.push({ role: 'stitch', d: `${moveTo(pt(-g.nw - 8, 10))}${quadTo(pt(0, 50), pt(g.nw + 8, 10))}` });
      callouts.push({ at: pt(g.nw - 8, top + 16), text: `Mock neck, ${collarHeight} mm high, double layer` });
      break;
    }
    case 'pointed_collar':
    case 'round_collar': {
      const pointed = a.neckline === 'pointed_collar';
      shapes.push({ role: 'detail', d: `${neckCurve(g, fd)}${reverseBackNeck(g)}Z`, fill: 'shade' });
      const back = `${moveTo(pt(-g.nw - 10, 2))}${curveTo(pt(-g.nw, -20), pt(-g.nw * 0.5, -24), pt(0, -24))}${curveTo(pt(g.nw * 0.5, -24), pt(g.nw, -20), pt(g.nw + 10, 2))}${reverseBackNeck(g).replace(/^L[^C]*/, '')}`;
      shapes.push({ role: 'outline', d: `${back}Z`, fill: a.contrastPanels ? 'accent' : 'body' });
      const leaf = pointed ? pointedLeaf(g) : roundLeaf(g);
      shapes.push(...both({ role: 'outline', d: leaf, fill: a.contrastPanels ? 'accent' : 'body' }));
      shapes.push({ role: 'stitch', d: insetLeafStitch(g, pointed, false), decorative: true }, { role: 'stitch', d: insetLeafStitch(g, pointed, true), decorative: true });
      callouts.push({ at: pointed ? pt(g.nw * 0.5 + 34, fd + 44) : pt(g.nw + 30, fd * 0.6 + 26), text: pointed ? 'Pointed collar, 70 mm points, interlined' : 'Round (Peter Pan) collar, flat, interlined' });
      break;
    }
    case 'hood':
      break;
  }
  return { shapes, callouts };
}

function stitchName(a: ApparelParams): string {
  return a.stitch === 'coverstitch' ? 'coverstitched' : a.stitch === 'twin_needle' ? 'twin-needle topstitch' : 'single-needle topstitch';
}

/** The back neck from the right neck point to the left one, as a path continuation. */
function reverseBackNeck(g: TopGeometry): string {
  const d = g.backDrop;
  return `${lineTo(g.neck)}${curveTo(pt(g.nw, d * 0.8), pt(g.nw * 0.5, d), pt(0, d))}${curveTo(pt(-g.nw * 0.5, d), pt(-g.nw, d * 0.8), mirrorX(g.neck))}`;
}

function ribArc(g: TopGeometry, fd: number, band: number): Shape[] {
  const out: string[] = [];
  for (let t = 0.06; t < 0.95; t += 0.045) {
    const x = -g.nw + t * 2 * g.nw;
    const k = Math.abs(x) / g.nw;
    const y = fd * (1 - k * k * 0.85);
    out.push(line(pt(x * (1 + 0.02), y + 2), pt(x * (1 + band / g.nw * 0.5), y + band - 2)));
  }
  return [{ role: 'texture', d: out.join('') }];
}

function pointedLeaf(g: TopGeometry): string {
  const fd = g.frontDrop;
  const tip = pt(g.nw * 0.5 + 40, fd + 55);
  return `${moveTo(pt(g.nw + 10, 2))}${quadTo(pt(g.nw + 22, fd * 0.6), tip)}${lineTo(pt(6, fd + 6))}${curveTo(pt(g.nw * 0.45, fd * 0.75), pt(g.nw * 0.9, fd * 0.35), pt(g.nw, 4))}Z`;
}

function roundLeaf(g: TopGeometry): string {
  const fd = g.frontDrop;
  return `${moveTo(pt(g.nw + 10, 2))}${curveTo(pt(g.nw + 48, fd * 0.5), pt(g.nw + 20, fd + 70), pt(g.nw * 0.3, fd + 52))}${quadTo(pt(6, fd + 40), pt(6, fd + 6))}${curveTo(pt(g.nw * 0.45, fd * 0.75), pt(g.nw * 0.9, fd * 0.35), pt(g.nw, 4))}Z`;
}

function insetLeafStitch(g: TopGeometry, pointed: boolean, left: boolean): string {
  const fd = g.frontDrop;
  const d = pointed
    ? `${moveTo(pt(g.nw + 14, 10))}${quadTo(pt(g.nw + 20, fd * 0.6), pt(g.nw * 0.5 + 34, fd + 47))}${lineTo(pt(12, fd + 8))}`
    : `${moveTo(pt(g.nw + 14, 10))}${curveTo(pt(g.nw + 42, fd * 0.5), pt(g.nw + 16, fd + 62), pt(g.nw * 0.3, fd + 46))}${quadTo(pt(12, fd + 36), pt(12, fd + 10))}`;
  return left ? mirrorPath(d) : d;
}

export function backNeck(a: ApparelParams, g: TopGeometry): Parts {
  const shapes: Shape[] = [];
  const bd = g.backDrop;
  if (a.neckline === 'mock') {
    shapes.push({ role: 'outline', d: `${moveTo(pt(-g.nw - 6, 4))}${lineTo(pt(-g.nw + 4, -collarHeight))}${quadTo(pt(0, -collarHeight - 8), pt(g.nw - 4, -collarHeight))}${lineTo(pt(g.nw + 6, 4))}${quadTo(pt(0, bd + 14), pt(-g.nw - 6, 4))}Z`, fill: 'body' });
  } else if (a.neckline === 'pointed_collar' || a.neckline === 'round_collar') {
    shapes.push({ role: 'outline', d: `${moveTo(pt(-g.nw - 12, 6))}${curveTo(pt(-g.nw, -18), pt(-g.nw * 0.5, -22), pt(0, -22))}${curveTo(pt(g.nw * 0.5, -22), pt(g.nw, -18), pt(g.nw + 12, 6))}${curveTo(pt(g.nw + 30, 40), pt(g.nw * 0.5, bd + 55), pt(0, bd + 55))}${curveTo(pt(-g.nw * 0.5, bd + 55), pt(-g.nw - 30, 40), pt(-g.nw - 12, 6))}Z`, fill: a.contrastPanels ? 'accent' : 'body' });
    shapes.push({ role: 'seam', d: `${moveTo(pt(-g.nw - 8, -8))}${quadTo(pt(0, -14), pt(g.nw + 8, -8))}`, decorative: true });
  } else if (a.neckline !== 'hood') {
    shapes.push({ role: 'seam', d: `${moveTo(pt(-g.nw - 11, 4))}${curveTo(pt(-g.nw - 8, bd + 12), pt(-g.nw * 0.5, bd + 20), pt(0, bd + 20))}${curveTo(pt(g.nw * 0.5, bd + 20), pt(g.nw + 8, bd + 12), pt(g.nw + 11, 4))}` });
    shapes.push({ role: 'stitch', d: `${moveTo(pt(-g.nw - 14, 9))}${curveTo(pt(-g.nw - 10, bd + 17), pt(-g.nw * 0.5, bd + 25), pt(0, bd + 25))}${curveTo(pt(g.nw * 0.5, bd + 25), pt(g.nw + 10, bd + 17), pt(g.nw + 14, 9))}` });
  }
  const labelY = a.neckline === 'pointed_collar' || a.neckline === 'round_collar' ? bd + 62 : bd + 30;
  shapes.push({ role: 'detail', d: rectPath({ x: -22, y: labelY, w: 44, h: 20 }, 1.5), fill: 'white', decorative: true });
  return { shapes, callouts: [{ at: pt(0, labelY + 10), text: 'Main label at centre back neck' }] };
}

/** The hood standing up, seen from the front (with its face opening) or the back (centre seam). */
export function hood(a: ApparelParams, g: TopGeometry, view: 'front' | 'back'): Parts {
  const hh = a.measurements.hoodHeightMm;
  const hw = Math.max(g.nw + 60, hh * 0.5);
  const fd = view === 'front' ? g.frontDrop : g.backDrop + 30;
  const base = g.nw + 30;
  const outer = `${moveTo(pt(-base, 16))}${curveTo(pt(-hw - 8, -hh * 0.42), pt(-hw * 0.82, -hh * 1.02), pt(0, -hh))}${curveTo(pt(hw * 0.82, -hh * 1.02), pt(hw + 8, -hh * 0.42), pt(base, 16))}${curveTo(pt(g.nw + 10, fd * 0.6), pt(g.nw * 0.4, fd), pt(0, fd))}${curveTo(pt(-g.nw * 0.4, fd), pt(-g.nw - 10, fd * 0.6), pt(-base, 16))}Z`;
  const shapes: Shape[] = [{ role: 'outline', d: outer, fill: 'body' }];
  const callouts: Callout[] = [];
  if (view === 'front') {
    const opening = (e: number) => `${moveTo(pt(-g.nw + 6 - e, fd * 0.5))}${curveTo(pt(-hw * 0.8 - e, -hh * 0.2), pt(-hw * 0.55 - e, -hh * 0.82 - e), pt(0, -hh + 42 - e))}${curveTo(pt(hw * 0.55 + e, -hh * 0.82 - e), pt(hw * 0.8 + e, -hh * 0.2), pt(g.nw - 6 + e, fd * 0.5))}`;
    shapes.push({ role: 'detail', d: `${opening(0)}${quadTo(pt(g.nw * 0.3, fd), pt(0, fd - 4))}${quadTo(pt(-g.nw * 0.3, fd), pt(-g.nw + 6, fd * 0.5))}Z`, fill: a.contrastPanels ? 'accent' : 'shade' });
    shapes.push({ role: 'stitch', d: opening(14) });
    shapes.push({ role: 'seam', d: line(pt(0, fd - 4), pt(0, fd)) });
    if (a.closure !== 'full_zip') {
      const eyelet = pt(g.nw * 0.42, fd * 0.62);
      const cord = (x: number): string => `${moveTo(pt(x, fd * 0.62))}${quadTo(pt(x * 1.1, fd + 60), pt(x * 1.06, fd + 150))}`;
      shapes.push(
        { role: 'detail', d: circlePath(eyelet, 4.5), fill: 'hardware' }, { role: 'detail', d: circlePath(mirrorX(eyelet), 4.5), fill: 'hardware' },
        { role: 'detail', d: cord(eyelet.x) }, { role: 'detail', d: cord(-eyelet.x) },
        { role: 'detail', d: rectPath({ x: eyelet.x * 1.06 - 3, y: fd + 150, w: 6, h: 20 }, 2), fill: 'hardware' },
        { role: 'detail', d: rectPath({ x: -eyelet.x * 1.06 - 3, y: fd + 150, w: 6, h: 20 }, 2), fill: 'hardware' },
      );
      callouts.push({ at: pt(eyelet.x * 1.06, fd + 120), text: 'Flat drawcord, metal eyelets and aglets' });
    }
    callouts.push({ at: pt(hw * 0.7, -hh * 0.55), text: `Lined hood, ${hh} mm high${a.contrastPanels ? ', accent lining' : ''}, 14 mm edge stitch` });
  } else {
    shapes.push({ role: 'seam', d: `${moveTo(pt(0, -hh))}${quadTo(pt(6, -hh * 0.4), pt(0, fd))}` });
    shapes.push({ role: 'stitch', d: `${moveTo(pt(5, -hh + 2))}${quadTo(pt(11, -hh * 0.4), pt(5, fd - 2))}`, decorative: true });
    callouts.push({ at: pt(0, -hh * 0.5), text: 'Two-panel hood, centre-back seam' });
  }
  return { shapes, callouts };
}

export function closure(a: ApparelParams, g: TopGeometry, bottom: number): Parts {
  const top = openingTop(a, g);
  const shapes: Shape[] = [];
  const callouts: Callout[] = [];
  if (a.closure === 'full_zip' || a.closure === 'quarter_zip') {
    const end = a.closure === 'full_zip' ? bottom : top + 230;
    shapes.push({ role: 'detail', d: `${line(pt(-4, top), pt(-4, end))}${line(pt(4, top), pt(4, end))}`, fill: 'none' });
    let teeth = '';
    for (let y = top + 2; y < end - 1; y += 3) teeth += line(pt(-3.5, y), pt(3.5, y + 1.5));
    shapes.push({ role: 'texture', d: teeth });
    shapes.push({ role: 'stitch', d: `${line(pt(-11, top), pt(-11, end))}${line(pt(11, top), pt(11, end))}` });
    if (a.closure === 'quarter_zip') shapes.push({ role: 'stitch', d: polyline([pt(-11, end), pt(-11, end + 8), pt(11, end + 8), pt(11, end)]) });
    shapes.push({ role: 'outline', d: rectPath({ x: -5, y: top + 3, w: 10, h: 16 }, 2), fill: 'hardware' }, { role: 'detail', d: rectPath({ x: -3.5, y: top + 17, w: 7, h: 22 }, 3), fill: 'hardware' });
    callouts.push({ at: pt(4, (top + end) / 2), text: a.closure === 'full_zip' ? 'Full-length #5 coil zip, separating' : 'Quarter zip, 230 mm #5 coil' });
  } else if (a.closure === 'buttons' || a.closure === 'snaps') {
    const polo = a.garment === 'polo';
    const end = polo ? top + 170 : bottom - 10;
    const w = 16;
    shapes.push({ role: 'detail', d: rectPath({ x: -w, y: top, w: 2 * w, h: end - top }, 0), fill: 'body' });
    shapes.push({ role: 'stitch', d: rectPath({ x: -w + 3, y: top + 3, w: 2 * w - 6, h: end - top - 6 }, 0) });
    const count = polo ? 3 : Math.max(3, Math.floor((end - top) / 95));
    const step = (end - top - 30) / Math.max(1, count - 1);
    for (let i = 0; i < count; i++) {
      const c = pt(0, top + 15 + i * step);
      if (a.closure === 'buttons') {
        shapes.push({ role: 'detail', d: circlePath(c, 6), fill: 'white' }, { role: 'texture', d: `${circlePath(pt(c.x - 1.8, c.y), 0.8)}${circlePath(pt(c.x + 1.8, c.y), 0.8)}` });
      } else {
        shapes.push({ role: 'detail', d: circlePath(c, 7), fill: 'hardware' }, { role: 'detail', d: circlePath(c, 2.5), fill: 'dark' });
      }
    }
    callouts.push({ at: pt(w, top + 15), text: `${polo ? 'Two-piece placket' : 'Centre-front placket'}, ${count} ${a.closure === 'buttons' ? '15 mm buttons' : 'metal snaps'}` });
  }
  return { shapes, callouts };
}

/** The kangaroo pocket: top edge height, half widths at top and bottom, and its bottom on the hem seam. */
export function kangarooGeometry(g: TopGeometry): { topY: number; bottom: number; topHalf: number; bottomHalf: number } {
  const bottom = g.length - (g.rib > 0 ? g.rib : 40);
  const topHalf = Math.min(150, g.hem.x * 0.55);
  return { topY: bottom - Math.min(250, g.length * 0.36), bottom, topHalf, bottomHalf: Math.min(g.hem.x - 25, topHalf + 55) };
}

export function pockets(a: ApparelParams, g: TopGeometry, logoSide: number): Parts {
  const shapes: Shape[] = [];
  const callouts: Callout[] = [];
  const L = g.length;
  const bottom = L - (g.rib > 0 ? g.rib : 40);
  switch (a.pockets) {
    case 'kangaroo': {
      const { topY, topHalf, bottomHalf } = kangarooGeometry(g);
      if (a.closure === 'full_zip') {
        const half = polyline([pt(16, topY), pt(topHalf, topY), pt(bottomHalf, bottom), pt(16, bottom)], true);
        shapes.push(...both({ role: 'outline', d: half, fill: 'body' }));
        shapes.push(...both({ role: 'stitch', d: polyline([pt(topHalf - 6, topY + 6), pt(bottomHalf - 6, bottom - 4)]) }));
      } else {
        shapes.push({ role: 'outline', d: polyline([pt(-topHalf, topY), pt(topHalf, topY), pt(bottomHalf, bottom), pt(-bottomHalf, bottom)], true), fill: 'body' });
        shapes.push({ role: 'stitch', d: line(pt(-topHalf + 6, topY + 6), pt(topHalf - 6, topY + 6)) });
        shapes.push(...both({ role: 'stitch', d: polyline([pt(topHalf - 7, topY + 6), pt(bottomHalf - 7, bottom - 3)]) }));
      }
      callouts.push({ at: pt(bottomHalf - 20, (topY + bottom) / 2 + 20), text: `${a.closure === 'full_zip' ? 'Split kangaroo pockets' : 'Kangaroo pocket'}, bound hand openings` });
      break;
    }
    case 'patch': {
      if (a.garment === 'jacket' || a.garment === 'dress') {
        const w = a.garment === 'jacket' ? 170 : 150;
        const h = a.garment === 'jacket' ? 190 : 160;
        const x = g.hem.x * 0.55 - w / 2;
        const y = bottom - h - 50;
        const box = rectPath({ x, y, w, h }, 6);
        shapes.push(...both({ role: 'outline', d: box, fill: 'body' }));
        shapes.push(...both({ role: 'stitch', d: rectPath({ x: x + 5, y: y + 5, w: w - 10, h: h - 10 }, 4) }));
        if (a.garment === 'jacket') shapes.push(...both({ role: 'detail', d: rectPath({ x: x - 4, y: y - 8, w: w + 8, h: 52 }, 4), fill: 'body' }));
        callouts.push({ at: pt(x + w, y + h / 2), text: `Patch pockets ${w} × ${h} mm${a.garment === 'jacket' ? ' with flaps' : ''}` });
      } else {
        const w = 110;
        const h = 130;
        const cx = logoSide * g.underarm.x * 0.45;
        const y = Math.max(g.frontDrop + 45, g.underarm.y * 0.62);
        const outline = polyline([pt(cx - w / 2, y), pt(cx + w / 2, y), pt(cx + w / 2, y + h - 14), pt(cx, y + h), pt(cx - w / 2, y + h - 14)], true);
        shapes.push({ role: 'outline', d: outline, fill: 'body' });
        shapes.push({ role: 'stitch', d: polyline([pt(cx - w / 2 + 5, y + 18), pt(cx - w / 2 + 5, y + h - 16), pt(cx, y + h - 5), pt(cx + w / 2 - 5, y + h - 16), pt(cx + w / 2 - 5, y + 18)]) });
        shapes.push({ role: 'stitch', d: line(pt(cx - w / 2 + 2, y + 14), pt(cx + w / 2 - 2, y + 14)) });
        callouts.push({ at: pt(cx + (w / 2) * Math.sign(cx || 1), y + h / 2), text: `Chest patch pocket ${w} × ${h} mm` });
      }
      break;
    }
    case 'side_seam': {
      const x = g.hem.x;
      const seg = (dx: number) => line(pt(x - 30 + dx, bottom - 230), pt(x - 6 + dx, bottom - 60));
      shapes.push(...both({ role: 'detail', d: seg(0) }), ...both({ role: 'stitch', d: seg(-7) }));
      callouts.push({ at: pt(x - 18, bottom - 145), text: 'Side-seam pockets, 160 mm openings' });
      break;
    }
    case 'zip': {
      const x = g.hem.x;
      const a1 = pt(x - 150, bottom - 250);
      const b1 = pt(x - 70, bottom - 90);
      const zip = `${line(a1, b1)}${line(add(a1, pt(5, -2)), add(b1, pt(5, -2)))}`;
      shapes.push(...both({ role: 'detail', d: zip }), ...both({ role: 'stitch', d: line(add(a1, pt(-5, 3)), add(b1, pt(-5, 3))) }));
      shapes.push(...both({ role: 'detail', d: rectPath({ x: a1.x - 3, y: a1.y - 2, w: 8, h: 16 }, 2), fill: 'hardware' }));
      callouts.push({ at: pt((a1.x + b1.x) / 2, (a1.y + b1.y) / 2), text: 'Welt zip pockets, #3 coil, 170 mm' });
      break;
    }
    case 'none':
      break;
  }
  return { shapes, callouts };
}

/** Cuff ribs on long sleeves, hem stitching on short ones. */
export function cuffs(a: ApparelParams, g: TopGeometry): Parts {
  const s = g.sleeve;
  if (!s) {
    return { shapes: [], callouts: [{ at: pt(g.shoulder.x, (g.shoulder.y + g.underarm.y) / 2), text: 'Sleeveless: armholes finished with a 10 mm binding' }] };
  }
  const shapes: Shape[] = [];
  if (s.cuff1 && s.cuff2) {
    shapes.push(...both({ role: 'outline', d: polyline([s.cuff1, s.end1, s.end2, s.cuff2], true), fill: 'body' }));
    let ribs = '';
    const count = Math.floor(a.measurements.sleeveOpeningMm / 5);
    for (let i = 1; i < count; i++) {
      const p = add(s.cuff1, scale(s.n, (i * a.measurements.sleeveOpeningMm) / count));
      ribs += line(add(p, scale(s.u, 3)), add(p, scale(s.u, a.ribHeightMm - 3)));
    }
    shapes.push(...both({ role: 'texture', d: ribs }));
    return { shapes, callouts: [{ at: add(s.end1, scale(sub(s.end2, s.end1), 0.5)), text: `1×1 rib cuffs, ${a.ribHeightMm} mm` }] };
  }
  const hemLine = (inset: number) => line(sub(s.end1, scale(s.u, inset)), sub(s.end2, scale(s.u, inset)));
  shapes.push(...both({ role: 'stitch', d: a.stitch === 'single_needle' ? hemLine(20) : `${hemLine(18)}${hemLine(24)}` }));
  return { shapes, callouts: [{ at: sub(add(s.end1, scale(sub(s.end2, s.end1), 0.5)), scale(s.u, 20)), text: `Sleeve hem 25 mm, ${stitchName(a)}` }] };
}

export function hem(a: ApparelParams, g: TopGeometry): Parts {
  const L = g.length;
  const x = g.hem.x;
  if (g.rib > 0) {
    const top = L - g.rib;
    const shapes: Shape[] = [{ role: 'outline', d: polyline([pt(-x, top), pt(x, top), pt(x, L), pt(-x, L)], true), fill: 'body' }];
    let ribs = '';
    for (let rx = -x + 6; rx < x - 3; rx += 6) ribs += line(pt(rx, top + 3), pt(rx, L - 3));
    shapes.push({ role: 'texture', d: ribs });
    return { shapes, callouts: [{ at: pt(x * 0.6, L - g.rib / 2), text: `1×1 rib hem band, ${g.rib} mm` }] };
  }
  const at = (inset: number) => line(pt(-x + 2, L - inset), pt(x - 2, L - inset));
  return {
    shapes: [{ role: 'stitch', d: a.stitch === 'single_needle' ? at(22) : `${at(20)}${at(26)}` }],
    callouts: [{ at: pt(x * 0.7, L - 22), text: `Bottom hem 25 mm, ${stitchName(a)}` }],
  };
}
