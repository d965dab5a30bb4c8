import type { ApparelParams } from './params-apparel.ts';
import { add, curveTo, lineTo, mirrorX, moveTo, pt, scale, sub, transformPath, type Point } from './path.ts';

/** Key points of a top laid flat, right half (x > 0), origin at centre front on the high-point-shoulder line. */
export interface TopGeometry {
  /** Half neck width. */
  nw: number;
  frontDrop: number;
  backDrop: number;
  length: number;
  neck: Point;
  shoulder: Point;
  underarm: Point;
  /** Dress waist point, when shaped. */
  waist?: Point;
  hem: Point;
  /** Hem rib height, 0 without a rib. */
  rib: number;
  sleeve?: SleeveGeometry;
}

export interface SleeveGeometry {
  /** Unit vector along the sleeve, and the normal towards its underside. */
  u: Point;
  n: Point;
  /** Outer and inner ends of the opening. */
  end1: Point;
  end2: Point;
  /** Where a cuff rib starts, outer and inner, when there is one. */
  cuff1?: Point;
  cuff2?: Point;
  /** The silhouette of the sleeve from the shoulder point to the underarm. */
  path: Point[];
}

export function topGeometry(a: ApparelParams): TopGeometry {
  const m = a.measurements;
  const nw = m.neckWidthMm / 2;
  const shoulder = pt(m.shoulderWidthMm / 2, m.shoulderWidthMm * 0.085);
  const underarm = pt(m.chestWidthMm / 2, m.armholeDepthMm);
  const rib = a.hemRib ? a.ribHeightMm : 0;
  const g: TopGeometry = {
    nw, frontDrop: m.frontNeckDropMm, backDrop: m.backNeckDropMm, length: m.bodyLengthMm,
    neck: pt(nw, 0), shoulder, underarm, hem: pt(m.hemWidthMm / 2, m.bodyLengthMm), rib,
  };
  if (a.garment === 'dress') g.waist = pt(m.chestWidthMm / 2 - 35, m.armholeDepthMm + 170);
  if (a.sleeves !== 'sleeveless' && m.sleeveLengthMm > 0) g.sleeve = sleeveGeometry(a, shoulder, underarm);
  return g;
}

function sleeveGeometry(a: ApparelParams, shoulder: Point, underarm: Point): SleeveGeometry {
  const m = a.measurements;
  // Flats show short sleeves out at about 30° and long sleeves hanging at about 62° below horizontal.
  const theta = ((a.sleeves === 'short' ? 30 : 62) * Math.PI) / 180;
  const u = pt(Math.cos(theta), Math.sin(theta));
  const n = pt(-Math.sin(theta), Math.cos(theta));
  const open = m.sleeveOpeningMm;
  const end1 = add(shoulder, scale(u, m.sleeveLengthMm));
  const end2 = add(end1, scale(n, open));
  if (!a.cuffRib || a.sleeves !== 'long') return { u, n, end1, end2, path: [shoulder, end1, end2, underarm] };
  const cuff1 = sub(end1, scale(u, a.ribHeightMm));
  const cuff2 = add(cuff1, scale(n, open));
  const blouse = 7;
  return {
    u, n, end1, end2, cuff1, cuff2,
    path: [shoulder, sub(cuff1, scale(n, blouse)), cuff1, end1, end2, cuff2, add(cuff2, scale(n, blouse)), underarm],
  };
}

/** The right half of the body side from the underarm to the hem, with the rib step. */
function sidePoints(g: TopGeometry): Point[] {
  const points: Point[] = [];
  if (g.waist) points.push(g.waist);
  if (g.rib > 0) {
    const ribTop = g.length - g.rib;
    points.push(pt(Math.max(g.hem.x + 8, g.underarm.x - 6), ribTop), pt(g.hem.x, ribTop));
  }
  points.push(g.hem);
  return points;
}

/** The silhouette: back neck across the top, shoulders, sleeves, sides and hem. */
export function silhouettePath(g: TopGeometry): string {
  const side = sidePoints(g);
  const sleeve = g.sleeve ? g.sleeve.path.slice(1) : [];
  const s = g.shoulder;
  const a = g.underarm;
  const c1 = pt(s.x - 12, s.y + (a.y - s.y) * 0.55);
  const c2 = pt(a.x - 28, a.y - 8);
  let d = `${moveTo(mirrorX(g.neck))}${backNeckCurve(g)}${lineTo(s)}`;
  d += g.sleeve ? sleeve.map(lineTo).join('') : curveTo(c1, c2, a);
  d += side.map(lineTo).join('');
  d += [...side].reverse().map((p) => lineTo(mirrorX(p))).join('');
  d += g.sleeve
    ? [...sleeve].reverse().map((p) => lineTo(mirrorX(p))).join('')
    : `${lineTo(mirrorX(a))}${curveTo(mirrorX(c2), mirrorX(c1), mirrorX(s))}`;
  return `${d}${lineTo(mirrorX(s))}Z`;
}

/** Back neck edge from the left neck point to the right one (as a continuation of a path). */
export function backNeckCurve(g: TopGeometry, drop = g.backDrop): string {
  return curveTo(pt(-g.nw, drop * 0.8), pt(-g.nw * 0.5, drop), pt(0, drop)) + curveTo(pt(g.nw * 0.5, drop), pt(g.nw, drop * 0.8), g.neck);
}

/** A U-shaped neck curve between the neck points through (0, drop), widened by `spread` at the ends. */
export function neckCurve(g: TopGeometry, drop: number, spread = 0, lift = 0): string {
  const l = pt(-g.nw - spread, lift);
  const r = pt(g.nw + spread, lift);
  return `${moveTo(l)}${curveTo(pt(l.x, drop * 0.6), pt(-g.nw * 0.55, drop), pt(0, drop))}${curveTo(pt(g.nw * 0.55, drop), pt(r.x, drop * 0.6), r)}`;
}

/** The armhole seam (set-in) or raglan seam from the neck, right side. */
export function armholeSeam(g: TopGeometry, raglan: boolean): string {
  const a = g.underarm;
  if (raglan) {
    const r = pt(g.nw + 22, 6);
    return `${moveTo(r)}${curveTo(pt(r.x + 25, r.y + 90), pt(a.x - 45, a.y - 45), a)}`;
  }
  const s = g.shoulder;
  return `${moveTo(s)}${curveTo(pt(s.x - 12, s.y + (a.y - s.y) * 0.55), pt(a.x - 28, a.y - 8), a)}`;
}

/** The region of a raglan sleeve (neck seam to cuff), right side, for contrast fills. */
export function raglanSleevePath(g: TopGeometry): string {
  if (!g.sleeve) return '';
  const r = pt(g.nw + 22, 6);
  const a = g.underarm;
  return `${moveTo(r)}${lineTo(g.shoulder)}${g.sleeve.path.slice(1).map(lineTo).join('')}${curveTo(pt(a.x - 45, a.y - 45), pt(r.x + 25, r.y + 90), r)}Z`;
}

/** Mirrors path data about x = 0 (x negated, arc sweeps flipped). */
export function mirrorPath(d: string): string {
  return transformPath(d, (p) => pt(-p.x, p.y), true);
}
