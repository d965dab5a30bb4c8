import { ValidationError } from '../../../kernel/index.ts';
import type { DesignParams, PhoneCaseParams } from './design-params.ts';
import { placeLogo, type Callout, type DetailSpec, type Dimension, type Shape, type ViewDrawing } from './drawing-model.ts';
import { circlePath, line, pt, rectPath, type Box } from './path.ts';
import { caseOuter } from './params-phone-case.ts';

export type FlatView = 'front' | 'back' | 'side';

function phoneOf(params: DesignParams): PhoneCaseParams {
  if (!params.phoneCase) throw new ValidationError({ message: 'Design parameters have no phone case section.' });
  return params.phoneCase;
}

const mm = (v: number) => `${Math.round(v * 10) / 10} mm`;

/** The camera cutout box in back-view coordinates (case outer top-left = 0,0). */
function cameraBox(p: PhoneCaseParams): Box {
  return { x: p.wallMm + p.camera.xMm, y: p.wallMm + p.camera.yMm, w: p.camera.widthMm, h: p.camera.heightMm };
}

function mirror(box: Box, width: number): Box {
  return { ...box, x: width - box.x - box.w };
}

/** Buttons as seen in a front (screen side) or back view: sides swap in the back view. */
function buttonsSeen(p: PhoneCaseParams, view: 'front' | 'back') {
  return p.buttonList.map((b) => ({ ...b, seenSide: view === 'front' ? b.side : b.side === 'left' ? 'right' as const : 'left' as const }));
}

/**
 * One view of a phone case, drawn to scale from the device body: front is the screen side
 * (lip opening), back carries the camera cutout and the logo, side shows the profile with
 * the bezel lip, the buttons and the camera lip.
 */
export function phoneCaseView(params: DesignParams, view: FlatView): ViewDrawing {
  const p = phoneOf(params);
  return view === 'side' ? sideView(p) : faceView(params, p, view);
}

function faceView(params: DesignParams, p: PhoneCaseParams, view: 'front' | 'back'): ViewDrawing {
  const outer = caseOuter(p);
  const W = outer.widthMm;
  const H = outer.heightMm;
  const R = p.cornerRadiusMm;
  const shapes: Shape[] = [];
  const callouts: Callout[] = [];
  const dimensions: Dimension[] = [
    { a: pt(0, 0), b: pt(W, 0), placement: 'above' },
    { a: pt(0, 0), b: pt(0, H), placement: 'left' },
  ];
  const notes: string[] = [];
  const bump = 0.6;
  // Covered buttons stand proud of the side wall; cutouts are slots through it.
  for (const b of buttonsSeen(p, view)) {
    const y = p.wallMm + b.fromTopMm;
    const x = b.seenSide === 'left' ? (p.buttons === 'covered' ? -bump : 0) : (p.buttons === 'covered' ? W : W - p.wallMm);
    const w = p.buttons === 'covered' ? bump : p.wallMm;
    shapes.push({ role: p.buttons === 'covered' ? 'outline' : 'hidden', d: rectPath({ x, y, w, h: b.lengthMm }, 0.3), fill: p.buttons === 'covered' ? 'body' : 'none' });
  }
  shapes.push({ role: 'outline', d: rectPath({ x: 0, y: 0, w: W, h: H }, R), fill: p.frame === 'accent_bumper' ? 'accent' : 'body' });
  if (p.frame === 'accent_bumper') {
    const band = p.wallMm + 1.2;
    shapes.push({ role: 'detail', d: rectPath({ x: band, y: band, w: W - 2 * band, h: H - 2 * band }, Math.max(1, R - band)), fill: 'body' });
    callouts.push({ at: pt(W - band / 2, H * 0.62), text: `Contrast bumper frame, accent colour, ${mm(band)} band` });
  }
  if (p.gripRidges) {
    for (let i = 0; i < 9; i++) {
      const y = H * 0.42 + i * 3;
      shapes.push({ role: 'texture', d: line(pt(0.3, y), pt(1.6, y)) }, { role: 'texture', d: line(pt(W - 1.6, y), pt(W - 0.3, y)) });
    }
    callouts.push({ at: pt(W - 1, H * 0.42 + 12), text: 'Moulded grip ridges on both side walls' });
  }
  const cam = view === 'back' ? cameraBox(p) : mirror(cameraBox(p), W);
  if (view === 'front') {
    const inset = p.wallMm + p.lipOverhangMm;
    const opening = { x: inset, y: inset, w: W - 2 * inset, h: H - 2 * inset };
    shapes.push({ role: 'detail', d: rectPath(opening, Math.max(1, p.deviceCornerRadiusMm - p.lipOverhangMm)), fill: 'shade' });
    shapes.push({ role: 'hidden', d: rectPath({ x: p.wallMm, y: p.wallMm, w: p.deviceWidthMm, h: p.deviceHeightMm }, p.deviceCornerRadiusMm) });
    // The camera opening is a through-hole: seen through the empty case from the screen side.
    if (p.camera.kind !== 'covered') shapes.push({ role: 'detail', d: rectPath(cam, p.camera.radiusMm), fill: 'white' });
    dimensions.push({ a: pt(opening.x, H), b: pt(opening.x + opening.w, H), placement: 'below' });
    callouts.push(
      { at: pt(W - R * 0.3, R * 0.3), text: `Outer corner R ${Math.round(R * 10) / 10}` },
      { at: pt(inset, H * 0.3), text: `Screen lip overhang ${mm(p.lipOverhangMm)}, ${mm(p.bezelHeightMm)} above the glass` },
      { at: pt(p.wallMm, H * 0.75), text: `Device outline (hidden): ${p.deviceLabel} ${p.deviceWidthMm} × ${p.deviceHeightMm}` },
    );
  } else {
    shapes.push(...cameraShapes(p, cam));
    dimensions.push(
      { a: pt(cam.x, cam.y), b: pt(cam.x + cam.w, cam.y), placement: 'above', tier: 2 },
      { a: pt(cam.x, cam.y), b: pt(cam.x, cam.y + cam.h), placement: 'left', tier: 2 },
      { a: pt(W, 0), b: pt(W, cam.y), placement: 'right' },
    );
    callouts.push({ at: pt(cam.x + cam.w * 0.85, cam.y + cam.h * 0.15), text: cameraText(p) });
  }
  const port = { x: (W - p.portCutoutWidthMm) / 2, y: H - p.wallMm, w: p.portCutoutWidthMm, h: p.wallMm };
  shapes.push({ role: 'hidden', d: rectPath(port, 0.5) });
  callouts.push({ at: pt(port.x + port.w * 0.8, H - p.wallMm / 2), text: `Open bottom: port and speaker slot ${mm(p.portCutoutWidthMm)}` });
  const firstButton = buttonsSeen(p, view)[0];
  if (firstButton) {
    const x = firstButton.seenSide === 'left' ? 0 : W;
    callouts.push({ at: pt(x, p.wallMm + firstButton.fromTopMm + firstButton.lengthMm / 2), text: p.buttons === 'covered' ? 'Covered buttons: raised 0.6 mm, tactile' : 'Button cutouts through the side wall' });
  }
  let logo;
  if (params.logo.present && params.logo.face === 'back' && view === 'back') {
    const face = { x: p.wallMm + 2, y: p.wallMm + 2, w: p.deviceWidthMm - 4, h: p.deviceHeightMm - 4 };
    const camRight = cam.x + cam.w;
    const besideCamera = camRight < W * 0.62;
    logo = placeLogo(params.logo, face, {
      centre: pt(W / 2, H / 2),
      top: besideCamera ? pt((camRight + W - p.wallMm) / 2, cam.y + cam.h / 2) : pt(W / 2, cam.y + cam.h + 6 + params.logo.widthMm * params.logo.aspect / 2),
      bottom: pt(W / 2, H * 0.82),
      left: pt(W * 0.3, H / 2),
      right: pt(W * 0.7, H / 2),
    });
    dimensions.push(
      { a: pt(logo.x, logo.y + logo.h), b: pt(logo.x + logo.w, logo.y + logo.h), placement: 'below' },
      { a: pt(W, logo.y + logo.h / 2), b: pt(W, H), placement: 'right', tier: 2 },
    );
    shapes.push({ role: 'centre', d: line(pt(logo.x + logo.w / 2, logo.y - 3), pt(logo.x + logo.w / 2, logo.y + logo.h + 3)), decorative: true });
    callouts.push({ at: pt(logo.x + logo.w, logo.y + logo.h / 2), text: `Logo ${mm(logo.w)} wide, ${params.logo.method}` });
  }
  notes.push(
    `Fits ${p.deviceModels.length > 0 ? p.deviceModels.join(', ') : p.deviceLabel}${p.deviceKnown ? '' : ' (generic body: confirm the device)'}; ${p.caseStyle} case, wall ${mm(p.wallMm)}, back ${mm(p.backMm)}.`,
    'Cutout positions are approximate: confirm against the device maker\'s case-design drawing before tooling.',
  );
  return { bounds: { x: -bump, y: 0, w: W + 2 * bump, h: H }, shapes, logo, dimensions, callouts, notes };
}

function cameraText(p: PhoneCaseParams): string {
  const size = `${p.camera.widthMm} × ${p.camera.heightMm}`;
  if (p.camera.kind === 'full') return `Camera cutout ${size}, raised lip ${mm(p.camera.lipMm)}`;
  if (p.camera.kind === 'lens_ring') return `Camera plate ${size} with ${p.camera.lenses.length} lens rings, lip ${mm(p.camera.lipMm)}`;
  return `Covered camera bump ${size}, lens windows ${p.camera.lenses.length}`;
}

function cameraShapes(p: PhoneCaseParams, cam: Box): Shape[] {
  const out: Shape[] = [];
  const lensAt = (l: { x: number; y: number }) => pt(p.wallMm + l.x, p.wallMm + l.y);
  if (p.camera.kind === 'full') {
    out.push({ role: 'detail', d: rectPath({ x: cam.x - 1, y: cam.y - 1, w: cam.w + 2, h: cam.h + 2 }, p.camera.radiusMm + 1), fill: 'body' });
    out.push({ role: 'outline', d: rectPath(cam, p.camera.radiusMm), fill: 'dark' });
    for (const l of p.camera.lenses) out.push({ role: 'detail', d: circlePath(lensAt(l), l.r), fill: 'hardware' });
  } else if (p.camera.kind === 'lens_ring') {
    out.push({ role: 'detail', d: rectPath(cam, p.camera.radiusMm), fill: 'body' });
    for (const l of p.camera.lenses) {
      out.push({ role: 'outline', d: circlePath(lensAt(l), l.r + 0.6), fill: 'dark' });
      out.push({ role: 'detail', d: circlePath(lensAt(l), l.r - 0.8), fill: 'hardware' });
    }
  } else {
    out.push({ role: 'detail', d: rectPath(cam, p.camera.radiusMm), fill: 'body' });
    for (const l of p.camera.lenses) out.push({ role: 'detail', d: circlePath(lensAt(l), l.r * 0.8), fill: 'white' });
  }
  out.push({ role: 'stitch', d: rectPath({ x: cam.x + 0.6, y: cam.y + 0.6, w: cam.w - 1.2, h: cam.h - 1.2 }, Math.max(0.5, p.camera.radiusMm - 0.6)), decorative: true });
  return out;
}

function sideView(p: PhoneCaseParams): ViewDrawing {
  const outer = caseOuter(p);
  const D = outer.depthMm;
  const H = outer.heightMm;
  const left = p.buttonList.filter((b) => b.side === 'left');
  const right = p.buttonList.filter((b) => b.side === 'right');
  const side = left.length >= right.length ? 'left' : 'right';
  const buttons = side === 'left' ? left : right;
  const shapes: Shape[] = [];
  const callouts: Callout[] = [];
  const screenX = p.bezelHeightMm;
  const deviceBack = screenX + p.deviceDepthMm;
  shapes.push({ role: 'outline', d: rectPath({ x: 0, y: 0, w: D, h: H }, Math.min(2.5, D * 0.3)), fill: p.frame === 'accent_bumper' ? 'accent' : 'body' });
  shapes.push({ role: 'hidden', d: line(pt(screenX, p.wallMm), pt(screenX, H - p.wallMm)) });
  shapes.push({ role: 'hidden', d: rectPath({ x: screenX, y: p.wallMm, w: p.deviceDepthMm, h: p.deviceHeightMm }, Math.min(1.5, p.deviceDepthMm / 2)) });
  shapes.push({ role: 'seam', d: line(pt(p.bezelHeightMm * 0.5, 1.2), pt(p.bezelHeightMm * 0.5, H - 1.2)), decorative: true });
  // The camera lip stands proud of the case back: the module's bump minus the back plate, plus the lip.
  const cam = cameraBox(p);
  const proud = Math.max(0, p.camera.bumpMm - p.backMm) + p.camera.lipMm;
  shapes.push({ role: 'outline', d: rectPath({ x: D - 0.5, y: cam.y, w: proud + 0.5, h: cam.h }, Math.min(1, proud)), fill: p.camera.kind === 'full' ? 'body' : 'body' });
  for (const b of buttons) {
    const y = p.wallMm + b.fromTopMm;
    const box = { x: screenX + p.deviceDepthMm * 0.2, y, w: p.deviceDepthMm * 0.6, h: b.lengthMm };
    if (p.buttons === 'covered') shapes.push({ role: 'detail', d: rectPath(box, box.w / 2), fill: 'body' }, { role: 'seam', d: rectPath({ x: box.x - 0.4, y: box.y - 0.4, w: box.w + 0.8, h: box.h + 0.8 }, box.w / 2 + 0.4), decorative: true });
    else shapes.push({ role: 'detail', d: rectPath({ x: box.x - 0.5, y: box.y - 0.5, w: box.w + 1, h: box.h + 1 }, box.w / 2 + 0.5), fill: 'white' }, { role: 'detail', d: rectPath(box, box.w / 2), fill: 'hardware' });
  }
  if (p.gripRidges) {
    for (let y = H * 0.35; y < H * 0.8; y += 2) shapes.push({ role: 'texture', d: line(pt(screenX + 0.6, y), pt(deviceBack - 0.6, y)) });
  }
  const dimensions: Dimension[] = [
    { a: pt(0, 0), b: pt(D, 0), placement: 'above' },
    { a: pt(0, 0), b: pt(0, H), placement: 'left' },
    { a: pt(0, H), b: pt(screenX, H), placement: 'below', text: `${Math.round(p.bezelHeightMm * 10) / 10}` },
    { a: pt(D, cam.y), b: pt(D + proud, cam.y), placement: 'above', tier: 2, text: `${Math.round(proud * 10) / 10}` },
  ];
  const first = buttons[0];
  if (first) {
    dimensions.push({ a: pt(D, 0), b: pt(D, p.wallMm + first.fromTopMm), placement: 'right' });
    callouts.push({ at: pt(screenX + p.deviceDepthMm / 2, p.wallMm + first.fromTopMm + first.lengthMm / 2), text: p.buttons === 'covered' ? `Covered ${first.name.toLowerCase()}: raised pad` : `${first.name} cutout` });
  }
  callouts.push(
    { at: pt(0, H * 0.55), text: `Bezel lip ${mm(p.bezelHeightMm)} above the screen` },
    { at: pt(D + proud, cam.y + cam.h / 2), text: `Camera lip ${mm(proud)} proud of the back` },
    { at: pt(D, H * 0.7), text: `Overall depth ${mm(D)} (device ${mm(p.deviceDepthMm)} + back ${mm(p.backMm)} + lip)` },
  );
  return {
    bounds: { x: 0, y: 0, w: D + proud, h: H }, shapes, dimensions, callouts,
    notes: [`${side === 'left' ? 'Left' : 'Right'} side (as seen from the screen); screen side on the left of the drawing.`],
  };
}

export function phoneCaseDetails(params: DesignParams): DetailSpec[] {
  const p = phoneOf(params);
  const W = caseOuter(p).widthMm;
  const cam = cameraBox(p);
  const details: DetailSpec[] = [{
    name: 'camera_cutout', title: 'Camera cutout', view: 'back',
    region: { x: Math.max(-1, cam.x - 6), y: Math.max(-1, cam.y - 6), w: Math.min(W + 2, cam.w + 12), h: cam.h + 12 },
    dimensions: [
      { a: pt(cam.x, cam.y), b: pt(cam.x + cam.w, cam.y), placement: 'above' },
      { a: pt(cam.x, cam.y), b: pt(cam.x, cam.y + cam.h), placement: 'left' },
    ],
    notes: [cameraText(p), `Corner R ${p.camera.radiusMm}; clearance 0.8 mm around the module.`],
  }];
  const outer = caseOuter(p);
  details.push({
    name: 'bezel', title: 'Bezel lip and corner', view: 'side',
    region: { x: -2, y: -2, w: outer.depthMm + 6, h: 22 },
    dimensions: [{ a: pt(0, 0), b: pt(p.bezelHeightMm, 0), placement: 'above', text: `${p.bezelHeightMm}` }],
    notes: [`Lip ${p.bezelHeightMm} mm above the screen glass, overhang ${p.lipOverhangMm} mm.`],
  });
  if (params.logo.present) {
    const view = phoneCaseView(params, 'back');
    const logo = view.logo;
    if (logo) {
      details.push({
        name: 'logo', title: 'Logo placement', view: 'back',
        region: { x: logo.x - 8, y: logo.y - 8, w: logo.w + 16, h: logo.h + 16 },
        dimensions: [
          { a: pt(logo.x, logo.y), b: pt(logo.x + logo.w, logo.y), placement: 'above' },
          { a: pt(logo.x, logo.y), b: pt(logo.x, logo.y + logo.h), placement: 'left' },
        ],
        notes: [`${params.logo.method}, ${logo.w} × ${Math.round(logo.h * 10) / 10} mm placement box.`],
      });
    }
  }
  details.push({
    name: 'buttons', title: p.buttons === 'covered' ? 'Covered buttons' : 'Button cutouts', view: 'side',
    region: { x: -2, y: p.wallMm + Math.min(...p.buttonList.map((b) => b.fromTopMm)) - 6, w: outer.depthMm + 6, h: 40 },
    dimensions: [],
    notes: p.buttonList.map((b) => `${b.name}: ${Math.round(b.fromTopMm)} mm from the top edge, ${b.lengthMm} mm long (${b.side} side).`),
  });
  return details;
}
