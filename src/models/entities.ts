/** What the extractors find in a sentence; every mention keeps the text it was read from. */
export interface Mention {
  /** The words as written, for highlighting and explanations. */
  text: string;
}

/** "10,000 units", "5k pcs", "a dozen". */
export interface Quantity extends Mention {
  value: number;
  /** The counted noun when one is given ("units", "cases", "pieces"). */
  unit?: string;
}

export type LengthUnit = 'mm' | 'cm' | 'm' | 'in' | 'ft';

/** "150 x 75 x 9 mm", "6.1 in", "2 by 3 ft"; `mm` holds the same values in millimetres. */
export interface Dimension extends Mention {
  values: number[];
  unit: LengthUnit;
  mm: number[];
}

export type WeightUnit = 'mg' | 'g' | 'kg' | 'oz' | 'lb';

export interface Weight extends Mention {
  value: number;
  unit: WeightUnit;
  grams: number;
}

/** A named colour, a hex code or a Pantone code; `hex` is filled in for known names. */
export interface Color extends Mention {
  name?: string;
  hex?: string;
  pantone?: string;
}

/** A material from the lexicon ("TPU", "organic cotton", "304 stainless steel"). */
export interface Material extends Mention {
  name: string;
  /** plastic, metal, textile, leather, wood, glass, ceramic, paper, composite, rubber, other */
  family: string;
}

/** A date or deadline resolved against the reference date; `deadline` when phrased as one ("by", "no later than"). */
export interface DateMention extends Mention {
  /** YYYY-MM-DD */
  date: string;
  deadline: boolean;
}

export interface Money extends Mention {
  amount: number;
  /** ISO 4217 code. */
  currency: string;
}

/** A target market: a country (ISO 3166-1 alpha-2) or a region (EU, NA, APAC, LATAM, MENA, GLOBAL). */
export interface Market extends Mention {
  code: string;
  name: string;
}

/** A device a product is made for ("iPhone 15 Pro", "Galaxy S24 Ultra", "Pixel 8"). */
export interface DeviceModel extends Mention {
  brand: string;
  model: string;
}

export interface Entities {
  quantities: Quantity[];
  dimensions: Dimension[];
  weights: Weight[];
  colors: Color[];
  materials: Material[];
  dates: DateMention[];
  money: Money[];
  markets: Market[];
  devices: DeviceModel[];
}

export const entityKinds = ['quantities', 'dimensions', 'weights', 'colors', 'materials', 'dates', 'money', 'markets', 'devices'] as const;
