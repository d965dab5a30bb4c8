import type { Shape, ShapeFill, ShapeRole } from './drawing-model.ts';
import { mixHex } from './color-names.ts';
import type { DesignParams } from './design-params.ts';
import type { Attrs } from './svg.ts';
import { fmt } from './svg.ts';

export const fontFamily = 'DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif';

export interface LineStyle {
  /** Outline width in printed mm. */
  strokeWidth: number;
  minimalism: number;
  fills: Record<Exclude<ShapeFill, 'none'>, string>;
}

/** Fills of a technical flat: the colourway as a light tint, so black lines and stitching stay legible. */
export function flatStyle(params: DesignParams): LineStyle {
  return {
    strokeWidth: params.strokeWidth,
    minimalism: params.minimalism,
    fills: {
      body: mixHex(params.colors.body, '#ffffff', 0.55),
      accent: mixHex(params.colors.accent, '#ffffff', 0.35),
      shade: '#e6e6e6',
      hardware: '#d4d7da',
      white: '#ffffff',
      dark: '#4a4a4a',
    },
  };
}

/** Whether a shape is drawn at this minimalism: texture goes first, then decoration, then stitching. */
export function shapeVisible(shape: Shape, minimalism: number): boolean {
  if (shape.role === 'texture') return minimalism <= 0.7;
  if (shape.decorative) return minimalism <= 0.6;
  if (shape.role === 'stitch') return minimalism <= 0.9;
  return true;
}

/** SVG stroke attributes of a line role, at a printed-to-model factor `s` (ISO 128-style weights). */
export function strokeAttrs(role: ShapeRole, style: LineStyle, s: number): Attrs {
  const w = style.strokeWidth * s;
  // Decoration thins out as the design gets more minimal.
  const deco = 1 - 0.45 * style.minimalism;
  const dash = (...parts: number[]) => parts.map((p) => fmt(p * s)).join(' ');
  switch (role) {
    case 'outline': return { stroke: '#111111', 'stroke-width': w, 'stroke-linejoin': 'round', 'stroke-linecap': 'round' };
    case 'detail': return { stroke: '#111111', 'stroke-width': w * 0.6, 'stroke-linejoin': 'round', 'stroke-linecap': 'round' };
    case 'seam': return { stroke: '#111111', 'stroke-width': w * 0.45, 'stroke-linecap': 'round' };
    case 'stitch': return { stroke: '#222222', 'stroke-width': w * 0.32 * deco, 'stroke-dasharray': dash(1.1, 0.7) };
    case 'hidden': return { stroke: '#555555', 'stroke-width': w * 0.35, 'stroke-dasharray': dash(2.4, 1.2) };
    case 'centre': return { stroke: '#555555', 'stroke-width': w * 0.3, 'stroke-dasharray': dash(6, 1.2, 1, 1.2) };
    case 'texture': return { stroke: '#333333', 'stroke-width': w * 0.28 * deco, 'stroke-linecap': 'round' };
  }
}
