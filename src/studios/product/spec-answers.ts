import type { Entities } from '../../models/index.ts';
import type { ApparelSpec, DpgData, ProductCategory, RequiredSpecKey } from './dpg-data.ts';

/** What a message added to the spec, and how to say so. */
export interface SpecPatch {
  patch: DpgData;
  understood: string[];
}

const standardCues = /\b(ISO ?\d{3,5}(?::\d{4})?|AQL ?\d(?:\.\d)?|OEKO-?TEX(?: Standard 100)?|GOTS|BSCI|SEDEX|WRAP|REACH|RoHS|CPSIA|Prop(?:osition)? ?65|FDA|LFGB|BPA[- ]free|drop[- ]tested|drop test|MIL-STD-810[A-Z]?|CE|UKCA|FCC|UL ?\d*|ASTM ?[A-Z]?\d+|ISTA ?\d[A-Z]?)\b/gi;
const deferCue = /\b(you (decide|choose|recommend|pick)|whatever you (recommend|suggest|think)|your (call|recommendation)|standard ones?|the usual|not sure|no idea|up to you|recommended|go with (the|your) (standard|default|recommendation))\b/i;
const sizeOrder = ['XXS', 'XS', 'S', 'M', 'L', 'XL', 'XXL', '3XL', '4XL'];

/**
 * Reads a spec answer in free text into structured, normalised fields. Every field a message names
 * is taken, not only the one asked about; the asked field also takes free text (packaging, labels,
 * standards) and "you decide" answers, which `recommended` fills in.
 */
export function readSpecAnswer(text: string, entities: Entities, category: ProductCategory, asked: RequiredSpecKey | undefined, recommended: (key: RequiredSpecKey) => DpgData): SpecPatch {
  const patch: DpgData = {};
  const understood: string[] = [];

  // A packaging or label answer names the box's materials and colours, not the product's.
  const aboutPackaging = asked === 'packaging' || asked === 'labeling';
  if (entities.materials.length > 0 && !aboutPackaging) {
    patch.materials = entities.materials.map((m) => ({ name: m.name, family: m.family }));
    understood.push(`material: ${patch.materials.map((m) => m.name).join(', ')}`);
  }
  if (entities.colors.length > 0 && !aboutPackaging) {
    patch.colors = pairPantones(text, entities.colors).map((c) => ({ name: c.name ?? (c.pantone ? `Pantone ${c.pantone}` : c.hex ?? c.text), ...(c.hex ? { hex: c.hex } : {}), ...(c.pantone ? { pantone: c.pantone } : {}) }));
    understood.push(`colours: ${patch.colors.map((c) => c.name).join(', ')}`);
  }
  const quantity = entities.quantities.reduce<number | undefined>((best, q) => Math.max(best ?? 0, q.value), undefined);
  if (quantity !== undefined && (asked === 'quantities' || /\b(units?|pcs|pieces|cases|items|orders?|hoodies|shirts|bottles|bags|total|quantity)\b/i.test(text))) {
    const split = entities.devices.length > 1 ? entities.devices.map((d) => ({ label: d.model })) : undefined;
    patch.quantities = { total: Math.round(quantity), ...(split ? { split } : {}) };
    understood.push(`quantity: ${Math.round(quantity).toLocaleString('en-US')} units${split ? ` split across ${split.map((s) => s.label).join(' and ')}` : ''}`);
  }
  if (entities.dimensions.length > 0) {
    patch.dimensions = entities.dimensions.flatMap((d) => d.mm.map((mm, i) => ({ name: dimensionName(d.mm.length, i), mm: round(mm) })));
    understood.push(`dimensions: ${patch.dimensions.map((d) => `${d.name} ${d.mm} mm`).join(', ')}`);
  }
  if (entities.markets.length > 0) {
    patch.target_markets = [...new Set(entities.markets.map((m) => m.code))];
    understood.push(`markets: ${patch.target_markets.join(', ')}`);
  }
  const deadline = entities.dates.find((d) => d.deadline) ?? entities.dates[0];
  if (deadline) {
    patch.target_delivery = deadline.date;
    understood.push(`delivery by ${deadline.date}`);
  }
  const price = entities.money[0];
  if (price && /\b(target|per unit|each|\/unit|unit price|budget)\b/i.test(text)) {
    patch.target_unit_price = { amount: price.amount, currency: price.currency };
    understood.push(`target price ${price.amount} ${price.currency} per unit`);
  }
  const standards = [...new Set([...text.matchAll(standardCues)].map((m) => m[0].replace(/\s+/g, ' ')))];
  if (standards.length > 0) {
    patch.quality_standards = standards;
    understood.push(`standards: ${standards.join(', ')}`);
  }
  Object.assign(patch, categoryFields(text, entities, category, understood));

  if (asked && deferCue.test(text) && patch[asked] === undefined) {
    Object.assign(patch, recommended(asked));
    understood.push(`${asked.replace('_', ' ')}: your go-ahead for my recommendation`);
  } else if (asked && patch[asked] === undefined && isFreeText(asked) && text.trim().length > 2) {
    Object.assign(patch, freeText(asked, text));
    understood.push(`${asked.replace('_', ' ')}: ${text.trim()}`);
  }
  return { patch, understood };
}

/**
 * "Pantone 7621 C red" is one colour: the code and its common name. The name's generic hex is
 * dropped, since the Pantone code is the exact colour.
 */
function pairPantones(text: string, colors: Entities['colors']): Entities['colors'] {
  const out: Entities['colors'] = [];
  for (let i = 0; i < colors.length; i++) {
    const color = colors[i]!;
    const next = colors[i + 1];
    const start = text.indexOf(color.text);
    const follows = next?.name && !next.pantone && start >= 0 && new RegExp(`^\\s+${next.text}\\b`, 'i').test(text.slice(start + color.text.length));
    if (color.pantone && !color.name && next && follows) {
      out.push({ text: `${color.text} ${next.text}`, name: next.name, pantone: color.pantone });
      i++;
    } else {
      out.push(color);
    }
  }
  return out;
}

function isFreeText(key: RequiredSpecKey): key is 'packaging' | 'labeling' | 'quality_standards' {
  return key === 'packaging' || key === 'labeling' || key === 'quality_standards';
}

function freeText(key: 'packaging' | 'labeling' | 'quality_standards', text: string): DpgData {
  const clean = text.trim().replace(/[.!]+$/, '');
  if (key === 'packaging') return { packaging: { type: clean.slice(0, 500) } };
  const items = clean.split(/\s*(?:,|;|\band\b|\bplus\b)\s*/i).map((s) => s.trim()).filter((s) => s.length > 1).map((s) => s.slice(0, 500));
  return key === 'labeling' ? { labeling: items } : { quality_standards: items };
}

function categoryFields(text: string, entities: Entities, category: ProductCategory, understood: string[]): DpgData {
  const out: DpgData = {};
  if (category === 'phone_accessory') {
    if (entities.devices.length > 0) {
      out.device_models = [...new Set(entities.devices.map((d) => d.model))];
      understood.push(`devices: ${out.device_models.join(', ')}`);
    }
    if (/\braised (bezels?|edges?|lips?|rims?)\b/i.test(text)) {
      const mm = /(\d+(?:\.\d+)?)\s*mm\b/i.exec(text);
      out.bezel_height_mm = mm ? Number(mm[1]) : 1.5;
      understood.push(`raised bezels: ${out.bezel_height_mm} mm above the screen and camera`);
    }
    const style = /\b(slim|bumper|rugged|folio|clear)\b/i.exec(text)?.[1]?.toLowerCase();
    if (style) out.case_style = style as NonNullable<DpgData['case_style']>;
    else if (/\bflexible\b/i.test(text)) out.case_style = 'slim';
  }
  if (category === 'apparel') {
    const garment = /\b(hoodie|t-?shirt|tee|sweatshirt|jacket|polo|dress|pants)s?\b/i.exec(text)?.[1]?.toLowerCase().replace('-', '');
    if (garment) out.garment_type = ({ hoodie: 'hoodie', tshirt: 't_shirt', tee: 't_shirt', sweatshirt: 'sweatshirt', jacket: 'jacket', polo: 'polo', dress: 'dress', pants: 'pants' } as Record<string, ApparelSpec['garment_type']>)[garment];
    const sizes = sizeRange(text);
    if (sizes) {
      out.sizes = sizes;
      out.dimensions = gradedChest(sizes);
      understood.push(`sizes: ${sizes.join(', ')} (half-chest widths on a standard 5 cm grade from M = 56 cm; send your size chart to replace them)`);
    }
    const gsm = /(\d{2,4})\s*(?:gsm|g\/m2|g\/m²)/i.exec(text);
    if (gsm) {
      out.fabric_weight_gsm = Number(gsm[1]);
      understood.push(`fabric weight: ${gsm[1]} gsm`);
    }
  }
  if (category === 'drinkware') {
    const capacity = /(\d+(?:\.\d+)?)\s*(ml|millilitres?|milliliters?|l|litres?|liters?|oz|fl ?oz)\b/i.exec(text);
    if (capacity) {
      const value = Number(capacity[1]);
      const unit = capacity[2]!.toLowerCase();
      out.capacity_ml = round(unit.startsWith('m') ? value : unit.includes('oz') ? value * 29.5735 : value * 1000);
      understood.push(`capacity: ${out.capacity_ml} ml`);
    }
    if (/\bvacuum\b/i.test(text)) out.insulation = 'double_wall_vacuum';
    else if (/\bdouble[- ]wall(ed)?\b/i.test(text)) out.insulation = 'double_wall';
    else if (/\bsingle[- ]wall(ed)?\b/i.test(text)) out.insulation = 'single_wall';
    const vessel = /\b(bottle|tumbler|mug|cup)s?\b/i.exec(text)?.[1]?.toLowerCase();
    if (vessel) out.vessel_type = vessel as NonNullable<DpgData['vessel_type']>;
    if (/\b(food|drink|beverage|water|coffee)\b/i.test(text) || vessel) out.food_contact = true;
  }
  if (category === 'bag') {
    const litres = /(\d+(?:\.\d+)?)\s*(l|litres?|liters?)\b/i.exec(text);
    if (litres) out.capacity_l = Number(litres[1]);
    const type = /\b(tote|backpack|duffel|messenger|pouch)s?\b/i.exec(text)?.[1]?.toLowerCase();
    if (type) out.bag_type = type as NonNullable<DpgData['bag_type']>;
  }
  if (/\b(kids?|children'?s?|toddlers?|babies|baby|infants?)\b/i.test(text)) out.for_children = true;
  return out;
}

function sizeRange(text: string): string[] | undefined {
  const range = /\b(XXS|XS|S|M|L|XL|XXL|3XL|4XL)\s*(?:-|–|to)\s*(XXS|XS|S|M|L|XL|XXL|3XL|4XL)\b/.exec(text);
  if (!range) return undefined;
  const from = sizeOrder.indexOf(range[1]!);
  const to = sizeOrder.indexOf(range[2]!);
  return from >= 0 && to >= from ? sizeOrder.slice(from, to + 1) : undefined;
}

/** Half-chest widths on an even 5 cm grade around a 56 cm medium: a placeholder the size chart replaces. */
function gradedChest(sizes: string[]): { name: string; mm: number }[] {
  const medium = sizeOrder.indexOf('M');
  return sizes.map((size) => ({ name: `half chest ${size}`, mm: 560 + (sizeOrder.indexOf(size) - medium) * 50 }));
}

function dimensionName(count: number, index: number): string {
  if (count === 1) return 'size';
  return ['length', 'width', 'height'][index] ?? `dimension ${index + 1}`;
}

const round = (value: number) => Math.round(value * 10) / 10;
