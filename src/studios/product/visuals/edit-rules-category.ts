import type { DesignParams } from './design-params.ts';
import { amountIn, applyAmount } from './edit-amount.ts';
import { addWords, removeWords, round1, setField, type EditContext, type EditRule } from './edit-context.ts';
import { frontNeckDropFor, sleeveMeasurementsFor, type Closure, type Neckline, type Pockets, type SleeveLength } from './params-apparel.ts';
import type { BagClosure, StrapKind } from './params-bag.ts';
import type { LidType } from './params-drinkware.ts';
import { clamp } from './spec-reading.ts';

const removing = (c: string, thing: string) => new RegExp(`\\b${removeWords}\\b[^.]*\\b${thing}`).test(c);
const adding = (c: string, thing: string) => new RegExp(`\\b${addWords}\\b[^.]*\\b${thing}`).test(c);
const notLines = '(?!\\s+(lines?|outlines?|strokes?))';
const thinner = new RegExp(`\\b(thinner|slimmer|slim profile|less bulky|lighter weight|lightweight|lighter fabric)\\b${notLines}`);
const thicker = new RegExp(`\\b(thicker|bulkier|sturdier|more protective|heavier|heavyweight|chunkier)\\b${notLines}`);
const rounder = /\b(round(er|ed)?|softer|more rounded|curvier)\b[^.]*\bcorners?\b|\bcorners?\b[^.]*\b(round(er|ed)?|softer)\b/;
const sharper = /\b(sharper|squarer|tighter|crisper|less rounded)\b[^.]*\bcorners?\b|\bcorners?\b[^.]*\b(sharper|squarer|tighter)\b/;

// ---------------------------------------------------------------- apparel

const necklines: [RegExp, Neckline, string][] = [
  [/\b(pointed|shirt|polo|spread|classic|point)\s+collar\b/, 'pointed_collar', 'switched to a pointed collar'],
  [/\b(round(ed)?|peter pan)\s+collar\b/, 'round_collar', 'switched to a round (Peter Pan) collar'],
  [/\bv[- ]?neck(line)?\b/, 'v_neck', 'switched to a V-neck'],
  [/\b(mock|funnel|turtle|high|stand(-up)?)[- ]?(neck|collar)\b/, 'mock', 'switched to a mock neck'],
  [/\bcrew[- ]?(neck)?\b|\bround neck(line)?\b/, 'crew', 'switched to a crew neck'],
];

const apparelNeck: EditRule = (ctx) => {
  const a = ctx.params.apparel!;
  const c = ctx.clause;
  let to: Neckline | undefined;
  let description = '';
  if (/\bhood(ed|ie)?\b/.test(c) && removing(c, 'hood')) { to = 'crew'; description = 'removed the hood'; }
  else if (/\bhood(ed)?\b/.test(c) && (adding(c, 'hood') || /\bhooded\b/.test(c))) { to = 'hood'; description = 'added a hood'; }
  else {
    const found = necklines.find(([re]) => re.test(c));
    if (found) [, to, description] = found;
  }
  if (!to || to === a.neckline) return;
  setField(ctx, 'apparel.neckline', to, description);
  setField(ctx, 'apparel.measurements.frontNeckDropMm', frontNeckDropFor(a.garment, to), description);
};

const pocketKinds: [RegExp, Pockets, string][] = [
  [/\b(kangaroo|pouch|muff)\s+pockets?\b/, 'kangaroo', 'added a kangaroo pocket'],
  [/\b(chest|patch|breast)\s+pockets?\b/, 'patch', 'added a chest patch pocket'],
  [/\b(side|side-seam|hand|in-seam|seam)\s+pockets?\b/, 'side_seam', 'added side-seam pockets'],
  [/\b(zip(ped)?|zipper(ed)?)\s+pockets?\b/, 'zip', 'added zipped pockets'],
];

const apparelPockets: EditRule = (ctx) => {
  const c = ctx.clause;
  if (!/\bpockets?\b/.test(c)) return;
  const a = ctx.params.apparel!;
  if (removing(c, 'pocket') || removing(c, '(kangaroo|chest|patch|side|zip)')) {
    setField(ctx, 'apparel.pockets', 'none', a.pockets === 'kangaroo' ? 'removed the kangaroo pocket' : 'removed the pockets');
    return;
  }
  const found = pocketKinds.find(([re]) => re.test(c));
  if (found) setField(ctx, 'apparel.pockets', found[1], found[2]);
  else if (adding(c, 'pocket')) setField(ctx, 'apparel.pockets', a.garment === 'hoodie' || a.garment === 'sweatshirt' ? 'kangaroo' : 'patch', 'added a pocket');
};

const apparelSleeves: EditRule = (ctx) => {
  const c = ctx.clause;
  const a = ctx.params.apparel!;
  let to: SleeveLength | undefined;
  if (/\blong[- ]?sleeve(s|d)?\b|\bsleeves? (longer|long)\b|\blonger sleeves\b/.test(c)) to = 'long';
  else if (/\bshort[- ]?sleeve(s|d)?\b|\bsleeves? (shorter|short)\b|\bshorter sleeves\b/.test(c)) to = 'short';
  else if (/\bsleeveless\b|\bno sleeves\b|\bremove the sleeves\b|\btank\b/.test(c)) to = 'sleeveless';
  if (to && to !== a.sleeves) {
    const m = sleeveMeasurementsFor(a.garment, to);
    const description = to === 'sleeveless' ? 'made it sleeveless' : `made the sleeves ${to} (${m.lengthMm} mm)`;
    setField(ctx, 'apparel.sleeves', to, description);
    setField(ctx, 'apparel.measurements.sleeveLengthMm', m.lengthMm, description);
    setField(ctx, 'apparel.measurements.sleeveOpeningMm', m.openingMm, description);
  }
  if (/\braglan\b/.test(c)) setField(ctx, 'apparel.sleeveConstruction', 'raglan', 'switched to raglan sleeves');
  else if (/\bset[- ]in\b/.test(c)) setField(ctx, 'apparel.sleeveConstruction', 'set_in', 'switched to set-in sleeves');
};

const apparelClosure: EditRule = (ctx) => {
  const c = ctx.clause;
  if (/\bpockets?\b/.test(c)) return;
  let to: Closure | undefined;
  let description = '';
  if (/\bfull[- ]?(length[- ])?zip(per)?\b|\bzip[- ]?(up|front|through)\b|\bzipped front\b/.test(c)) { to = 'full_zip'; description = 'added a full-length zip'; }
  else if (/\b(quarter|1\/4|half)[- ]?zip\b/.test(c)) { to = 'quarter_zip'; description = 'added a quarter zip'; }
  else if (/\bpull[- ]?over\b/.test(c) || (/\bzip(per)?\b/.test(c) && removing(c, 'zip'))) { to = 'none'; description = 'made it a pullover (no zip)'; }
  else if (/\bsnaps?\b|\bpress[- ]studs?\b|\bpoppers?\b/.test(c)) { to = 'snaps'; description = 'switched to snap fasteners'; }
  else if (/\bbutton(s|ed)?\b|\bplacket\b/.test(c) && !/\bbutton cutouts?\b/.test(c)) { to = removing(c, 'button') ? 'none' : 'buttons'; description = to === 'none' ? 'removed the buttons' : 'added a button placket'; }
  if (to) setField(ctx, 'apparel.closure', to, description);
};

const apparelRibs: EditRule = (ctx) => {
  const c = ctx.clause;
  if (!/\brib(bed|s)?\b|\bcuffs?\b/.test(c)) return;
  const off = removing(c, 'rib') || /\b(raw|clean|plain) hem\b/.test(c);
  if (/\bhem\b/.test(c) || !/\bcuffs?\b/.test(c)) setField(ctx, 'apparel.hemRib', !off, off ? 'removed the rib hem' : 'added a rib hem band');
  if (/\bcuffs?\b/.test(c)) setField(ctx, 'apparel.cuffRib', !off, off ? 'removed the rib cuffs' : 'added rib cuffs');
};

const apparelWeight: EditRule = (ctx) => {
  const c = ctx.clause;
  const lighter = thinner.test(c);
  const heavier = thicker.test(c);
  if (!lighter && !heavier) return;
  const a = ctx.params.apparel!;
  const amount = amountIn(c, 0.15);
  const to = Math.round(clamp(amount.kind === 'share' ? applyAmount(a.fabricWeightGsm, amount, lighter ? -1 : 1) : a.fabricWeightGsm, 80, 600) / 5) * 5;
  setField(ctx, 'apparel.fabricWeightGsm', to, `made the fabric ${lighter ? 'lighter' : 'heavier'} (${a.fabricWeightGsm} → ${to} gsm)`);
};

const apparelStitch: EditRule = (ctx) => {
  const c = ctx.clause;
  if (/\btwin[- ]needle\b/.test(c)) setField(ctx, 'apparel.stitch', 'twin_needle', 'switched to twin-needle topstitching');
  else if (/\bcover[- ]?stitch(ed)?\b/.test(c)) setField(ctx, 'apparel.stitch', 'coverstitch', 'switched to coverstitched hems');
  else if (/\bsingle[- ]needle\b/.test(c)) setField(ctx, 'apparel.stitch', 'single_needle', 'switched to single-needle topstitching');
  if (/\b(contrast|accent)\b[^.]*\b(sleeves?|panels?|hood lining|lining)\b/.test(c)) setField(ctx, 'apparel.contrastPanels', !removing(c, '(contrast|accent)'), 'added contrast panels in the accent colour');
};

// ---------------------------------------------------------------- phone case

const phoneBezel: EditRule = (ctx) => {
  const c = ctx.clause;
  if (!/\b(bezels?|lips?|raised edges?|screen edges?)\b/.test(c)) return;
  const up = /\b(raise|raised|higher|taller|increase|bigger|deeper|more|thicker)\b/.test(c);
  const down = /\b(lower|reduce|decrease|flatter|smaller|less|thinner|low[- ]profile)\b/.test(c);
  const amount = amountIn(c, 0.2);
  if (!up && !down && amount.kind !== 'absolute') return;
  const p = ctx.params.phoneCase!;
  const from = p.bezelHeightMm;
  const to = round1(clamp(applyAmount(from, amount, down ? -1 : 1, { step: 0.3 }), 0.3, 4));
  setField(ctx, 'phoneCase.bezelHeightMm', to, `${to > from ? 'raised' : 'lowered'} the bezel lip to ${to} mm above the screen (was ${from} mm)`);
};

const phoneCamera: EditRule = (ctx) => {
  const c = ctx.clause;
  if (!/\b(camera|lens(es)?)\b/.test(c)) return;
  const p = ctx.params.phoneCase!;
  if (/\blens rings?\b/.test(c)) setField(ctx, 'phoneCase.camera.kind', 'lens_ring', 'switched to individual lens rings');
  else if (/\b(cover(ed)?|protect(ed)?|enclose(d)?)\b/.test(c) && !/\buncover/.test(c)) setField(ctx, 'phoneCase.camera.kind', 'covered', 'covered the camera bump');
  else if (/\b(full|open)\b[^.]*\b(cutout|opening|hole)\b/.test(c)) setField(ctx, 'phoneCase.camera.kind', 'full', 'opened the full camera cutout');
  const bigger = /\b(bigger|larger|wider|more room|enlarge|increase|more clearance)\b/.test(c);
  const smaller = /\b(smaller|tighter|narrower|reduce|decrease|less clearance)\b/.test(c);
  if (!bigger && !smaller) return;
  const amount = amountIn(c, 0.2);
  // A step of 2 mm on width and height: 1 mm more clearance on every side.
  const delta = amount.kind === 'share' ? 2 * (amount.share / 0.2) : amount.kind === 'delta' ? amount.mm : amount.mm - p.camera.widthMm;
  const d = (bigger ? 1 : -1) * Math.abs(delta);
  const cam = p.camera;
  const width = round1(Math.max(8, cam.widthMm + d));
  const height = round1(Math.max(8, cam.heightMm + d));
  const description = `${d > 0 ? 'enlarged' : 'reduced'} the camera cutout to ${width} × ${height} mm (was ${cam.widthMm} × ${cam.heightMm} mm)`;
  setField(ctx, 'phoneCase.camera.widthMm', width, description);
  setField(ctx, 'phoneCase.camera.heightMm', height, description);
  setField(ctx, 'phoneCase.camera.xMm', round1(Math.max(0.6, cam.xMm - d / 2)), description);
  setField(ctx, 'phoneCase.camera.yMm', round1(Math.max(0.6, cam.yMm - d / 2)), description);
  setField(ctx, 'phoneCase.camera.radiusMm', round1(Math.max(0.5, cam.radiusMm + d / 2)), description);
};

const phoneBody: EditRule = (ctx) => {
  const c = ctx.clause;
  const p = ctx.params.phoneCase!;
  if (/\bbuttons?\b/.test(c)) {
    if (/\b(cut ?outs?|open|exposed)\b/.test(c)) setField(ctx, 'phoneCase.buttons', 'cutout', 'switched to button cutouts');
    else if (/\bcover(ed)?\b/.test(c)) setField(ctx, 'phoneCase.buttons', 'covered', 'switched to covered buttons');
  }
  if (/\b(bumper|frame)\b/.test(c)) setField(ctx, 'phoneCase.frame', removing(c, '(bumper|frame)') ? 'none' : 'accent_bumper', removing(c, '(bumper|frame)') ? 'removed the contrast frame' : 'added a contrast bumper frame');
  if (/\b(grip|ridges|ridged|textured sides)\b/.test(c)) setField(ctx, 'phoneCase.gripRidges', !removing(c, '(grip|ridges)'), removing(c, '(grip|ridges)') ? 'removed the grip ridges' : 'added grip ridges on the sides');
  if (!/\b(bezels?|lips?|camera|lines?|logo)\b/.test(c)) {
    const slim = thinner.test(c);
    const bulk = thicker.test(c);
    if (slim || bulk) {
      const amount = amountIn(c, 0.2);
      const to = round1(clamp(applyAmount(p.wallMm, amount, slim ? -1 : 1, { step: slim ? 0.2 : 0.3 }), 0.8, 4));
      setField(ctx, 'phoneCase.wallMm', to, `made the case walls ${slim ? 'thinner' : 'thicker'} (${p.wallMm} → ${to} mm)`);
    }
  }
  if (rounder.test(c) || sharper.test(c)) {
    const round = rounder.test(c);
    const amount = amountIn(c, 0.2);
    const to = round1(clamp(applyAmount(p.cornerRadiusMm, amount, round ? 1 : -1, { step: 1.5 }), 1, Math.min(p.deviceWidthMm, p.deviceHeightMm) / 2));
    setField(ctx, 'phoneCase.cornerRadiusMm', to, `made the corners ${round ? 'rounder' : 'tighter'} (R ${p.cornerRadiusMm} → R ${to} mm)`);
  }
};

// ---------------------------------------------------------------- bag

const bagClosures: [RegExp, BagClosure][] = [[/\bmagnet(ic)?\b/, 'magnetic'], [/\bdraw ?string\b/, 'drawstring'], [/\bbuckles?\b/, 'buckle'], [/\bflap\b/, 'flap'], [/\bopen top\b/, 'open'], [/\bzip(per|ped)?\b/, 'zip']];
const strapKinds: [RegExp, StrapKind][] = [[/\bcross ?body\b/, 'crossbody'], [/\bshoulder straps?\b/, 'shoulder'], [/\bhandles\b/, 'handles'], [/\bwrist(let| strap)\b/, 'wrist']];

const bagRules: EditRule = (ctx) => {
  const c = ctx.clause;
  const b = ctx.params.bag!;
  if (/\bpockets?\b/.test(c)) {
    if (removing(c, 'pocket')) setField(ctx, 'bag.frontPocket', 'none', 'removed the front pocket');
    else if (adding(c, 'pocket') || /\b(front|zip(ped)?|slip|patch) pocket\b/.test(c)) {
      const kind = /\bzip/.test(c) ? 'zip' : /\bpatch\b/.test(c) ? 'patch' : 'slip';
      setField(ctx, 'bag.frontPocket', kind, `added a ${kind === 'zip' ? 'zipped' : kind} front pocket`);
    }
  } else {
    const closure = bagClosures.find(([re]) => re.test(c));
    if (closure) setField(ctx, 'bag.closure', removing(c, closure[1]) ? 'open' : closure[1], `switched the closure to ${removing(c, closure[1]) ? 'an open top' : closure[1]}`);
  }
  const strap = strapKinds.find(([re]) => re.test(c));
  if (strap && !/\b(longer|shorter)\b/.test(c)) setField(ctx, 'bag.straps.kind', strap[1], `switched to ${strap[1] === 'crossbody' ? 'a crossbody strap' : strap[1] === 'shoulder' ? 'shoulder straps' : strap[1]}`);
  if (/\b(straps?|handles?)\b/.test(c) && /\b(longer|shorter)\b/.test(c)) {
    const longer = /\blonger\b/.test(c);
    const to = Math.round(applyAmount(b.straps.dropMm, amountIn(c, 0.2), longer ? 1 : -1));
    setField(ctx, 'bag.straps.dropMm', to, `made the ${b.straps.kind === 'handles' ? 'handles' : 'straps'} ${longer ? 'longer' : 'shorter'} (${b.straps.dropMm} → ${to} mm drop)`);
  }
  if (/\b(contrast|accent)\b[^.]*\b(base|bottom)\b/.test(c)) setField(ctx, 'bag.contrastBase', !removing(c, '(contrast|accent)'), 'added a contrast base panel');
};

// ---------------------------------------------------------------- drinkware

const lids: [RegExp, LidType][] = [[/\bstraw\b/, 'straw'], [/\bflip\b/, 'flip'], [/\bslid(e|ing|er)\b/, 'slide'], [/\b(carry )?loop\b/, 'loop'], [/\bscrew\b/, 'screw'], [/\bpress\b/, 'press']];
const lidHeights: Record<LidType, number> = { none: 0, straw: 38, screw: 32, loop: 32, flip: 36, slide: 14, press: 14 };

const drinkwareRules: EditRule = (ctx) => {
  const c = ctx.clause;
  const d = ctx.params.drinkware!;
  if (/\blid\b|\bcap\b|\bstraw\b/.test(c)) {
    const lid = removing(c, '(lid|cap)') ? 'none' : lids.find(([re]) => re.test(c))?.[1];
    if (lid) {
      setField(ctx, 'drinkware.lid', lid, lid === 'none' ? 'removed the lid' : `switched to a ${lid} lid`);
      setField(ctx, 'drinkware.lidHeightMm', lidHeights[lid], lid === 'none' ? 'removed the lid' : `switched to a ${lid} lid`);
    }
  }
  if (/\bhandle\b/.test(c)) {
    if (removing(c, 'handle')) setField(ctx, 'drinkware.handle', 'none', 'removed the handle');
    else if (adding(c, 'handle') || /\b[cd][- ]handle\b/.test(c)) {
      const kind = /\bd[- ]handle\b/.test(c) ? 'd' : /\bc[- ]handle\b/.test(c) ? 'c' : d.vessel === 'mug' ? 'c' : 'loop';
      setField(ctx, 'drinkware.handle', kind, `added a ${kind === 'loop' ? 'loop' : kind.toUpperCase()} handle`);
    }
  }
  if (/\b(band|stripe)\b/.test(c)) setField(ctx, 'drinkware.accentBand', !removing(c, '(band|stripe)'), removing(c, '(band|stripe)') ? 'removed the accent band' : 'added an accent band');
  if (/\bwalls?\b/.test(c) && (thinner.test(c) || thicker.test(c))) {
    const to = round1(clamp(applyAmount(d.wallMm, amountIn(c, 0.2), thinner.test(c) ? -1 : 1, { step: 0.5 }), 0.8, 12));
    setField(ctx, 'drinkware.wallMm', to, `made the walls ${thinner.test(c) ? 'thinner' : 'thicker'} (${d.wallMm} → ${to} mm)`);
  }
  if (/\btaper(ed)?\b/.test(c)) setField(ctx, 'drinkware.shape', 'tapered', 'tapered the body');
  else if (/\bstraight\b/.test(c)) setField(ctx, 'drinkware.shape', 'straight', 'straightened the body');
};

// ---------------------------------------------------------------- hard good

const hardGoodRules: EditRule = (ctx) => {
  const c = ctx.clause;
  const h = ctx.params.hardGood!;
  if (!/\b(lines?|logo)\b/.test(c) && (thinner.test(c) || thicker.test(c))) {
    const slim = thinner.test(c);
    const to = round1(clamp(applyAmount(h.depthMm, amountIn(c, 0.15), slim ? -1 : 1), 3, 2000));
    setField(ctx, 'hardGood.depthMm', to, `made it ${slim ? 'thinner' : 'thicker'} (${h.depthMm} → ${to} mm deep)`);
  }
  if (rounder.test(c) || sharper.test(c)) {
    const round = rounder.test(c);
    const to = round1(clamp(applyAmount(h.cornerRadiusMm, amountIn(c, 0.25), round ? 1 : -1, { step: Math.max(1, h.cornerRadiusMm * 0.25), baseShare: 0.25 }), 0, Math.min(h.widthMm, h.heightMm) / 2));
    setField(ctx, 'hardGood.cornerRadiusMm', to, `made the corners ${round ? 'rounder' : 'tighter'} (R ${h.cornerRadiusMm} → R ${to} mm)`);
  }
  if (/\bchamfer(ed|s)?\b/.test(c)) setField(ctx, 'hardGood.edge', 'chamfer', 'chamfered the edges');
  else if (/\b(fillet(ed|s)?|rounded edges|softer edges|round(ed)? edges)\b/.test(c)) setField(ctx, 'hardGood.edge', 'fillet', 'filleted the edges');
  if (/\bfeet\b/.test(c)) setField(ctx, 'hardGood.feet', !removing(c, 'feet'), removing(c, 'feet') ? 'removed the feet' : 'added rubber feet');
};

/** The rules of the design's own category. */
export function categoryRules(params: DesignParams): EditRule[] {
  if (params.apparel) return [apparelNeck, apparelPockets, apparelSleeves, apparelClosure, apparelRibs, apparelWeight, apparelStitch];
  if (params.phoneCase) return [phoneBezel, phoneCamera, phoneBody];
  if (params.bag) return [bagRules];
  if (params.drinkware) return [drinkwareRules];
  if (params.hardGood) return [hardGoodRules];
  return [];
}

export type { EditContext };
