import { fmt } from './svg.ts';

/** Geometry helpers producing SVG path data in millimetres. */
export interface Point { x: number; y: number }
export interface Box { x: number; y: number; w: number; h: number }

export const pt = (x: number, y: number): Point => ({ x, y });

export function moveTo(p: Point): string { return `M${fmt(p.x)} ${fmt(p.y)}`; }
export function lineTo(p: Point): string { return `L${fmt(p.x)} ${fmt(p.y)}`; }
export function curveTo(c1: Point, c2: Point, p: Point): string {
  return `C${fmt(c1.x)} ${fmt(c1.y)} ${fmt(c2.x)} ${fmt(c2.y)} ${fmt(p.x)} ${fmt(p.y)}`;
}
export function quadTo(c: Point, p: Point): string { return `Q${fmt(c.x)} ${fmt(c.y)} ${fmt(p.x)} ${fmt(p.y)}`; }

export function polyline(points: Point[], closed = false): string {
  const [first, ...rest] = points;
  if (first === undefined) return '';
  return `${moveTo(first)}${rest.map(lineTo).join('')}${closed ? 'Z' : ''}`;
}

export function line(a: Point, b: Point): string { return `${moveTo(a)}${lineTo(b)}`; }

export function rectPath(box: Box, radius = 0): string {
  const r = Math.max(0, Math.min(radius, box.w / 2, box.h / 2));
  const { x, y, w, h } = box;
  if (r === 0) return polyline([pt(x, y), pt(x + w, y), pt(x + w, y + h), pt(x, y + h)], true);
  const a = (px: number, py: number) => `A${fmt(r)} ${fmt(r)} 0 0 1 ${fmt(px)} ${fmt(py)}`;
  return `M${fmt(x + r)} ${fmt(y)}H${fmt(x + w - r)}${a(x + w, y + r)}V${fmt(y + h - r)}${a(x + w - r, y + h)}H${fmt(x + r)}${a(x, y + h - r)}V${fmt(y + r)}${a(x + r, y)}Z`;
}

export function circlePath(c: Point, r: number): string {
  return `M${fmt(c.x - r)} ${fmt(c.y)}A${fmt(r)} ${fmt(r)} 0 1 0 ${fmt(c.x + r)} ${fmt(c.y)}A${fmt(r)} ${fmt(r)} 0 1 0 ${fmt(c.x - r)} ${fmt(c.y)}Z`;
}

export function ellipsePath(c: Point, rx: number, ry: number): string {
  return `M${fmt(c.x - rx)} ${fmt(c.y)}A${fmt(rx)} ${fmt(ry)} 0 1 0 ${fmt(c.x + rx)} ${fmt(c.y)}A${fmt(rx)} ${fmt(ry)} 0 1 0 ${fmt(c.x - rx)} ${fmt(c.y)}Z`;
}

/** A circular arc from angle a0 to a1 (radians, clockwise in SVG's y-down frame). */
export function arcPath(c: Point, r: number, a0: number, a1: number): string {
  const p0 = pt(c.x + r * Math.cos(a0), c.y + r * Math.sin(a0));
  const p1 = pt(c.x + r * Math.cos(a1), c.y + r * Math.sin(a1));
  const large = Math.abs(a1 - a0) > Math.PI ? 1 : 0;
  const sweep = a1 > a0 ? 1 : 0;
  return `${moveTo(p0)}A${fmt(r)} ${fmt(r)} 0 ${large} ${sweep} ${fmt(p1.x)} ${fmt(p1.y)}`;
}

export const add = (a: Point, b: Point): Point => pt(a.x + b.x, a.y + b.y);
export const sub = (a: Point, b: Point): Point => pt(a.x - b.x, a.y - b.y);
export const scale = (a: Point, k: number): Point => pt(a.x * k, a.y * k);
export const lerp = (a: Point, b: Point, t: number): Point => pt(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t);
export const dist = (a: Point, b: Point): number => Math.hypot(b.x - a.x, b.y - a.y);
export const mirrorX = (p: Point, axis = 0): Point => pt(2 * axis - p.x, p.y);

/** A point moved `d` along the unit normal of a→b (left-hand normal in the y-down frame). */
export function offsetPoint(p: Point, a: Point, b: Point, d: number): Point {
  const len = dist(a, b) || 1;
  return pt(p.x + ((b.y - a.y) / len) * d, p.y - ((b.x - a.x) / len) * d);
}

/** Line segments parallel to a polyline at distance `d`, e.g. a stitch line inside a seam. */
export function offsetPolyline(points: Point[], d: number): Point[] {
  if (points.length < 2) return points;
  return points.map((p, i) => {
    const a = points[Math.max(0, i - 1)]!;
    const b = points[Math.min(points.length - 1, i + 1)]!;
    return offsetPoint(p, a, b, d);
  });
}

export function boxUnion(boxes: Box[]): Box {
  const x0 = Math.min(...boxes.map((b) => b.x));
  const y0 = Math.min(...boxes.map((b) => b.y));
  const x1 = Math.max(...boxes.map((b) => b.x + b.w));
  const y1 = Math.max(...boxes.map((b) => b.y + b.h));
  return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

export function boxOfPoints(points: Point[]): Box {
  return boxUnion(points.map((p) => ({ x: p.x, y: p.y, w: 0, h: 0 })));
}

const arity: Record<string, number> = { M: 2, L: 2, C: 6, Q: 4, A: 7, H: 1, V: 1, Z: 0 };

/**
 * Maps every point of absolute path data through `f` (for mirroring and moving parts). H and V
 * become L so that any map works; `flipArcs` reverses arc sweeps, as a mirror must.
 */
export function transformPath(d: string, f: (p: Point) => Point, flipArcs = false): string {
  const tokens = d.match(/[MLCQAHVZ]|-?\d*\.?\d+(?:e-?\d+)?/gi) ?? [];
  let out = '';
  let current = pt(0, 0);
  let i = 0;
  while (i < tokens.length) {
    const cmd = tokens[i++]!.toUpperCase();
    const n = arity[cmd] ?? 0;
    if (n === 0) { out += cmd; continue; }
    do {
      const v = tokens.slice(i, i + n).map(Number);
      i += n;
      if (cmd === 'A') {
        const end = f(pt(v[5]!, v[6]!));
        const sweep = flipArcs ? 1 - v[4]! : v[4]!;
        out += `A${fmt(v[0]!)} ${fmt(v[1]!)} ${fmt(v[2]!)} ${v[3]} ${sweep} ${fmt(end.x)} ${fmt(end.y)}`;
        current = pt(v[5]!, v[6]!);
      } else if (cmd === 'H' || cmd === 'V') {
        current = cmd === 'H' ? pt(v[0]!, current.y) : pt(current.x, v[0]!);
        const p = f(current);
        out += `L${fmt(p.x)} ${fmt(p.y)}`;
      } else {
        const mapped: string[] = [];
        for (let k = 0; k < v.length; k += 2) {
          const p = f(pt(v[k]!, v[k + 1]!));
          mapped.push(`${fmt(p.x)} ${fmt(p.y)}`);
        }
        out += `${cmd}${mapped.join(' ')}`;
        current = pt(v[v.length - 2]!, v[v.length - 1]!);
      }
    } while (i < tokens.length && !/^[MLCQAHVZ]$/i.test(tokens[i]!));
  }
  return out;
}

export function translatePath(d: string, dx: number, dy: number): string {
  return transformPath(d, (p) => pt(p.x + dx, p.y + dy));
}
