import type { LogoParams, LogoPlacement } from './design-params.ts';
import { pt, type Box, type Point } from './path.ts';
import { clamp } from './spec-reading.ts';

/**
 * The geometry of one view, in millimetres, before any styling: a flat renders it with line
 * weights, dimensions and leaders; a concept sketch renders the same shapes loosely and shaded.
 */
export type ShapeRole =
  /** Visible edge of the object (thick line). */
  | 'outline'
  /** Visible inner edge: panels, openings, hardware (medium line). */
  | 'detail'
  /** Construction seam (thin line). */
  | 'seam'
  /** Topstitching (thin dashed line). */
  | 'stitch'
  /** Hidden edge (thin dashed grey line, ISO 128 type 02). */
  | 'hidden'
  /** Centre or axis line (chain line). */
  | 'centre'
  /** Rib knit or texture lines, dropped as minimalism rises. */
  | 'texture';

export type ShapeFill = 'none' | 'body' | 'accent' | 'shade' | 'hardware' | 'white' | 'dark';

export interface Shape {
  role: ShapeRole;
  d: string;
  fill?: ShapeFill;
  /** Decoration that a more minimalist design leaves out. */
  decorative?: boolean;
}

export interface LogoBox extends Box {
  method: string;
}

/** A linear dimension between two points, placed above/below (horizontal) or left/right (vertical) or aligned. */
export interface Dimension {
  a: Point;
  b: Point;
  placement: 'above' | 'below' | 'left' | 'right' | 'aligned';
  /** Distance from the object in rows of dimension lines (1 = nearest). */
  tier?: number;
  /** For aligned dimensions: which side of a→b the line sits on. */
  side?: 1 | -1;
  /** Overrides the measured value (e.g. "Ø 73" or a flat half-chest). */
  text?: string;
  /** Where along the line the value sits, 0..1 (default the middle). */
  textAt?: number;
}

export interface Callout {
  /** The point the leader touches. */
  at: Point;
  text: string;
}

export interface ViewDrawing {
  /** Bounds of the object's geometry (without dimensions or leaders). */
  bounds: Box;
  shapes: Shape[];
  logo?: LogoBox;
  dimensions: Dimension[];
  callouts: Callout[];
  /** Short notes printed under the title block (materials, tolerances, hidden features). */
  notes: string[];
}

/** A close-up region of a view, with its own dimensions and notes. */
export interface DetailSpec {
  name: string;
  title: string;
  view: 'front' | 'back' | 'side';
  region: Box;
  dimensions: Dimension[];
  notes: string[];
}

/**
 * The logo's box on a face: the placement picks an anchor (the face's centre, or a point a
 * fifth in from an edge unless the category gives its own anchors), the offsets move it by
 * fractions of the face, and the box is kept inside the face.
 */
export function placeLogo(logo: LogoParams, face: Box, anchors: Partial<Record<LogoPlacement, Point>> = {}): LogoBox {
  const w = Math.min(logo.widthMm, face.w);
  const h = Math.min(w * logo.aspect, face.h);
  const defaults: Record<LogoPlacement, Point> = {
    centre: pt(face.x + face.w / 2, face.y + face.h / 2),
    top: pt(face.x + face.w / 2, face.y + face.h * 0.2),
    bottom: pt(face.x + face.w / 2, face.y + face.h * 0.8),
    left: pt(face.x + face.w * 0.27, face.y + face.h / 2),
    right: pt(face.x + face.w * 0.73, face.y + face.h / 2),
  };
  const anchor = anchors[logo.placement] ?? defaults[logo.placement];
  const cx = clamp(anchor.x + logo.offsetX * face.w, face.x + w / 2, face.x + face.w - w / 2);
  const cy = clamp(anchor.y + logo.offsetY * face.h, face.y + h / 2, face.y + face.h - h / 2);
  return { x: cx - w / 2, y: cy - h / 2, w, h, method: logo.method };
}

export function emptyDrawing(bounds: Box): ViewDrawing {
  return { bounds, shapes: [], dimensions: [], callouts: [], notes: [] };
}
