import { colorHexFor, colorNameFor } from './color-names.ts';
import { maxLogoWidth, type DesignParams, type LogoPlacement } from './design-params.ts';
import { amountIn, applyAmount } from './edit-amount.ts';
import { round1, removeWords, addWords, setField, type DesignChange, type EditContext, type EditRule } from './edit-context.ts';
import { categoryRules } from './edit-rules-category.ts';
import { clamp } from './spec-reading.ts';

export type { DesignChange } from './edit-context.ts';

const verbs = /^(add|remove|make|move|put|change|give|use|switch|swap|turn|raise|lower|drop|delete|increase|decrease|enlarge|shrink)\b/;

/** Splits an instruction into clauses; a clause without a verb borrows the previous one ("add a hood and pockets"). */
function clausesOf(instruction: string): string[] {
  const parts = instruction.toLowerCase().replace(/[’']/g, "'").split(/[.;!?](?=\s|$)|\n|,(?!\d)|\bbut\b|\band\b|\bthen\b|\balso\b|\bplus\b/)
    .map((p) => p.trim()).filter(Boolean);
  const out: string[] = [];
  let verb = '';
  for (const part of parts) {
    const found = verbs.exec(part);
    if (found) verb = found[1]!;
    out.push(found || verb === '' ? part : `${verb} ${part}`);
  }
  return out;
}

const negated = /\b(don't|do not|dont|no need to|never|not)\b\s+(\w+\s+){0,2}(make|move|change|add|remove|raise|lower|touch)\b/;

const logoRemoval: EditRule = (ctx) => {
  const c = ctx.clause;
  if (!/\blogo\b/.test(c)) return;
  if (new RegExp(`\\b${removeWords}\\b[^.]*\\blogo\\b|\\blogo\\b[^.]*\\b(removed|off)\\b|\\bunbranded\\b`).test(c)) {
    setField(ctx, 'logo.present', false, 'removed the logo');
  } else if (!ctx.params.logo.present && new RegExp(`\\b${addWords}\\b[^.]*\\blogo\\b`).test(c)) {
    setField(ctx, 'logo.present', true, 'added the logo');
  }
};

const logoSize: EditRule = (ctx) => {
  const c = ctx.clause;
  if (!/\blogo\b/.test(c) || !ctx.params.logo.present) return;
  const smaller = /\b(smaller|shrink|shrunk|reduce|reduced|decrease|tinier|tiny|less prominent|subtler|more subtle|half)\b/.test(c);
  const bigger = /\b(bigger|larger|enlarge|enlarged|increase|more prominent|huge|twice|double|wider)\b/.test(c);
  const sized = /\blogo\b[^.]*?\d+(\.\d+)?\s*mm\b/.test(c) && !/\b(up|down|below|above|from|left|right|move|lower|higher)\b/.test(c);
  if (!smaller && !bigger && !sized) return;
  const amount = amountIn(c, 0.2);
  const from = ctx.params.logo.widthMm;
  const raw = applyAmount(from, amount, smaller ? -1 : 1);
  const to = round1(clamp(raw, 5, maxLogoWidth(ctx.params)));
  const pct = Math.round(Math.abs(to - from) / from * 100);
  const description = amount.kind === 'absolute' ? `set the logo to ${to} mm wide (was ${round1(from)} mm)`
    : `made the logo ${pct}% ${to < from ? 'smaller' : 'bigger'} (${round1(from)} → ${to} mm)`;
  setField(ctx, 'logo.widthMm', to, description);
};

const placements: [RegExp, LogoPlacement][] = [
  [/\b(top|upper|up top|higher up|high)\b/, 'top'], [/\b(bottom|lower part|low)\b/, 'bottom'],
  [/\b(cent(er|re)d?|middle)\b/, 'centre'], [/\bleft\b/, 'left'], [/\bright\b/, 'right'],
];

const logoMove: EditRule = (ctx) => {
  const c = ctx.clause;
  if (!/\blogo\b/.test(c) || !ctx.params.logo.present) return;
  if (!/\b(move|put|place|position|shift|relocate|logo (on|at|to|in)|to the|on the|at the|onto)\b/.test(c)) return;
  const p = ctx.params;
  if (p.category !== 'phone_accessory') {
    if (/\bback\b/.test(c) && !/\bback to\b/.test(c)) setField(ctx, 'logo.face', 'back', 'moved the logo to the back');
    else if (/\b(front|chest)\b/.test(c)) setField(ctx, 'logo.face', 'front', 'moved the logo to the front');
  }
  const found = placements.filter(([re]) => re.test(c)).map(([, placement]) => placement);
  const vertical = found.find((f) => f === 'top' || f === 'bottom');
  const horizontal = found.find((f) => f === 'left' || f === 'right');
  const placement = vertical ?? horizontal ?? found[0] ?? (/\bchest\b/.test(c) && /\bleft\b/.test(c) ? 'left' : undefined);
  if (placement) {
    setField(ctx, 'logo.placement', placement, `moved the logo to the ${placement === 'centre' ? 'centre' : placement}`);
    setField(ctx, 'logo.offsetX', vertical && horizontal ? (horizontal === 'left' ? -0.25 : 0.25) : 0, `moved the logo to the ${vertical && horizontal ? `${vertical} ${horizontal}` : placement}`);
    setField(ctx, 'logo.offsetY', 0, `moved the logo to the ${placement}`);
    return;
  }
  const up = /\b(up|higher|raise)\b/.test(c);
  const down = /\b(down|lower)\b/.test(c);
  if (up || down) {
    const step = amountIn(c, 0.08);
    const share = step.kind === 'share' ? step.share : 0.08;
    setField(ctx, 'logo.offsetY', round1((p.logo.offsetY + (up ? -share : share)) * 100) / 100, `moved the logo ${up ? 'up' : 'down'}`);
  }
};

const minimal: EditRule = (ctx) => {
  const c = ctx.clause;
  const more = /\b(minimal(ist|istic)?|cleaner|simpler|simplify|simplified|less busy|less detail(ed)?|fewer details|understated|pared[- ]back|stripped[- ]back|sleeker|more subtle)\b/.test(c) && !/\blogo\b/.test(c);
  const less = /\b(bolder|more detail(ed|s)?|busier|more decorat\w*|louder|richer|more features|more going on)\b/.test(c) && !/\blogo\b/.test(c);
  if (!more && !less) return;
  const step = amountIn(c, 0.2);
  const share = step.kind === 'share' ? step.share : 0.2;
  const from = ctx.params.minimalism;
  const to = round1(clamp(from + (more ? share : -share), 0, 1) * 100) / 100;
  setField(ctx, 'minimalism', Math.round(to * 100) / 100, more ? `made the design more minimalist (minimalism ${from} → ${Math.round(to * 100) / 100})` : `added more detail (minimalism ${from} → ${Math.round(to * 100) / 100})`);
  if (/\bbold(er)?\b/.test(c)) {
    const width = round1(clamp(ctx.params.strokeWidth + 0.15, 0.25, 1.2) * 100) / 100;
    setField(ctx, 'strokeWidth', Math.round(width * 100) / 100, `made the lines bolder (${Math.round(width * 100) / 100} mm)`);
  }
};

const lineWeight: EditRule = (ctx) => {
  const m = /\b(thinner|finer|lighter|thicker|heavier|bolder)\s+(lines?|outlines?|strokes?)\b/.exec(ctx.clause);
  if (!m) return;
  const thinner = ['thinner', 'finer', 'lighter'].includes(m[1]!);
  const to = Math.round(clamp(ctx.params.strokeWidth + (thinner ? -0.1 : 0.15), 0.25, 1.2) * 100) / 100;
  setField(ctx, 'strokeWidth', to, `made the outlines ${thinner ? 'thinner' : 'heavier'} (${ctx.params.strokeWidth} → ${to} mm)`);
};

const accentWords = /\b(accent|trim|contrast|details?|secondary|logo|stitch(ing)?|piping|zip|lining|band|frame|bumper)\b/;
const colourContext = /\b(make|made|change|turn|switch|colou?r(ed|way|s)?|in|go with|use|paint|dye|want|prefer|try|do)\b/;

const colour: EditRule = (ctx) => {
  const c = ctx.clause;
  const hex = /#([0-9a-f]{6}|[0-9a-f]{3})\b/.exec(c);
  const value = hex ? colorHexFor(hex[0]) : colourContext.test(c) ? colorHexFor(c.replace(/\b(light|dark)\s+(lines?|outlines?)\b/g, '')) : undefined;
  if (!value) return;
  const target = accentWords.test(c) ? 'accent' : 'body';
  const name = hex ? colorNameFor(value) : nameIn(c) ?? colorNameFor(value);
  const before = ctx.params.colors[target];
  setField(ctx, `colors.${target}`, value, `changed the ${target === 'body' ? 'main' : 'accent'} colour to ${name} (${value})`);
  if (before !== value) ctx.params.colors[target === 'body' ? 'bodyName' : 'accentName'] = name;
};

function nameIn(text: string): string | undefined {
  const hex = colorHexFor(text);
  if (!hex) return undefined;
  const words = text.split(/\s+/);
  for (let n = 3; n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      const phrase = words.slice(i, i + n).join(' ');
      if (colorHexFor(phrase) === hex && /^[a-z ]+$/.test(phrase) && phrase.split(' ').every((w) => !['make', 'it', 'the', 'in', 'a', 'to', 'body', 'accent', 'colour', 'color'].includes(w))) return phrase;
    }
  }
  return undefined;
}

const generalRules: EditRule[] = [logoRemoval, logoSize, logoMove, minimal, lineWeight];

/**
 * Applies a worded change to the design: logo size and position, minimalism and line weight,
 * colours and the category's own features (collar, hood, pockets, sleeves, zips; bezels, camera
 * cutout, corners; lids, handles; closures, straps). Words it does not understand change nothing
 * and return no changes. Pure: the input is not modified.
 *
 * @example
 * applyDesignEdit(params, 'make the logo a bit smaller and raise the bezels').changes
 * // [{ field: 'logo.widthMm', from: 24, to: 21.6, ... }, { field: 'phoneCase.bezelHeightMm', ... }]
 */
export function applyDesignEdit(params: DesignParams, instruction: string): { params: DesignParams; changes: DesignChange[] } {
  const next = structuredClone(params);
  const changes: DesignChange[] = [];
  for (const clause of clausesOf(instruction)) {
    if (negated.test(clause)) continue;
    const ctx: EditContext = { params: next, clause, changes };
    for (const rule of [...generalRules, ...categoryRules(next), colour]) rule(ctx);
  }
  return { params: next, changes };
}

