import type { DpgFacts, ProductCategory } from '../dpg-data.ts';
import type { MaterialFamily, SpecSignals } from './spec-signals.ts';

/** Bulk material price, USD per kg, with where the figure comes from. Ballpark values for estimates only. */
export interface MaterialPrice { key: string; match: RegExp; usdPerKg: number; source: string }

export const materialPrices: MaterialPrice[] = [
  { key: 'TPU', match: /\b(tpu|tpe)\b/, usdPerKg: 3.5, source: 'ChemAnalyst TPE price index Q3 2025: USD 1,903/t (CFR Klang) to 3,783/t (CFR Houston); TPU priced at the upper end' },
  { key: 'Polycarbonate', match: /\b(pc|polycarbonate)\b/, usdPerKg: 2.9, source: 'ChemAnalyst polycarbonate Q3 2025: USD 1,919/t (DDP US Gulf) to 2,831/t (Ex-Tokyo)' },
  { key: '304 stainless steel', match: /\b(stainless|18\/8|304|316)\b/, usdPerKg: 2.0, source: 'Mysteel 304/2B cold-rolled coil, Wuxi, 11 Sep 2024: CNY 13,500/t = USD 1,984/t incl. 13% VAT (reported by SEAISI)' },
  { key: 'Silicone (LSR)', match: /\bsilicone\b/, usdPerKg: 6.0, source: 'Ballpark assumption (not verified against a price index)' },
  { key: 'Aluminium', match: /\balumin(i)?um\b/, usdPerKg: 3.0, source: 'Ballpark assumption: primary aluminium plus sheet/extrusion premium (not verified)' },
  { key: 'Cotton knit fabric', match: /\b(cotton|fleece|jersey|french terry)\b/, usdPerKg: 7.0, source: 'Ballpark assumption for dyed cotton knit at mill (not verified)' },
  { key: 'Polyester fabric', match: /\b(polyester|recycled pet|rpet)\b/, usdPerKg: 4.5, source: 'Ballpark assumption for dyed polyester fabric at mill (not verified)' },
  { key: 'Nylon fabric', match: /\b(nylon|cordura)\b/, usdPerKg: 6.0, source: 'Ballpark assumption for coated nylon fabric (not verified)' },
  { key: 'Canvas', match: /\b(canvas|duck|twill|denim)\b/, usdPerKg: 6.0, source: 'Ballpark assumption for cotton canvas (not verified)' },
  { key: 'Leather', match: /\b(leather|suede)\b/, usdPerKg: 25, source: 'Ballpark assumption for finished cowhide (not verified)' },
  { key: 'Polypropylene', match: /\b(pp|polypropylene)\b/, usdPerKg: 1.3, source: 'Ballpark assumption for PP homopolymer (not verified)' },
  { key: 'ABS', match: /\babs\b/, usdPerKg: 1.8, source: 'Ballpark assumption for general-purpose ABS (not verified)' },
];

/** Fallback price per family when no named material matches. */
export const familyPrices: Record<MaterialFamily, number> = {
  plastic: 2.0, rubber: 4.0, metal: 2.5, textile: 6.0, leather: 25, wood: 1.5, glass: 1.0, ceramic: 0.8, paper: 1.0, composite: 15, other: 3.0,
};

export interface ToolingItem { item: string; cost: number; why: string }

export interface CategoryCostModel {
  /** Material utilisation: bought weight / finished weight (runners, trim, marker waste). */
  scrapFactor: number;
  /** Labour minutes per unit at the reference unit (a trained line). */
  labourMinutes: (facts: DpgFacts, s: SpecSignals) => { minutes: number; why: string };
  labourUsdPerMinute: number;
  machineMinutes: number;
  machineUsdPerMinute: number;
  overheadPct: number;
  learningRate: number;
  learningWhy: string;
  referenceUnit: number;
  plateauUnit: number;
  setupPerOrder: number;
  defaultWeightG: (facts: DpgFacts, s: SpecSignals) => { grams: number; why: string };
  tooling: (facts: DpgFacts, s: SpecSignals) => ToolingItem[];
}

const logoTooling = (facts: DpgFacts, inks: number): ToolingItem[] => {
  const method = facts.data.logo?.method?.toLowerCase() ?? '';
  if (/screen|silk/.test(method)) return [{ item: `Print screens (${inks})`, cost: 35 * inks, why: 'Screen printing needs one screen per ink colour (about USD 35 each).' }];
  if (/pad/.test(method)) return [{ item: `Pad-print clichés (${inks})`, cost: 40 * inks, why: 'Pad printing needs one cliché per ink colour (about USD 40 each).' }];
  if (/embroider/.test(method)) return [{ item: 'Embroidery digitising', cost: 60, why: 'The logo artwork is digitised once into a stitch file.' }];
  return [];
};
const inkColours = (s: SpecSignals): number => Math.max(1, s.pantoneCount);

const garmentAreaM2: Record<string, number> = { t_shirt: 0.9, polo: 1.0, hoodie: 1.9, sweatshirt: 1.6, jacket: 2.2, dress: 1.8, pants: 1.5, other: 1.5 };
const garmentGsm: Record<string, number> = { t_shirt: 180, polo: 200, hoodie: 320, sweatshirt: 300, jacket: 250, dress: 160, pants: 280, other: 220 };
// Standard allowed minutes: opencosting.com SAM table (T-shirt 8, polo 15, hoodie 45, formal trouser 35, suit jacket 100); others assumed.
const garmentSam: Record<string, number> = { t_shirt: 8, polo: 15, hoodie: 45, sweatshirt: 35, jacket: 100, dress: 30, pants: 35, other: 30 };
const bagWeightG: Record<string, number> = { tote: 250, backpack: 800, duffel: 1000, messenger: 600, pouch: 80, other: 400 };
const bagMinutes: Record<string, number> = { tote: 15, backpack: 90, duffel: 60, messenger: 45, pouch: 10, other: 40 };

export const costModels: Record<ProductCategory, CategoryCostModel> = {
  phone_accessory: {
    scrapFactor: 1.05, labourUsdPerMinute: 0.08, machineMinutes: 0.25, machineUsdPerMinute: 0.5, overheadPct: 0.25,
    labourMinutes: () => ({ minutes: 1.0, why: 'Trimming, printing, inspection and packing about 1 min; moulding is machine time (30 s cycle, 2 cavities).' }),
    learningRate: 0.95, learningWhy: 'Automated moulding: the machine cycle does not learn, only handling does (95%).', referenceUnit: 1000, plateauUnit: 20_000,
    setupPerOrder: 300,
    defaultWeightG: () => ({ grams: 30, why: 'A slim moulded phone case weighs about 25-35 g.' }),
    tooling: (facts, s) => {
      const models = Math.max(1, s.deviceModelCount);
      const twoShot = /\b(tpu|tpe)\b/.test(s.text) && /\b(pc|polycarbonate)\b/.test(s.text);
      const each = twoShot ? 7200 : 4000;
      return [
        { item: `${twoShot ? 'Two-shot' : 'Injection'} mould x${models} device model${models > 1 ? 's' : ''}`, cost: each * models, why: `One mould per device model at about USD ${each.toLocaleString('en-US')} (a small two-cavity production mould cost USD 3,600 in Formlabs' "Race to 1,000 parts"${twoShot ? '; two-shot tools cost about 1.8x' : ''}).` },
        ...logoTooling(facts, inkColours(s)),
      ];
    },
  },
  apparel: {
    scrapFactor: 1.18, labourUsdPerMinute: 0.06, machineMinutes: 0, machineUsdPerMinute: 0, overheadPct: 0.2,
    labourMinutes: (facts, s) => {
      const type = facts.data.garment_type ?? 'other';
      const extra = (s.zipper ? 5 : 0) + (/embroider/.test(facts.data.logo?.method ?? '') ? 3 : facts.data.logo ? 1 : 0);
      return { minutes: (garmentSam[type] ?? 30) + extra, why: `SAM ${garmentSam[type] ?? 30} min for a ${type.replace('_', ' ')} (opencosting.com SAM table)${extra ? ` + ${extra} min for zip/logo` : ''}.` };
    },
    learningRate: 0.9, learningWhy: 'Manual sewing: operators speed up quickly on a new style (90% per doubling).', referenceUnit: 1000, plateauUnit: 5000,
    setupPerOrder: 150,
    defaultWeightG: (facts) => {
      const type = facts.data.garment_type ?? 'other';
      const gsm = facts.data.fabric_weight_gsm ?? garmentGsm[type] ?? 220;
      const area = garmentAreaM2[type] ?? 1.5;
      return { grams: Math.round(area * gsm), why: `${area} m² of fabric at ${gsm} gsm for a ${type.replace('_', ' ')}.` };
    },
    tooling: (facts, s) => [{ item: 'Pattern making and grading', cost: 250, why: 'A production pattern graded across the sizes (about USD 250 per style).' }, ...logoTooling(facts, inkColours(s))],
  },
  bag: {
    scrapFactor: 1.2, labourUsdPerMinute: 0.06, machineMinutes: 0, machineUsdPerMinute: 0, overheadPct: 0.2,
    labourMinutes: (facts, s) => {
      const type = facts.data.bag_type ?? 'other';
      const base = bagMinutes[type] ?? 40;
      return { minutes: base + (s.zipper ? 5 : 0), why: `About ${base} min to cut and sew a ${type}${s.zipper ? ' + 5 min for the zip' : ''} (assumption).` };
    },
    learningRate: 0.9, learningWhy: 'Manual sewing with reinforcement operations (90% per doubling).', referenceUnit: 1000, plateauUnit: 5000,
    setupPerOrder: 150,
    defaultWeightG: (facts) => ({ grams: bagWeightG[facts.data.bag_type ?? 'other'] ?? 400, why: `Typical weight of a ${facts.data.bag_type ?? 'bag'}.` }),
    tooling: (facts, s) => [
      { item: 'Pattern making', cost: 200, why: 'A production pattern (about USD 200 per style).' },
      ...(s.families.includes('leather') ? [{ item: 'Cutting dies', cost: 300, why: 'Leather panels are clicked with steel-rule dies.' }] : []),
      ...logoTooling(facts, inkColours(s)),
    ],
  },
  drinkware: {
    scrapFactor: 1.25, labourUsdPerMinute: 0.08, machineMinutes: 1.0, machineUsdPerMinute: 0.4, overheadPct: 0.25,
    labourMinutes: (facts) => {
      const vacuum = facts.data.insulation === 'double_wall_vacuum';
      return { minutes: vacuum ? 12 : 5, why: vacuum ? 'Welding, evacuation, polishing, heat-retention test and packing about 12 min (assumption).' : 'Forming finish, inspection and packing about 5 min (assumption).' };
    },
    learningRate: 0.93, learningWhy: 'Semi-automated forming with manual welding and finishing (93% per doubling).', referenceUnit: 1000, plateauUnit: 10_000,
    setupPerOrder: 400,
    defaultWeightG: (facts, s) => {
      const ml = facts.data.capacity_ml ?? 500;
      const perMl = s.families.includes('metal') || !s.materials.length ? (facts.data.insulation === 'single_wall' ? 0.35 : 0.65)
        : s.families.includes('glass') ? 0.7 : s.families.includes('ceramic') ? 0.8 : 0.25;
      return { grams: Math.round(ml * perMl), why: `${ml} ml at about ${perMl} g per ml for this construction.` };
    },
    tooling: (facts, s) => [
      ...(/custom (shape|body)/.test(s.text) ? [{ item: 'Deep-drawing dies', cost: 12_000, why: 'A custom body shape needs its own drawing dies.' }] : []),
      ...(/custom lid/.test(s.text) ? [{ item: 'Lid injection mould', cost: 5000, why: 'A custom lid needs its own mould.' }] : []),
      ...logoTooling(facts, inkColours(s)),
    ],
  },
  hard_good: {
    scrapFactor: 1.1, labourUsdPerMinute: 0.08, machineMinutes: 0.5, machineUsdPerMinute: 0.5, overheadPct: 0.25,
    labourMinutes: (_f, s) => ({ minutes: s.electronic ? 25 : 10, why: s.electronic ? 'Assembly, functional test and packing about 25 min (assumption).' : 'Finishing, inspection and packing about 10 min (assumption).' }),
    learningRate: 0.92, learningWhy: 'Mixed machine and manual assembly (92% per doubling).', referenceUnit: 1000, plateauUnit: 10_000,
    setupPerOrder: 300,
    defaultWeightG: (facts) => ({ grams: facts.data.weight_g ?? 250, why: facts.data.weight_g ? 'Weight from the DPG.' : 'No weight given: 250 g assumed.' }),
    tooling: (facts, s) => {
      const p = (facts.data.process ?? '').toLowerCase();
      const items: ToolingItem[] = [];
      if (/inject|mould|mold/.test(p) || (!p && s.families.includes('plastic'))) items.push({ item: 'Injection mould', cost: 6000, why: 'A simple production mould; complex multi-cavity steel tools run far higher (ksplastic.com: a few thousand to over USD 100,000).' });
      else if (/die[- ]?cast|casting/.test(p)) items.push({ item: 'Die-casting die', cost: 8000, why: 'A single-cavity die-casting die (assumption).' });
      else if (/stamp|sheet|press/.test(p)) items.push({ item: 'Stamping dies', cost: 3000, why: 'Progressive or single-stage stamping dies (assumption).' });
      else if (/cnc|machin|rout/.test(p)) items.push({ item: 'Fixtures and CAM programming', cost: 400, why: 'Workholding fixtures and CNC programs (assumption).' });
      if (s.electronic) items.push({ item: 'SMT stencil and test fixture', cost: 1500, why: 'A solder-paste stencil and an end-of-line test fixture for the PCBA (assumption).' });
      return [...items, ...logoTooling(facts, inkColours(s))];
    },
  },
};

/** Per-unit bought-in items priced separately from the material weight (assumptions). */
export function purchasedParts(facts: DpgFacts, s: SpecSignals): { item: string; cost: number }[] {
  const out: { item: string; cost: number }[] = [];
  const pack = `${facts.data.packaging?.type ?? ''} ${facts.data.packaging?.notes ?? ''}`.toLowerCase();
  out.push(/box|gift|retail|carton/.test(pack) ? { item: 'Retail box', cost: 0.35 } : { item: 'Poly bag and insert', cost: 0.05 });
  if (facts.category === 'apparel') out.push({ item: 'Woven main label and care label', cost: 0.06 });
  if (s.zipper && (facts.category === 'apparel' || facts.category === 'bag')) out.push({ item: 'Zip (#5 coil)', cost: 0.25 });
  if (s.electronic) out.push({ item: 'Electronics BOM placeholder (PCBA, battery, module)', cost: 6.0 });
  return out;
}
