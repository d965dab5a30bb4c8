import { ValidationError } from '../../../kernel/index.ts';
import type { ApparelParams, DesignParams } from './design-params.ts';
import { placeLogo, type Callout, type DetailSpec, type Dimension, type Shape, type ViewDrawing } from './drawing-model.ts';
import { armholeSeam, mirrorPath, raglanSleevePath, silhouettePath, topGeometry, type TopGeometry } from './apparel-geometry.ts';
import { backNeck, closure, collarHeight, cuffs, frontNeck, hem, hood, kangarooGeometry, openingTop, pockets, type Parts } from './apparel-parts.ts';
import { pantsDetails, pantsView } from './flat-pants.ts';
import type { FlatView } from './flat-phone-case.ts';
import { add, boxOfPoints, curveTo, line, lineTo, moveTo, pt, quadTo, rectPath, scale, translatePath, type Box, type Point } from './path.ts';

export function apparelOf(params: DesignParams): ApparelParams {
  if (!params.apparel) throw new ValidationError({ message: 'Design parameters have no apparel section.' });
  return params.apparel;
}

/**
 * One view of a garment laid flat, drawn from its flat measurements: front and back with
 * neckline, hood or collar, closure, pockets, seams, ribs and the print box; the side view is
 * a profile with the sleeve and side seam. Measurements appear as lettered points of measure.
 */
export function apparelView(params: DesignParams, view: FlatView): ViewDrawing {
  const a = apparelOf(params);
  if (a.garment === 'pants') return pantsView(params, a, view);
  const g = topGeometry(a);
  return view === 'side' ? topSide(a, g) : topFace(params, a, g, view);
}

function topTop(a: ApparelParams): number {
  if (a.neckline === 'hood') return -a.measurements.hoodHeightMm;
  if (a.neckline === 'mock') return -collarHeight;
  if (a.neckline === 'pointed_collar' || a.neckline === 'round_collar') return -24;
  return 0;
}

function topBounds(a: ApparelParams, g: TopGeometry): Box {
  const points: Point[] = [g.shoulder, g.underarm, g.hem, pt(g.nw, topTop(a))];
  if (g.sleeve) points.push(...g.sleeve.path);
  if (a.neckline === 'hood') points.push(pt(Math.max(g.nw + 60, a.measurements.hoodHeightMm * 0.5) + 10, 0));
  const box = boxOfPoints(points);
  const half = Math.max(Math.abs(box.x), box.x + box.w);
  return { x: -half, y: box.y, w: 2 * half, h: box.h };
}

function add2(target: { shapes: Shape[]; callouts: Callout[] }, parts: Parts): void {
  target.shapes.push(...parts.shapes);
  target.callouts.push(...parts.callouts);
}

function topFace(params: DesignParams, a: ApparelParams, g: TopGeometry, view: 'front' | 'back'): ViewDrawing {
  const out = { shapes: [] as Shape[], callouts: [] as Callout[] };
  const raglan = a.sleeveConstruction === 'raglan';
  out.shapes.push({ role: 'outline', d: silhouettePath(g), fill: 'body' });
  if (g.sleeve && a.contrastPanels && raglan) {
    const sleeve = raglanSleevePath(g);
    out.shapes.push({ role: 'detail', d: sleeve, fill: 'accent' }, { role: 'detail', d: mirrorPath(sleeve), fill: 'accent' });
  }
  if (g.sleeve || raglan) {
    const seam = armholeSeam(g, raglan);
    out.shapes.push({ role: 'seam', d: seam }, { role: 'seam', d: mirrorPath(seam) });
    out.shapes.push({ role: 'stitch', d: translatePath(seam, -5, 2), decorative: true }, { role: 'stitch', d: mirrorPath(translatePath(seam, -5, 2)), decorative: true });
    out.callouts.push({ at: pt(-(g.shoulder.x - 10), (g.shoulder.y + g.underarm.y) / 2), text: raglan ? `Raglan sleeves${a.contrastPanels ? ' in the accent colour' : ''}` : 'Set-in sleeves, topstitched armholes' });
  }
  add2(out, cuffs(a, g));
  add2(out, hem(a, g));
  const bottom = g.length;
  const logoSide = params.logo.placement === 'right' ? -1 : 1;
  if (view === 'front') {
    if (a.neckline === 'hood') add2(out, hood(a, g, 'front'));
    add2(out, frontNeck(a, g));
    add2(out, pockets(a, g, logoSide));
    add2(out, closure(a, g, bottom));
  } else {
    if (a.backYoke) {
      const y = g.underarm.y * 0.45;
      const x = g.shoulder.x - 14;
      out.shapes.push({ role: 'seam', d: `${moveTo(pt(-x, y))}${quadTo(pt(0, y + 10), pt(x, y))}` }, { role: 'stitch', d: `${moveTo(pt(-x, y + 6))}${quadTo(pt(0, y + 16), pt(x, y + 6))}` });
      out.callouts.push({ at: pt(x * 0.6, y + 4), text: 'Back yoke, topstitched' });
    }
    add2(out, a.neckline === 'hood' ? hood(a, g, 'back') : backNeck(a, g));
  }
  const dimensions = topDimensions(a, g, view);
  let logo;
  if (params.logo.present && params.logo.face === view) {
    const h = params.logo.widthMm * params.logo.aspect;
    const neckBottom = view === 'front' ? Math.max(g.frontDrop, openingTop(a, g)) : g.backDrop;
    const face = { x: -(g.underarm.x - 30), y: neckBottom + 20, w: 2 * (g.underarm.x - 30), h: g.length - g.rib - neckBottom - 40 };
    // A chest print starts about 75 mm below the neckline; below the drawcords on a hood.
    const printTop = neckBottom + (view === 'front' && a.neckline === 'hood' && a.closure !== 'full_zip' ? 140 : 75);
    logo = placeLogo(params.logo, face, {
      centre: pt(0, printTop + h / 2),
      top: pt(0, neckBottom + 40 + h / 2),
      bottom: pt(0, g.length - g.rib - 80 - h / 2),
      left: pt(-g.underarm.x * 0.45, Math.max(150, neckBottom + 50) + h / 2),
      right: pt(g.underarm.x * 0.45, Math.max(150, neckBottom + 50) + h / 2),
    });
    out.shapes.push({ role: 'centre', d: line(pt(logo.x + logo.w / 2, neckBottom), pt(logo.x + logo.w / 2, logo.y)), decorative: true });
    dimensions.push({ a: pt(logo.x, logo.y), b: pt(logo.x + logo.w, logo.y), placement: 'aligned', tier: 0.6, side: 1, text: `L ${Math.round(logo.w)}` });
    out.callouts.push({ at: pt(logo.x + logo.w, logo.y + logo.h / 2), text: `Logo ${Math.round(logo.w)} mm wide, ${params.logo.method}, ${Math.round(logo.y - neckBottom)} mm below the neck` });
  }
  const m = a.measurements;
  return {
    bounds: topBounds(a, g), shapes: out.shapes, logo, dimensions, callouts: out.callouts,
    notes: [
      `Points of measure, size ${a.baseSize} (flat, mm): A chest ${m.chestWidthMm} · B body length ${m.bodyLengthMm} · C sleeve ${m.sleeveLengthMm} · D hem ${m.hemWidthMm} · E neck width ${m.neckWidthMm}`,
      `Fabric ${a.fabricWeightGsm} gsm, ${a.fit} fit; tolerance ±10 mm on A, B, D and ±5 mm elsewhere.`,
    ],
  };
}

function topDimensions(a: ApparelParams, g: TopGeometry, view: 'front' | 'back'): Dimension[] {
  const y = g.underarm.y + 10;
  const dims: Dimension[] = [
    { a: pt(-g.underarm.x, y), b: pt(g.underarm.x, y), placement: 'aligned', tier: 0, text: `A ${a.measurements.chestWidthMm}`, textAt: 0.18 },
    { a: pt(0, 0), b: pt(0, g.length), placement: 'left', text: `B ${g.length}` },
    { a: pt(-g.hem.x, g.length - 12), b: pt(g.hem.x, g.length - 12), placement: 'aligned', tier: 0, text: `D ${a.measurements.hemWidthMm}`, textAt: 0.18 },
    { a: pt(-g.shoulder.x, g.shoulder.y), b: pt(g.shoulder.x, g.shoulder.y), placement: 'above', text: `${a.measurements.shoulderWidthMm}` },
  ];
  if (view === 'front') dims.push({ a: pt(-g.nw, 0), b: pt(g.nw, 0), placement: 'above', tier: 2, text: `E ${a.measurements.neckWidthMm}` });
  if (g.sleeve) {
    dims.push({ a: g.shoulder, b: g.sleeve.end1, placement: 'aligned', tier: 1, side: 1, text: `C ${a.measurements.sleeveLengthMm}` });
    dims.push({ a: g.sleeve.end1, b: g.sleeve.end2, placement: 'aligned', tier: 1, side: 1, text: `${a.measurements.sleeveOpeningMm}` });
  }
  return dims;
}

/** Side profile: body depth, the sleeve hanging over the side seam, hood or collar in profile. */
function topSide(a: ApparelParams, g: TopGeometry): ViewDrawing {
  const m = a.measurements;
  const L = g.length;
  const depth = Math.round(m.chestWidthMm * 0.5);
  const front = -depth / 2;
  const back = depth / 2;
  const shapes: Shape[] = [];
  const callouts: Callout[] = [];
  const neckF = pt(front + 40, g.frontDrop * 0.5);
  const neckB = pt(back - 45, 0);
  const body = `${moveTo(neckF)}${quadTo(pt(front - 4, g.frontDrop + 40), pt(front, g.underarm.y))}${lineTo(pt(front + 4, L))}${lineTo(pt(back - 4, L))}${lineTo(pt(back, g.underarm.y))}${quadTo(pt(back + 2, 40), neckB)}${quadTo(pt(0, g.backDrop * 0.3), neckF)}Z`;
  shapes.push({ role: 'outline', d: body, fill: 'body' });
  if (g.rib > 0) {
    shapes.push({ role: 'detail', d: rectPath({ x: front + 4, y: L - g.rib, w: depth - 8, h: g.rib }, 0), fill: 'body' });
    let ribs = '';
    for (let x = front + 10; x < back - 6; x += 6) ribs += line(pt(x, L - g.rib + 3), pt(x, L - 3));
    shapes.push({ role: 'texture', d: ribs });
  } else {
    shapes.push({ role: 'stitch', d: `${line(pt(front + 5, L - 20), pt(back - 5, L - 20))}${line(pt(front + 5, L - 26), pt(back - 5, L - 26))}` });
  }
  shapes.push({ role: 'seam', d: line(pt(0, g.underarm.y), pt(0, L - g.rib)) });
  callouts.push({ at: pt(0, (g.underarm.y + L) / 2 + 60), text: 'Side seam, overlocked' });
  if (a.neckline === 'hood') {
    const hh = m.hoodHeightMm;
    const crown = pt(front + 55, -hh + 8);
    const hoodPath = `${moveTo(neckB)}${curveTo(pt(back + 12, -hh * 0.35), pt(back - 25, -hh - 4), crown)}${curveTo(pt(front + 12, -hh + 22), pt(front + 8, -hh * 0.45), neckF)}${quadTo(pt(0, g.backDrop), neckB)}Z`;
    shapes.push({ role: 'outline', d: hoodPath, fill: 'body' });
    shapes.push({ role: 'stitch', d: `${moveTo(pt(crown.x + 4, crown.y + 14))}${curveTo(pt(front + 26, -hh + 34), pt(front + 22, -hh * 0.45), pt(neckF.x + 12, neckF.y - 6))}`, decorative: true });
    callouts.push({ at: pt(front + 10, -hh * 0.5), text: `Hood profile, ${hh} mm from neck seam to crown` });
  } else if (a.neckline === 'mock') {
    shapes.push({ role: 'outline', d: `${moveTo(neckF)}${lineTo(pt(neckF.x + 6, -collarHeight))}${lineTo(pt(neckB.x - 4, -collarHeight - 4))}${lineTo(neckB)}Z`, fill: 'body' });
  } else if (a.neckline === 'pointed_collar' || a.neckline === 'round_collar') {
    shapes.push({ role: 'outline', d: `${moveTo(neckB)}${lineTo(pt(neckB.x + 4, -22))}${quadTo(pt(front + 60, -30), pt(neckF.x + 4, neckF.y - 4))}${quadTo(pt(0, 20), neckB)}Z`, fill: 'body' });
  }
  if (a.pockets === 'kangaroo') {
    const top = L - g.rib - Math.min(250, L * 0.36);
    shapes.push({ role: 'detail', d: `${moveTo(pt(front + 2, top))}${quadTo(pt(front - 10, (top + L - g.rib) / 2), pt(front + 3, L - g.rib))}`, fill: 'none' });
    shapes.push({ role: 'stitch', d: `${moveTo(pt(front + 10, top + 8))}${quadTo(pt(front - 1, (top + L - g.rib) / 2), pt(front + 10, L - g.rib - 4))}` });
    callouts.push({ at: pt(front - 4, (top + L) / 2), text: 'Kangaroo pocket edge' });
  }
  let sleeveLength = 0;
  if (g.sleeve) {
    sleeveLength = m.sleeveLengthMm;
    const top = pt(0, g.shoulder.y);
    const endY = top.y + m.sleeveLengthMm * (a.sleeves === 'short' ? 0.86 : 0.97);
    const halfTop = Math.min(depth * 0.42, (g.underarm.y - g.shoulder.y) * 0.62);
    const halfEnd = m.sleeveOpeningMm / 2;
    const sleeve = `${moveTo(pt(-halfTop * 0.6, top.y + 10))}${quadTo(pt(0, top.y - 12), pt(halfTop * 0.6, top.y + 10))}${quadTo(pt(halfTop, top.y + 60), pt(halfEnd + 6, endY))}${lineTo(pt(-halfEnd - 6, endY))}${quadTo(pt(-halfTop, top.y + 60), pt(-halfTop * 0.6, top.y + 10))}Z`;
    shapes.push({ role: 'outline', d: sleeve, fill: a.contrastPanels && a.sleeveConstruction === 'raglan' ? 'accent' : 'body' });
    shapes.push({ role: 'seam', d: line(pt(0, top.y - 1), pt(0, endY)) });
    if (a.cuffRib && a.sleeves === 'long') {
      shapes.push({ role: 'outline', d: rectPath({ x: -halfEnd, y: endY, w: 2 * halfEnd, h: a.ribHeightMm }, 3), fill: 'body' });
      let ribs = '';
      for (let x = -halfEnd + 5; x < halfEnd - 2; x += 5) ribs += line(pt(x, endY + 3), pt(x, endY + a.ribHeightMm - 3));
      shapes.push({ role: 'texture', d: ribs });
      callouts.push({ at: pt(halfEnd, endY + a.ribHeightMm / 2), text: `Rib cuff ${a.ribHeightMm} mm` });
    } else {
      shapes.push({ role: 'stitch', d: `${line(pt(-halfEnd - 4, endY - 20), pt(halfEnd + 4, endY - 20))}` });
    }
    callouts.push({ at: pt(-halfTop * 0.6, top.y + 60), text: `${a.sleeves === 'short' ? 'Short' : 'Long'} ${a.sleeveConstruction === 'raglan' ? 'raglan' : 'set-in'} sleeve, underarm seam towards the back` });
  }
  const extraTop = topTop(a);
  const bottomY = Math.max(L, g.sleeve ? g.shoulder.y + m.sleeveLengthMm * 0.97 + a.ribHeightMm : L);
  return {
    bounds: { x: front - 12, y: extraTop, w: depth + 24, h: bottomY - extraTop },
    shapes, callouts,
    dimensions: [
      { a: pt(front, 0), b: pt(front, L), placement: 'left', text: `B ${L}` },
      ...(sleeveLength > 0 ? [{ a: pt(0, g.shoulder.y), b: pt(0, g.shoulder.y + sleeveLength), placement: 'right' as const, text: `C ${sleeveLength}` }] : []),
    ],
    notes: ['Side profile for construction; body depth is indicative (garment measured flat).'],
  };
}

export function apparelDetails(params: DesignParams): DetailSpec[] {
  const a = apparelOf(params);
  if (a.garment === 'pants') return pantsDetails(a);
  const g = topGeometry(a);
  const details: DetailSpec[] = [];
  const neckTop = topTop(a);
  const neckName = a.neckline === 'hood' ? 'hood' : 'collar';
  const neckTitle = { crew: 'Crew neckline', v_neck: 'V-neck', hood: 'Hood and opening', pointed_collar: 'Pointed collar', round_collar: 'Round collar', mock: 'Mock neck' }[a.neckline];
  const neckHalf = a.neckline === 'hood' ? Math.max(g.nw + 60, a.measurements.hoodHeightMm * 0.5) + 20 : g.nw + 90;
  details.push({
    name: neckName, title: neckTitle, view: 'front',
    region: { x: -neckHalf, y: neckTop - 15, w: 2 * neckHalf, h: g.frontDrop - neckTop + (a.neckline === 'hood' ? 200 : 110) },
    dimensions: [{ a: pt(-g.nw, 0), b: pt(g.nw, 0), placement: 'above', text: `${a.measurements.neckWidthMm}` }],
    notes: [`Neck width ${a.measurements.neckWidthMm} mm, front drop ${g.frontDrop} mm, back drop ${g.backDrop} mm.`],
  });
  if (a.pockets !== 'none') {
    const bottom = g.length - (g.rib > 0 ? g.rib : 40);
    const region = a.pockets === 'patch' && a.garment !== 'jacket' && a.garment !== 'dress'
      ? { x: -g.underarm.x, y: g.underarm.y * 0.5, w: 2 * g.underarm.x, h: 240 }
      : { x: -g.hem.x - 20, y: bottom - 300, w: 2 * g.hem.x + 40, h: 320 };
    const k = kangarooGeometry(g);
    const dimensions: Dimension[] = a.pockets === 'kangaroo' ? [
      { a: pt(-k.topHalf, k.topY), b: pt(k.topHalf, k.topY), placement: 'aligned', tier: 1, side: 1 },
      { a: pt(k.bottomHalf, k.topY), b: pt(k.bottomHalf, k.bottom), placement: 'right' },
    ] : [];
    details.push({ name: 'pocket', title: `${a.pockets.replace('_', ' ')} pocket`, view: 'front', region, dimensions, notes: [`${a.pockets.replace('_', ' ')} pockets, topstitched ${a.stitch.replace('_', ' ')}.`] });
  }
  if (g.sleeve) {
    const s = g.sleeve;
    const c = add(s.end1, scale(add(s.end2, scale(s.end1, -1)), 0.5));
    details.push({
      name: 'cuff', title: a.cuffRib && a.sleeves === 'long' ? 'Rib cuff' : 'Sleeve hem', view: 'front',
      region: { x: c.x - 110, y: c.y - 110, w: 220, h: 200 },
      dimensions: [{ a: s.end1, b: s.end2, placement: 'aligned', tier: 1, side: 1 }],
      notes: [`Opening ${a.measurements.sleeveOpeningMm} mm flat${a.cuffRib && a.sleeves === 'long' ? `, rib ${a.ribHeightMm} mm` : ''}.`],
    });
  }
  if (a.closure !== 'none') {
    const top = openingTop(a, g);
    details.push({ name: 'closure', title: a.closure.replace('_', ' '), view: 'front', region: { x: -90, y: top - 30, w: 180, h: 220 }, dimensions: [], notes: [`Closure: ${a.closure.replace('_', ' ')}.`] });
  }
  const face = params.logo.face;
  if (params.logo.present) {
    const view = apparelView(params, face);
    const logo = view.logo;
    if (logo) {
      details.push({
        name: 'logo', title: `Logo placement (${face})`, view: face,
        region: { x: logo.x - 60, y: Math.min(logo.y - 60, 0), w: logo.w + 120, h: logo.y + logo.h + 60 - Math.min(logo.y - 60, 0) },
        dimensions: [{ a: pt(logo.x, logo.y + logo.h), b: pt(logo.x + logo.w, logo.y + logo.h), placement: 'below' }],
        notes: [`${params.logo.method}, ${Math.round(logo.w)} × ${Math.round(logo.h)} mm box.`],
      });
    }
  }
  return details;
}
