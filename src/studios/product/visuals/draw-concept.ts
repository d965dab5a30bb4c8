import { luminance, mixHex } from './color-names.ts';
import { viewDrawing } from './category-views.ts';
import { conceptCaption } from './concept-caption.ts';
import type { DesignParams } from './design-params.ts';
import type { Shape, ViewDrawing } from './drawing-model.ts';
import { wrapText } from './sheet.ts';
import { fontFamily } from './sheet-style.ts';
import { ellipsePath, line, pt, translatePath } from './path.ts';
import { el, escapeXml, fmt, textEl } from './svg.ts';

/** A small deterministic pseudo-random sequence (xorshift32) so that every sketch is reproducible. */
function jitter(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    return ((x >>> 0) % 10_000) / 10_000 - 0.5;
  };
}

function seedOf(params: DesignParams): number {
  let h = 2166136261;
  for (const ch of `${params.title}|${params.variant}|${params.category}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h;
}

interface Placed { drawing: ViewDrawing; dx: number; dy: number }

/**
 * A loose, shaded concept sketch of one variant: the main view (the back of a phone case, the
 * front of anything else) and a smaller side view, in the colourway, with sketchy doubled
 * outlines, a gradient and hatching for volume, a ground shadow, the concept number and a caption.
 */
export function drawConceptSketch(params: DesignParams): string {
  const heroView = params.category === 'phone_accessory' || (params.logo.face === 'back' && params.logo.present && params.category === 'apparel' && params.variant === 3) ? 'back' : 'front';
  const hero = viewDrawing(params, heroView);
  const side = viewDrawing(params, 'side');
  const gap = Math.max(hero.bounds.w, hero.bounds.h) * 0.18;
  const sideScale = 0.6;
  const margin = Math.max(hero.bounds.w, hero.bounds.h) * 0.12;
  const height = Math.max(hero.bounds.h, side.bounds.h * sideScale);
  const width = hero.bounds.w + gap + side.bounds.w * sideScale;
  const s = Math.max(width, height) / 260;
  const captionH = 34 * s;
  const W = width + 2 * margin;
  const H = height + 2 * margin + captionH;
  const placedHero: Placed = { drawing: hero, dx: margin - hero.bounds.x, dy: margin + (height - hero.bounds.h) - hero.bounds.y };
  const sideX = margin + hero.bounds.w + gap;
  const rand = jitter(seedOf(params));
  const colors = {
    body: params.colors.body, accent: params.colors.accent, shade: mixHex(params.colors.body, '#000000', 0.3),
    hardware: '#c8ccd1', white: '#ffffff', dark: '#2e2e2e',
  };
  const hatchSpacing = (4 + 6 * params.minimalism) * s;
  const defs = el('defs', {}, [
    el('linearGradient', { id: 'light', x1: '0', y1: '0', x2: '1', y2: '1' }, [
      el('stop', { offset: '0', 'stop-color': '#ffffff', 'stop-opacity': 0.38 }),
      el('stop', { offset: '0.55', 'stop-color': '#ffffff', 'stop-opacity': 0 }),
      el('stop', { offset: '1', 'stop-color': '#000000', 'stop-opacity': 0.22 }),
    ]),
    el('pattern', { id: 'hatch', width: hatchSpacing, height: hatchSpacing, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(35)' },
      el('path', { d: line(pt(0, 0), pt(0, hatchSpacing)), stroke: '#000000', 'stroke-opacity': 0.18, 'stroke-width': 0.35 * s })),
  ]);
  const drawn = (placed: Placed, scale: number, id: string) => {
    const { drawing } = placed;
    const outlines = drawing.shapes.filter((sh) => sh.role === 'outline' && sh.fill !== undefined && sh.fill !== 'none');
    const body = drawing.shapes.filter((sh) => sh.role !== 'hidden' && sh.role !== 'centre' && (sh.role !== 'texture' || params.minimalism <= 0.5) && (!sh.decorative || params.minimalism <= 0.6));
    const b = drawing.bounds;
    const clip = el('clipPath', { id: `${id}-clip` }, outlines.map((sh) => el('path', { d: sh.d })));
    const shapes = body.map((sh) => sketchShape(sh, colors, s / scale, rand));
    const logo = drawing.logo ? [
      el('rect', { class: 'logo', x: drawing.logo.x, y: drawing.logo.y, width: drawing.logo.w, height: drawing.logo.h, rx: drawing.logo.h * 0.15, fill: colors.accent, stroke: '#222222', 'stroke-width': 0.5 * s / scale }),
      textEl('LOGO', { x: drawing.logo.x + drawing.logo.w / 2, y: drawing.logo.y + drawing.logo.h * 0.66, 'font-size': Math.min(drawing.logo.h * 0.5, drawing.logo.w / 3.6), 'text-anchor': 'middle', 'font-weight': 'bold', fill: luminance(colors.accent) > 0.45 ? '#222222' : '#ffffff' }),
    ] : [];
    const shading = el('g', { 'clip-path': `url(#${id}-clip)` }, [
      el('rect', { x: b.x, y: b.y, width: b.w, height: b.h, fill: 'url(#light)' }),
      el('rect', { x: b.x + b.w * 0.62, y: b.y, width: b.w * 0.38, height: b.h, fill: 'url(#hatch)' }),
    ]);
    const shadow = el('path', { d: ellipsePath(pt(b.x + b.w / 2, b.y + b.h + 3 * s / scale), b.w * 0.42, Math.max(2 * s, b.h * 0.025)), fill: '#000000', 'fill-opacity': 0.12 });
    return el('g', { transform: `translate(${fmt(placed.dx)} ${fmt(placed.dy)}) scale(${fmt(scale)})` }, [clip, shadow, ...shapes, shading, ...logo]);
  };
  const placedSide: Placed = { drawing: side, dx: sideX - side.bounds.x * sideScale, dy: margin + height - side.bounds.h * sideScale - side.bounds.y * sideScale };
  const caption = conceptCaption(params);
  const lines = wrapText(caption, 92).slice(0, 2);
  const captionY = H - captionH + 6 * s;
  return el('svg', { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${fmt(W)} ${fmt(H)}`, width: fmt(W / s * 4), height: fmt(H / s * 4), 'font-family': fontFamily, 'data-variant': params.variant }, [
    el('title', {}, escapeXml(`${params.title} – concept ${params.variant}`)),
    defs,
    el('rect', { x: 0, y: 0, width: W, height: H, fill: '#fbfaf7' }),
    drawn(placedHero, 1, 'hero'),
    el('g', { transform: `translate(${fmt(placedSide.dx)} ${fmt(placedSide.dy)})` }, drawn({ drawing: side, dx: 0, dy: 0 }, sideScale, 'side')),
    textEl(`Concept ${params.variant}`, { x: margin * 0.5, y: captionY + 5 * s, 'font-size': 9 * s, 'font-weight': 'bold', fill: '#1a1a1a' }),
    textEl(params.variantName, { x: margin * 0.5 + 58 * s, y: captionY + 5 * s, 'font-size': 7 * s, fill: '#555555' }),
    ...lines.map((l, i) => textEl(l, { x: margin * 0.5, y: captionY + (15 + i * 6) * s, 'font-size': 4.6 * s, fill: '#333333' })),
    el('rect', { x: W - margin * 0.5 - 30 * s, y: captionY - 2 * s, width: 12 * s, height: 12 * s, fill: colors.body, stroke: '#222222', 'stroke-width': 0.4 * s }),
    el('rect', { x: W - margin * 0.5 - 14 * s, y: captionY - 2 * s, width: 12 * s, height: 12 * s, fill: colors.accent, stroke: '#222222', 'stroke-width': 0.4 * s }),
  ]);
}

/** One shape drawn loosely: its fill, a main stroke, and for outlines two offset ghost strokes. */
function sketchShape(shape: Shape, colors: Record<string, string>, s: number, rand: () => number): string {
  const fill = shape.fill === undefined || shape.fill === 'none' ? 'none' : colors[shape.fill] ?? 'none';
  const weight = { outline: 1.1, detail: 0.7, seam: 0.5, stitch: 0.4, hidden: 0.3, centre: 0.3, texture: 0.3 }[shape.role] * s;
  const dash = shape.role === 'stitch' ? `${fmt(1.4 * s)} ${fmt(1 * s)}` : undefined;
  const main = el('path', { d: shape.d, fill, stroke: '#222222', 'stroke-width': weight, 'stroke-linejoin': 'round', 'stroke-linecap': 'round', 'stroke-dasharray': dash, 'stroke-opacity': shape.role === 'texture' ? 0.5 : 0.9 });
  if (shape.role !== 'outline') return main;
  const ghost = (k: number) => el('path', { d: translatePath(shape.d, k * rand() * 2.2 * s, k * rand() * 2.2 * s), fill: 'none', stroke: '#222222', 'stroke-width': weight * 0.45, 'stroke-opacity': 0.35, 'stroke-linecap': 'round' });
  return main + ghost(1) + ghost(-1);
}
