import type { DesignColors } from './design-params.ts';
import type { Callout, Dimension, LogoBox, ViewDrawing } from './drawing-model.ts';
import { fontFamily, shapeVisible, strokeAttrs, type LineStyle } from './sheet-style.ts';
import { line, polyline, pt, type Box, type Point } from './path.ts';
import { el, fmt, textEl } from './svg.ts';

export interface SheetMeta {
  title: string;
  /** "FRONT VIEW", "DETAIL A – CAMERA CUTOUT". */
  viewLabel: string;
  subtitle: string;
  version?: string | number;
  colors: DesignColors;
  material: string;
  drawingNumber: string;
}

/** Paper sizes in mm inside a 10 mm border, landscape; portrait is tried too. */
const papers = [{ name: 'A4', w: 277, h: 190 }, { name: 'A3', w: 400, h: 277 }, { name: 'A2', w: 574, h: 400 }];
const reductionScales = [1, 2, 5, 10, 20, 50];
const enlargementScales = [0.2, 0.5, 1, 2, 5];

const tierGap = 8;
const calloutColumn = 50;
const titleBlockHeight = 24;

interface Layout { s: number; paper: string; width: number; height: number; left: number; top: number; notesHeight: number; dimLeft: number; dimRight: number }

/**
 * A drawing sheet around one view: the object at a standard scale, dimension lines, labelled
 * leaders in side columns, notes and a title block. The viewBox is in model millimetres and the
 * width/height attributes give the printed size, so a print at 100 % matches the stated scale.
 */
export function renderSheet(drawing: ViewDrawing, meta: SheetMeta, style: LineStyle, options: { enlarge?: boolean; clip?: Box } = {}): string {
  const layout = chooseLayout(drawing, options.enlarge === true);
  const { s } = layout;
  const ox = layout.left - drawing.bounds.x;
  const oy = layout.top - drawing.bounds.y;
  const b = drawing.bounds;
  const visible = drawing.shapes.filter((shape) => shapeVisible(shape, style.minimalism));
  const shapes = visible.map((shape) => el('path', {
    d: shape.d, fill: shape.fill === undefined || shape.fill === 'none' ? 'none' : style.fills[shape.fill], ...strokeAttrs(shape.role, style, s),
    class: shape.role,
  }));
  const clipId = 'detail-clip';
  const clip = options.clip ? el('clipPath', { id: clipId }, el('rect', { x: options.clip.x, y: options.clip.y, width: options.clip.w, height: options.clip.h })) : '';
  const object = el('g', { class: 'object', transform: `translate(${fmt(ox)} ${fmt(oy)})` }, [
    clip,
    el('g', { 'clip-path': options.clip ? `url(#${clipId})` : undefined }, [...shapes, drawing.logo ? logoMark(drawing.logo, style, s) : '']),
    ...drawing.dimensions.map((d) => dimension(d, b, s)),
    leaders(drawing.callouts, b, layout, s),
  ]);
  const frame = el('rect', { x: 2 * s, y: 2 * s, width: layout.width - 4 * s, height: layout.height - 4 * s, fill: 'none', stroke: '#111111', 'stroke-width': 0.35 * s });
  const printedW = layout.width / s;
  const printedH = layout.height / s;
  return el('svg', {
    xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${fmt(layout.width)} ${fmt(layout.height)}`,
    width: `${fmt(printedW)}mm`, height: `${fmt(printedH)}mm`, 'font-family': fontFamily,
    'data-scale': scaleLabel(s), 'data-paper': layout.paper, 'data-view': meta.viewLabel,
  }, [
    el('title', {}, escapeText(`${meta.title} – ${meta.viewLabel}`)),
    el('rect', { x: 0, y: 0, width: layout.width, height: layout.height, fill: '#ffffff' }),
    frame, object, notesBlock(drawing.notes, layout), titleBlock(meta, layout),
  ]);
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function scaleLabel(s: number): string {
  return s >= 1 ? `1:${fmt(s)}` : `${fmt(1 / s)}:1`;
}

function tiers(dims: Dimension[], placement: Dimension['placement']): number {
  return Math.max(0, ...dims.filter((d) => d.placement === placement).map((d) => d.tier ?? 1));
}

function chooseLayout(drawing: ViewDrawing, enlarge: boolean): Layout {
  const dims = drawing.dimensions;
  const aligned = dims.some((d) => d.placement === 'aligned') ? 1 : 0;
  const leftColumn = drawing.callouts.some((c) => c.at.x < drawing.bounds.x + drawing.bounds.w / 2);
  const rightColumn = drawing.callouts.some((c) => c.at.x >= drawing.bounds.x + drawing.bounds.w / 2);
  const notesLines = drawing.notes.length;
  // Margins in printed mm.
  const mTop = 10 + tierGap * Math.max(tiers(dims, 'above'), aligned);
  const mBottom = 8 + tierGap * Math.max(tiers(dims, 'below'), aligned);
  const dimLeft = 10 + tierGap * Math.max(tiers(dims, 'left'), aligned);
  const dimRight = 10 + tierGap * Math.max(tiers(dims, 'right'), aligned);
  const mLeft = dimLeft + (leftColumn ? calloutColumn : 0);
  const mRight = dimRight + (rightColumn ? calloutColumn : 0);
  const notesHeight = notesLines === 0 ? 0 : 5 + notesLines * 3.6;
  const scales = enlarge ? enlargementScales : reductionScales;
  // The largest drawing that fits A4 or A3 wins (so a product's views share a scale), then A2.
  for (const s of scales) {
    for (const paper of papers.slice(0, 2)) {
      const w = Math.max(drawing.bounds.w / s + mLeft + mRight, 190);
      const h = drawing.bounds.h / s + mTop + mBottom + notesHeight + titleBlockHeight + 6;
      const fits = (w <= paper.w && h <= paper.h) || (w <= paper.h && h <= paper.w);
      if (fits) return layoutAt(s, paper.name, w, h);
    }
  }
  for (const s of scales) {
    const w = Math.max(drawing.bounds.w / s + mLeft + mRight, 190);
    const h = drawing.bounds.h / s + mTop + mBottom + notesHeight + titleBlockHeight + 6;
    const a2 = papers[2]!;
    if ((w <= a2.w && h <= a2.h) || (w <= a2.h && h <= a2.w)) return layoutAt(s, a2.name, w, h);
  }
  const s = scales[scales.length - 1]!;
  return layoutAt(s, 'A2', Math.max(drawing.bounds.w / s + mLeft + mRight, 190), drawing.bounds.h / s + mTop + mBottom + notesHeight + titleBlockHeight + 6);

  function layoutAt(s: number, paper: string, w: number, h: number): Layout {
    const contentW = drawing.bounds.w / s + mLeft + mRight;
    const extra = Math.max(0, w - contentW) / 2;
    return {
      s, paper, width: w * s, height: h * s, left: (mLeft + extra) * s, top: mTop * s, notesHeight: notesHeight * s, dimLeft, dimRight,
    };
  }
}

function logoMark(logo: LogoBox, style: LineStyle, s: number): string {
  const size = Math.min(logo.h * 0.5, logo.w / 3.4, 4 * s);
  const cx = logo.x + logo.w / 2;
  const cy = logo.y + logo.h / 2;
  return el('g', { class: 'logo-mark' }, [
    el('rect', {
      class: 'logo', x: logo.x, y: logo.y, width: logo.w, height: logo.h, rx: Math.min(logo.h * 0.12, s),
      fill: style.fills.accent, 'fill-opacity': 0.55, stroke: '#111111', 'stroke-width': style.strokeWidth * 0.4 * s,
      'data-width-mm': fmt(logo.w), 'data-height-mm': fmt(logo.h), 'data-method': logo.method,
    }),
    size >= 0.6 * s ? textEl('LOGO', { x: cx, y: cy + size * 0.36, 'font-size': size, 'text-anchor': 'middle', 'font-weight': 'bold', fill: '#111111' }) : '',
  ]);
}

/** Dimension value: one decimal, trailing zero dropped. */
export function dimValue(mm: number): string {
  return String(Math.round(mm * 10 + 1e-9) / 10);
}

function arrow(tip: Point, towards: Point, s: number): string {
  const len = 2.4 * s;
  const half = 0.55 * s;
  const d = Math.hypot(towards.x - tip.x, towards.y - tip.y) || 1;
  const ux = (towards.x - tip.x) / d;
  const uy = (towards.y - tip.y) / d;
  const base = pt(tip.x + ux * len, tip.y + uy * len);
  return polyline([tip, pt(base.x - uy * half, base.y + ux * half), pt(base.x + uy * half, base.y - ux * half)], true);
}

function dimension(dim: Dimension, b: Box, s: number): string {
  const t = (dim.tier ?? 1) * tierGap * s;
  let p1: Point;
  let p2: Point;
  let value: number;
  if (dim.placement === 'above' || dim.placement === 'below') {
    const y = dim.placement === 'above' ? b.y - t : b.y + b.h + t;
    p1 = pt(dim.a.x, y);
    p2 = pt(dim.b.x, y);
    value = Math.abs(dim.b.x - dim.a.x);
  } else if (dim.placement === 'left' || dim.placement === 'right') {
    const x = dim.placement === 'left' ? b.x - t : b.x + b.w + t;
    p1 = pt(x, dim.a.y);
    p2 = pt(x, dim.b.y);
    value = Math.abs(dim.b.y - dim.a.y);
  } else {
    const len = Math.hypot(dim.b.x - dim.a.x, dim.b.y - dim.a.y) || 1;
    const nx = ((dim.b.y - dim.a.y) / len) * (dim.side ?? 1) * ((dim.tier ?? 1) * 6 * s);
    const ny = (-(dim.b.x - dim.a.x) / len) * (dim.side ?? 1) * ((dim.tier ?? 1) * 6 * s);
    p1 = pt(dim.a.x + nx, dim.a.y + ny);
    p2 = pt(dim.b.x + nx, dim.b.y + ny);
    value = len;
  }
  const stroke = { stroke: '#111111', 'stroke-width': 0.18 * s, fill: 'none' };
  const ext = (from: Point, to: Point) => {
    const d = Math.hypot(to.x - from.x, to.y - from.y);
    if (d < 0.5 * s) return '';
    const ux = (to.x - from.x) / d;
    const uy = (to.y - from.y) / d;
    return el('path', { d: line(pt(from.x + ux * s, from.y + uy * s), pt(to.x + ux * 1.5 * s, to.y + uy * 1.5 * s)), ...stroke });
  };
  const length = Math.hypot(p2.x - p1.x, p2.y - p1.y);
  const inside = length > 6 * s;
  const outwards = (tip: Point, other: Point) => pt(tip.x * 2 - other.x, tip.y * 2 - other.y);
  const arrows = inside ? arrow(p1, p2, s) + arrow(p2, p1, s) : arrow(p1, outwards(p1, p2), s) + arrow(p2, outwards(p2, p1), s);
  const label = dim.text ?? dimValue(value);
  const at = dim.textAt ?? 0.5;
  const mid = pt(p1.x + (p2.x - p1.x) * at, p1.y + (p2.y - p1.y) * at);
  let angle = (Math.atan2(p2.y - p1.y, p2.x - p1.x) * 180) / Math.PI;
  if (angle > 90) angle -= 180;
  if (angle <= -90) angle += 180;
  const rad = (angle * Math.PI) / 180;
  const lift = 1.1 * s;
  const tx = mid.x + Math.sin(rad) * lift;
  const ty = mid.y - Math.cos(rad) * lift;
  const shift = inside ? 0 : (label.length * 1.5 + 4) * s;
  return el('g', { class: 'dimension', 'data-value': label }, [
    ext(dim.a, p1), ext(dim.b, p2),
    el('path', { d: line(p1, p2), ...stroke }),
    el('path', { d: arrows, fill: '#111111', stroke: 'none' }),
    textEl(label, {
      x: tx + Math.cos(rad) * shift, y: ty + Math.sin(rad) * shift, 'font-size': 2.5 * s, 'text-anchor': 'middle', fill: '#111111',
      transform: Math.abs(angle) > 0.01 ? `rotate(${fmt(angle)} ${fmt(tx + Math.cos(rad) * shift)} ${fmt(ty + Math.sin(rad) * shift)})` : undefined,
    }),
  ]);
}

export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/)) {
    if (current !== '' && current.length + word.length + 1 > width) {
      lines.push(current);
      current = word;
    } else {
      current = current === '' ? word : `${current} ${word}`;
    }
  }
  if (current !== '') lines.push(current);
  return lines;
}

/** Leaders to labels stacked in the side columns, sorted by height so they do not cross each other. */
function leaders(callouts: Callout[], b: Box, layout: Layout, s: number): string {
  const cx = b.x + b.w / 2;
  const fontSize = 2.6 * s;
  const lineHeight = 3.3 * s;
  const out: string[] = [];
  for (const side of ['left', 'right'] as const) {
    const items = callouts.filter((c) => (side === 'left' ? c.at.x < cx : c.at.x >= cx)).sort((p, q) => p.at.y - q.at.y)
      .map((c) => ({ c, lines: wrapText(c.text, 30), y: c.at.y }));
    const top = b.y - 4 * s;
    const bottom = b.y + b.h + 4 * s;
    let next = top;
    for (const item of items) {
      item.y = Math.max(item.y, next);
      next = item.y + item.lines.length * lineHeight + 1.8 * s;
    }
    let limit = bottom;
    for (const item of [...items].reverse()) {
      const height = item.lines.length * lineHeight;
      if (item.y + height > limit) item.y = limit - height;
      limit = item.y - 1.8 * s;
    }
    const colX = side === 'left' ? b.x - layout.dimLeft * s : b.x + b.w + layout.dimRight * s;
    for (const { c, lines, y } of items) {
      const elbow = pt(colX, y);
      const textX = side === 'left' ? colX - 1.5 * s : colX + 1.5 * s;
      out.push(el('g', { class: 'callout' }, [
        el('circle', { cx: c.at.x, cy: c.at.y, r: 0.7 * s, fill: '#111111' }),
        el('path', { d: polyline([c.at, elbow]), stroke: '#111111', 'stroke-width': 0.2 * s, fill: 'none' }),
        el('text', { x: textX, y: y + fontSize * 0.35, 'font-size': fontSize, 'text-anchor': side === 'left' ? 'end' : 'start', fill: '#111111' },
          lines.map((l, i) => el('tspan', { x: textX, dy: i === 0 ? 0 : lineHeight }, escapeText(l)))),
      ]));
    }
  }
  return out.join('');
}

function notesBlock(notes: string[], layout: Layout): string {
  if (notes.length === 0) return '';
  const { s } = layout;
  const y0 = layout.height - (titleBlockHeight + 6) * s - layout.notesHeight;
  const x = 8 * s;
  return el('g', { class: 'notes' }, [
    textEl('NOTES', { x, y: y0 + 3 * s, 'font-size': 2.5 * s, 'font-weight': 'bold', fill: '#111111' }),
    ...notes.map((n, i) => textEl(`${i + 1}. ${n}`, { x, y: y0 + (6.6 + i * 3.6) * s, 'font-size': 2.3 * s, fill: '#222222' })),
  ]);
}

function titleBlock(meta: SheetMeta, layout: Layout): string {
  const { s } = layout;
  const h = titleBlockHeight * s;
  const x0 = 6 * s;
  const y0 = layout.height - h - 5 * s;
  const w = layout.width - 12 * s;
  const thin = { stroke: '#111111', 'stroke-width': 0.25 * s, fill: 'none' };
  const mainW = Math.max(w * 0.46, 80 * s);
  const cellW = (w - mainW) / 3;
  const rowH = h / 2;
  const cell = (col: number, row: number, label: string, value: string, swatch?: string) => {
    const x = x0 + mainW + col * cellW;
    const y = y0 + row * rowH;
    return [
      el('rect', { x, y, width: cellW, height: rowH, ...thin }),
      textEl(label, { x: x + 1.5 * s, y: y + 3.2 * s, 'font-size': 2 * s, fill: '#555555' }),
      swatch ? el('rect', { x: x + 1.5 * s, y: y + 5 * s, width: 4 * s, height: 4 * s, fill: swatch, stroke: '#111111', 'stroke-width': 0.2 * s }) : '',
      textEl(value, { x: x + (swatch ? 7 : 1.5) * s, y: y + 8.6 * s, 'font-size': 3 * s, fill: '#111111', 'font-weight': 'bold' }),
    ].join('');
  };
  const title = meta.title.length > 48 ? `${meta.title.slice(0, 47)}…` : meta.title;
  const subtitle = meta.subtitle.length > 70 ? `${meta.subtitle.slice(0, 69)}…` : meta.subtitle;
  const material = meta.material.length > 60 ? `${meta.material.slice(0, 59)}…` : meta.material;
  return el('g', { class: 'title-block' }, [
    el('rect', { x: x0, y: y0, width: w, height: h, stroke: '#111111', 'stroke-width': 0.5 * s, fill: '#ffffff' }),
    textEl(title, { x: x0 + 2 * s, y: y0 + 6 * s, 'font-size': 4.2 * s, 'font-weight': 'bold', fill: '#111111' }),
    textEl(subtitle, { x: x0 + 2 * s, y: y0 + 11.5 * s, 'font-size': 2.6 * s, fill: '#333333' }),
    textEl(`Material: ${material}`, { x: x0 + 2 * s, y: y0 + 16.5 * s, 'font-size': 2.4 * s, fill: '#333333' }),
    textEl(`Drawing ${meta.drawingNumber}  ·  Units mm  ·  Do not scale; dimensions rule`, { x: x0 + 2 * s, y: y0 + 21.3 * s, 'font-size': 2.1 * s, fill: '#555555' }),
    cell(0, 0, 'VIEW', meta.viewLabel.length > 16 ? `${meta.viewLabel.slice(0, 15)}…` : meta.viewLabel),
    cell(1, 0, 'SCALE', `${scaleLabel(s)} (${layout.paper})`),
    cell(2, 0, 'REV', meta.version === undefined ? '—' : String(meta.version)),
    cell(0, 1, 'BODY', meta.colors.body.toUpperCase(), meta.colors.body),
    cell(1, 1, 'ACCENT', meta.colors.accent.toUpperCase(), meta.colors.accent),
    cell(2, 1, 'UNITS', 'mm'),
  ]);
}
