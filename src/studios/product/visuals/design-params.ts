import type { DpgFacts, ProductCategory } from '../dpg-data.ts';
import { colorHexFor, colorNameFor, mixHex, luminance } from './color-names.ts';
import { apparelParamsFor, type ApparelParams } from './params-apparel.ts';
import { bagParamsFor, type BagParams } from './params-bag.ts';
import { drinkwareParamsFor, type DrinkwareParams } from './params-drinkware.ts';
import { hardGoodParamsFor, type HardGoodParams } from './params-hard-good.ts';
import { phoneCaseParamsFor, type PhoneCaseParams } from './params-phone-case.ts';
import { clamp, factsText, roundTo } from './spec-reading.ts';

export type { ApparelParams } from './params-apparel.ts';
export type { BagParams } from './params-bag.ts';
export type { DrinkwareParams } from './params-drinkware.ts';
export type { HardGoodParams } from './params-hard-good.ts';
export type { PhoneCaseParams } from './params-phone-case.ts';

export type { Variant } from './variant.ts';
import type { Variant } from './variant.ts';
/** Where the logo sits on its face, in the drawing's own terms (left = left of the drawing). */
export type LogoPlacement = 'centre' | 'top' | 'bottom' | 'left' | 'right';
export type Face = 'front' | 'back';

export interface LogoParams {
  present: boolean;
  widthMm: number;
  /** Height as a share of the width: the placement box, the artwork brings its own shape. */
  aspect: number;
  placement: LogoPlacement;
  face: Face;
  /** Offsets from the placement's anchor, as fractions of the face's width (x, + right) and height (y, + down). */
  offsetX: number;
  offsetY: number;
  method: string;
}

export interface DesignColors {
  body: string;
  bodyName: string;
  accent: string;
  accentName: string;
}

/**
 * Everything the drawings need, derived from a DPG and then edited by instructions. Exactly one
 * of the category sections is set, the one of `category`.
 */
export interface DesignParams {
  category: ProductCategory;
  title: string;
  variant: Variant;
  variantName: string;
  /** 0 = every detail drawn, 1 = only the essentials (stitching, ribs and texture drop out). */
  minimalism: number;
  /** Outline line width, in mm on the printed sheet (ISO 128 thick line 0.5). */
  strokeWidth: number;
  colors: DesignColors;
  material: string;
  logo: LogoParams;
  phoneCase?: PhoneCaseParams;
  apparel?: ApparelParams;
  bag?: BagParams;
  drinkware?: DrinkwareParams;
  hardGood?: HardGoodParams;
}

const variantNames: Record<ProductCategory, Record<Variant, string>> = {
  phone_accessory: { 1: 'Classic', 2: 'Framed', 3: 'Grip' },
  apparel: { 1: 'Core', 2: 'Utility', 3: 'Statement' },
  bag: { 1: 'Essential', 2: 'Organised', 3: 'Carry-all' },
  drinkware: { 1: 'Everyday', 2: 'Active', 3: 'Signature' },
  hard_good: { 1: 'Soft-edge', 2: 'Chamfered', 3: 'Pebble' },
};

/** The logo's default spot per category and variant (width in mm, placement, offsets, face). */
const logoLayouts: Record<ProductCategory, Record<Variant, Omit<LogoParams, 'present' | 'aspect' | 'method'>>> = {
  phone_accessory: {
    1: { widthMm: 24, placement: 'centre', face: 'back', offsetX: 0, offsetY: 0 },
    2: { widthMm: 20, placement: 'bottom', face: 'back', offsetX: 0, offsetY: 0 },
    3: { widthMm: 16, placement: 'top', face: 'back', offsetX: 0, offsetY: 0 },
  },
  apparel: {
    1: { widthMm: 220, placement: 'centre', face: 'front', offsetX: 0, offsetY: 0 },
    2: { widthMm: 90, placement: 'left', face: 'front', offsetX: 0, offsetY: 0 },
    3: { widthMm: 260, placement: 'top', face: 'back', offsetX: 0, offsetY: 0 },
  },
  bag: {
    1: { widthMm: 120, placement: 'centre', face: 'front', offsetX: 0, offsetY: 0 },
    2: { widthMm: 80, placement: 'top', face: 'front', offsetX: 0, offsetY: 0 },
    3: { widthMm: 60, placement: 'bottom', face: 'front', offsetX: 0.25, offsetY: 0 },
  },
  drinkware: {
    1: { widthMm: 40, placement: 'centre', face: 'front', offsetX: 0, offsetY: 0 },
    2: { widthMm: 34, placement: 'top', face: 'front', offsetX: 0, offsetY: 0 },
    3: { widthMm: 30, placement: 'bottom', face: 'front', offsetX: 0, offsetY: 0 },
  },
  hard_good: {
    1: { widthMm: 30, placement: 'centre', face: 'front', offsetX: 0, offsetY: 0 },
    2: { widthMm: 24, placement: 'bottom', face: 'front', offsetX: 0.25, offsetY: 0 },
    3: { widthMm: 20, placement: 'top', face: 'front', offsetX: -0.25, offsetY: 0 },
  },
};

/**
 * The design parameters of one concept variant of a DPG. The DPG's own values (device, sizes,
 * colours, logo, category fields) win; the variant decides what the DPG leaves open.
 *
 * @example
 * const params = designParamsFor(dpg, { variant: 2 });
 */
export function designParamsFor(facts: DpgFacts, options: { variant?: Variant; minimalism?: number } = {}): DesignParams {
  const variant = options.variant ?? 1;
  const category = facts.category;
  const params: DesignParams = {
    category,
    title: facts.title,
    variant,
    variantName: variantNames[category][variant],
    minimalism: clamp(options.minimalism ?? 0.35, 0, 1),
    strokeWidth: 0.5,
    colors: colorsFor(facts),
    material: (facts.data.materials ?? []).map((m) => m.name).join(' / ') || 'TBD',
    logo: logoFor(facts, variant),
  };
  switch (category) {
    case 'phone_accessory': params.phoneCase = phoneCaseParamsFor(facts, variant); break;
    case 'apparel': params.apparel = apparelParamsFor(facts, variant); break;
    case 'bag': params.bag = bagParamsFor(facts, variant); break;
    case 'drinkware': params.drinkware = drinkwareParamsFor(facts, variant); break;
    case 'hard_good': params.hardGood = hardGoodParamsFor(facts, variant); break;
  }
  if (params.apparel && facts.data.logo?.placement === undefined) {
    // Polos and jackets carry a small left-chest mark rather than a large chest print; trousers a small hip mark.
    if (variant === 1 && ['polo', 'jacket'].includes(params.apparel.garment)) params.logo = { ...params.logo, placement: 'left', widthMm: facts.data.logo?.widthMm ?? 80 };
    if (params.apparel.garment === 'pants') params.logo = { ...params.logo, placement: 'top', face: variant === 2 ? 'back' : 'front', widthMm: facts.data.logo?.widthMm ?? 60 };
  }
  return fitLogo(params);
}

function colorsFor(facts: DpgFacts): DesignColors {
  const specs = facts.data.colors ?? [];
  const hexOf = (i: number) => {
    const spec = specs[i];
    return spec === undefined ? undefined : spec.hex?.toLowerCase() ?? colorHexFor(spec.name);
  };
  const body = hexOf(0) ?? (facts.category === 'drinkware' ? '#c9ccce' : '#d9d9d6');
  // Without a second colour the accent is a darker (or, on dark bodies, lighter) shade of the body.
  const accent = hexOf(1) ?? (luminance(body) > 0.25 ? mixHex(body, '#000000', 0.55) : mixHex(body, '#ffffff', 0.55));
  return {
    body,
    bodyName: specs[0]?.name ?? colorNameFor(body),
    accent,
    accentName: specs[1]?.name ?? colorNameFor(accent),
  };
}

function logoFor(facts: DpgFacts, variant: Variant): LogoParams {
  const spec = facts.data.logo;
  const layout = { ...logoLayouts[facts.category][variant] };
  const placementText = (spec?.placement ?? '').toLowerCase();
  const parsed = parsePlacement(placementText, facts.category);
  if (parsed) Object.assign(layout, parsed);
  return {
    present: !/\b(none|no logo|unbranded|blank)\b/.test(placementText),
    widthMm: spec?.widthMm ?? layout.widthMm,
    aspect: 0.4,
    placement: layout.placement,
    face: layout.face,
    offsetX: layout.offsetX,
    offsetY: layout.offsetY,
    method: spec?.method ?? defaultMethod(facts),
  };
}

/** Reads "left chest", "centre back", "bottom right" and the like into a placement. */
export function parsePlacement(text: string, category: ProductCategory): Partial<Pick<LogoParams, 'placement' | 'face' | 'offsetX' | 'offsetY'>> | undefined {
  if (text.trim() === '') return undefined;
  const out: Partial<Pick<LogoParams, 'placement' | 'face' | 'offsetX' | 'offsetY'>> = { offsetX: 0, offsetY: 0 };
  const back = /\bback\b|\brear\b/.test(text);
  const front = /\bfront\b|\bchest\b/.test(text);
  if (category !== 'phone_accessory' && back && !front) out.face = 'back';
  else if (category !== 'phone_accessory' && front) out.face = 'front';
  const left = /\bleft\b/.test(text);
  const right = /\bright\b/.test(text);
  const top = /\btop\b|\bupper\b|\bhigh\b|\bneck\b|\byoke\b/.test(text);
  const bottom = /\bbottom\b|\blower\b|\blow\b|\bhem\b|\bbase\b/.test(text);
  if (top) out.placement = 'top';
  else if (bottom) out.placement = 'bottom';
  else if (left) out.placement = 'left';
  else if (right) out.placement = 'right';
  else if (/cent(re|er)|middle|chest|\bback\b/.test(text)) out.placement = 'centre';
  if ((top || bottom) && (left || right)) out.offsetX = left ? -0.25 : 0.25;
  return out.placement === undefined && out.face === undefined ? undefined : out;
}

function defaultMethod(facts: DpgFacts): string {
  if (facts.category === 'drinkware' && /ceramic|porcelain|stoneware|\bmug\b/.test(factsText(facts)) && facts.data.vessel_type !== 'bottle') return 'ceramic decal';
  return { phone_accessory: 'UV print', apparel: 'screen print', bag: 'screen print', drinkware: 'laser engraving', hard_good: 'pad print' }[facts.category];
}

/** The largest width a logo may have on its face: 80 % of the usable width. */
export function maxLogoWidth(params: DesignParams): number {
  const faceWidth = params.phoneCase ? params.phoneCase.deviceWidthMm
    : params.apparel ? (params.apparel.garment === 'pants' ? params.apparel.measurements.waistWidthMm : params.apparel.measurements.chestWidthMm)
      : params.bag ? params.bag.widthMm
        : params.drinkware ? Math.PI * params.drinkware.diameterMm * 0.45
          : params.hardGood ? params.hardGood.widthMm : 100;
  return roundTo(faceWidth * 0.8, 0.5);
}

function fitLogo(params: DesignParams): DesignParams {
  const max = maxLogoWidth(params);
  if (params.logo.widthMm > max) params.logo.widthMm = max;
  return params;
}
