import { z } from 'zod';

/**
 * The structured specification of a Digital Product Genome. Units are normalised when stored:
 * lengths in millimetres, weights in grams, capacities in millilitres, money with an ISO 4217 code.
 * Every category shares the seven core keys; each adds its own fields.
 */
export const productCategories = ['phone_accessory', 'apparel', 'bag', 'drinkware', 'hard_good'] as const;
export type ProductCategory = (typeof productCategories)[number];

export const categoryLabels: Record<ProductCategory, string> = {
  phone_accessory: 'Phone accessory',
  apparel: 'Apparel',
  bag: 'Bag',
  drinkware: 'Drinkware',
  hard_good: 'Hard good',
};

const text = z.string().trim().min(1).max(500);

export const materialSpec = z.object({
  name: text,
  /** plastic, metal, textile, leather, wood, glass, ceramic, paper, composite, rubber, other */
  family: z.string().max(40).optional(),
  /** Share of the product by weight, 0..1, when a blend is given. */
  share: z.number().min(0).max(1).optional(),
  notes: z.string().max(500).optional(),
});
export const dimensionSpec = z.object({ name: text, mm: z.number().positive().max(100_000), toleranceMm: z.number().nonnegative().optional() });
export const colorSpec = z.object({ name: text, hex: z.string().regex(/^#[0-9a-f]{6}$/i).optional(), pantone: z.string().max(40).optional() });
export const quantitySpec = z.object({
  /** Units in the first order. */
  total: z.number().int().positive().max(100_000_000),
  /** How the total splits (per device model, size, colour). */
  split: z.array(z.object({ label: text, quantity: z.number().int().positive().optional() })).max(50).optional(),
  /** Quantity tiers to quote; the RFQ defaults to 100, 500, 1,000, 5,000. */
  tiers: z.array(z.number().int().positive()).max(10).optional(),
});
export const packagingSpec = z.object({ type: text, notes: z.string().max(1000).optional() });

export const coreSpec = z.object({
  materials: z.array(materialSpec).max(20).optional(),
  dimensions: z.array(dimensionSpec).max(40).optional(),
  colors: z.array(colorSpec).max(20).optional(),
  quantities: quantitySpec.optional(),
  quality_standards: z.array(text).max(30).optional(),
  packaging: packagingSpec.optional(),
  labeling: z.array(text).max(30).optional(),
  /** ISO 3166-1 alpha-2 codes or regions (EU, NA, APAC, LATAM, MENA, GLOBAL). */
  target_markets: z.array(z.string().min(2).max(10)).max(30).optional(),
  /** YYYY-MM-DD */
  target_delivery: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  target_unit_price: z.object({ amount: z.number().positive(), currency: z.string().length(3) }).optional(),
  /** For children under 12 (CPSIA and toy rules apply). */
  for_children: z.boolean().optional(),
  /** Has electrical or electronic parts (RoHS, WEEE, CE EMC/LVD apply). */
  electronic: z.boolean().optional(),
  /** Touches food or drink (FDA 21 CFR, EU 1935/2004, LFGB apply). */
  food_contact: z.boolean().optional(),
  logo: z.object({
    placement: z.string().max(60).optional(),
    /** Width of the logo in mm. */
    widthMm: z.number().positive().max(2000).optional(),
    method: z.string().max(60).optional(),
  }).optional(),
});

export const phoneAccessorySpec = coreSpec.extend({
  /** "iPhone 14", "iPhone 15". */
  device_models: z.array(text).max(30).optional(),
  case_style: z.enum(['slim', 'bumper', 'rugged', 'folio', 'clear']).optional(),
  bezel_height_mm: z.number().positive().max(10).optional(),
  camera_cutout: z.enum(['full', 'lens_ring', 'covered']).optional(),
  button_style: z.enum(['covered', 'cutout']).optional(),
});

export const apparelSpec = coreSpec.extend({
  garment_type: z.enum(['t_shirt', 'hoodie', 'sweatshirt', 'jacket', 'polo', 'dress', 'pants', 'other']).optional(),
  sizes: z.array(z.string().max(10)).max(20).optional(),
  fit: z.string().max(60).optional(),
  neckline: z.enum(['crew', 'v_neck', 'hood', 'pointed_collar', 'round_collar', 'mock']).optional(),
  sleeves: z.enum(['short', 'long', 'sleeveless', 'raglan']).optional(),
  pockets: z.enum(['none', 'kangaroo', 'patch', 'side_seam', 'zip']).optional(),
  closure: z.enum(['none', 'full_zip', 'quarter_zip', 'buttons', 'snaps']).optional(),
  fabric_weight_gsm: z.number().positive().max(2000).optional(),
});

export const bagSpec = coreSpec.extend({
  bag_type: z.enum(['tote', 'backpack', 'duffel', 'messenger', 'pouch', 'other']).optional(),
  capacity_l: z.number().positive().max(500).optional(),
  straps: z.string().max(100).optional(),
  closure: z.enum(['open', 'zip', 'magnetic', 'drawstring', 'flap', 'buckle']).optional(),
});

export const drinkwareSpec = coreSpec.extend({
  vessel_type: z.enum(['bottle', 'tumbler', 'mug', 'cup']).optional(),
  capacity_ml: z.number().positive().max(10_000).optional(),
  insulation: z.enum(['single_wall', 'double_wall_vacuum', 'double_wall']).optional(),
  lid_type: z.string().max(60).optional(),
  finish: z.string().max(60).optional(),
});

export const hardGoodSpec = coreSpec.extend({
  process: z.string().max(100).optional(),
  weight_g: z.number().positive().max(10_000_000).optional(),
});

export const categorySpecs = {
  phone_accessory: phoneAccessorySpec,
  apparel: apparelSpec,
  bag: bagSpec,
  drinkware: drinkwareSpec,
  hard_good: hardGoodSpec,
} as const satisfies Record<ProductCategory, z.ZodType>;

export type CoreSpec = z.infer<typeof coreSpec>;
export type PhoneAccessorySpec = z.infer<typeof phoneAccessorySpec>;
export type ApparelSpec = z.infer<typeof apparelSpec>;
export type BagSpec = z.infer<typeof bagSpec>;
export type DrinkwareSpec = z.infer<typeof drinkwareSpec>;
export type HardGoodSpec = z.infer<typeof hardGoodSpec>;
/** The union of every category's fields; a DPG's data holds those of its category. */
export type DpgData = CoreSpec & Partial<PhoneAccessorySpec & Omit<ApparelSpec, 'closure'> & Omit<BagSpec, 'closure'> & DrinkwareSpec & HardGoodSpec>
  & { closure?: ApparelSpec['closure'] | BagSpec['closure'] };

/** The core keys every DPG needs before review, most critical first (the seed's priorities). */
export const requiredSpecs = [
  { key: 'materials', name: 'Materials & composition', priority: 1 },
  { key: 'dimensions', name: 'Dimensions & measurements', priority: 1 },
  { key: 'quantities', name: 'Production quantities', priority: 1 },
  { key: 'colors', name: 'Colour specifications', priority: 2 },
  { key: 'quality_standards', name: 'Quality standards', priority: 2 },
  { key: 'packaging', name: 'Packaging requirements', priority: 3 },
  { key: 'labeling', name: 'Labeling & branding', priority: 3 },
] as const;
export type RequiredSpecKey = (typeof requiredSpecs)[number]['key'];

/** What the analysis, visuals and sourcing modules read of a DPG. */
export interface DpgFacts {
  title: string;
  category: ProductCategory;
  summary: string;
  data: DpgData;
}
