import type { DpgData, DpgFacts } from '../dpg-data.ts';

/** Material families the analysis reasons about (the DPG's `family`, or inferred from the name). */
export type MaterialFamily =
  | 'plastic' | 'rubber' | 'metal' | 'textile' | 'leather' | 'wood' | 'glass' | 'ceramic' | 'paper' | 'composite' | 'other';

/** A material of the DPG with its family resolved and whether it is flexible or rigid. */
export interface ResolvedMaterial {
  name: string;
  family: MaterialFamily;
  inferredFamily: boolean;
  flexible: boolean | null;
  share?: number;
}

/** Facts about a DPG that several analyses need, each derived only from the spec. */
export interface SpecSignals {
  materials: ResolvedMaterial[];
  families: MaterialFamily[];
  text: string;
  quantity: number | null;
  colourCount: number;
  pantoneCount: number;
  deviceModelCount: number;
  tightestToleranceMm: number | null;
  forChildren: boolean;
  electronic: boolean;
  radio: boolean;
  mainsPowered: boolean;
  battery: boolean;
  foodContact: boolean;
  textile: boolean;
  toy: boolean;
  drawstringOrHood: boolean;
  metalHardware: boolean;
  coating: boolean;
  zipper: boolean;
  softTouch: boolean;
}

const familyKeywords: [MaterialFamily, RegExp][] = [
  ['leather', /\b(leather|suede|nubuck)\b/],
  ['rubber', /\b(rubber|silicone|neoprene|latex|epdm)\b/],
  ['plastic', /\b(tpu|tpe|pc|abs|pp|pe|pet|petg|pvc|pmma|acrylic|polycarbonate|polypropylene|polyethylene|tritan|nylon resin|polymer|plastic|resin)\b/],
  ['metal', /\b(stainless|steel|alumin(i)?um|brass|copper|zinc|titanium|metal|iron|18\/8|304|316)\b/],
  ['textile', /\b(cotton|polyester|nylon|fleece|wool|linen|canvas|denim|spandex|elastane|viscose|rayon|jersey|twill|poplin|fabric|cordura|modal|lyocell|hemp|silk)\b/],
  ['wood', /\b(wood|bamboo|oak|walnut|beech|maple|cork)\b/],
  ['glass', /\b(glass|borosilicate)\b/],
  ['ceramic', /\b(ceramic|porcelain|stoneware)\b/],
  ['paper', /\b(paper|cardboard|kraft|paperboard)\b/],
  ['composite', /\b(carbon fib(re|er)|fibreglass|fiberglass|composite)\b/],
];

const knownFamilies = new Set<string>(['plastic', 'rubber', 'metal', 'textile', 'leather', 'wood', 'glass', 'ceramic', 'paper', 'composite', 'other']);
const flexibleRe = /\b(tpu|tpe|silicone|rubber|soft|flexible|pu leather|leather|fabric|textile|neoprene|pvc film)\b/;
const rigidRe = /\b(pc|polycarbonate|abs|pmma|acrylic|hard|rigid|stainless|steel|alumin(i)?um|glass|ceramic|wood|bamboo|metal|carbon fib(re|er))\b/;

export function inferFamily(name: string): MaterialFamily {
  const lower = name.toLowerCase();
  // "Nylon" alone is a textile fibre; as a moulded polymer it is named "PA" or "nylon resin".
  for (const [family, re] of familyKeywords) if (re.test(lower)) return family;
  return 'other';
}

function resolveMaterial(m: NonNullable<DpgData['materials']>[number]): ResolvedMaterial {
  const given = m.family?.toLowerCase().trim();
  const family = given && knownFamilies.has(given) ? (given as MaterialFamily) : inferFamily(`${m.name} ${m.notes ?? ''}`);
  const lower = `${m.name} ${m.notes ?? ''}`.toLowerCase();
  const flexible = flexibleRe.test(lower) ? true : rigidRe.test(lower) ? false
    : family === 'textile' || family === 'rubber' || family === 'leather' ? true
      : family === 'metal' || family === 'glass' || family === 'ceramic' || family === 'wood' ? false : null;
  return { name: m.name, family, inferredFamily: !(given && knownFamilies.has(given)), flexible, ...(m.share === undefined ? {} : { share: m.share }) };
}

function specText(facts: DpgFacts): string {
  const d = facts.data;
  const parts = [
    facts.title, facts.summary,
    ...(d.materials ?? []).flatMap((m) => [m.name, m.notes ?? '']),
    d.packaging?.type ?? '', d.packaging?.notes ?? '', d.logo?.method ?? '', d.logo?.placement ?? '',
    d.finish ?? '', d.lid_type ?? '', d.process ?? '', d.straps ?? '', d.fit ?? '',
    ...(d.quality_standards ?? []), ...(d.labeling ?? []),
  ];
  return parts.join(' \n ').toLowerCase();
}

export function specSignals(facts: DpgFacts): SpecSignals {
  const d = facts.data;
  const materials = (d.materials ?? []).map(resolveMaterial);
  const families = [...new Set(materials.map((m) => m.family))];
  const text = specText(facts);
  const tolerances = (d.dimensions ?? []).map((x) => x.toleranceMm).filter((t): t is number => t !== undefined);
  const radio = /\b(bluetooth|wi-?fi|wireless|nfc|rfid|radio|zigbee|lte|gps|ble)\b/.test(text);
  // Radio words infer electronics only for hard goods: a case "for wireless charging" has no electronics itself.
  const electronic = d.electronic === true || (d.electronic === undefined && facts.category === 'hard_good' && radio);
  const textile = families.includes('textile') || facts.category === 'apparel';
  return {
    materials,
    families,
    text,
    quantity: d.quantities?.total ?? null,
    colourCount: d.colors?.length ?? 0,
    pantoneCount: (d.colors ?? []).filter((c) => c.pantone).length,
    deviceModelCount: d.device_models?.length ?? 0,
    tightestToleranceMm: tolerances.length ? Math.min(...tolerances) : null,
    forChildren: d.for_children === true,
    electronic,
    radio: electronic && radio,
    mainsPowered: electronic && /\b(mains|ac adapter|plug-in|power cord|corded|(100|110|120|220|230|240) ?v(ac)?\b)/.test(text),
    battery: electronic && /\b(batter(y|ies)|li-?ion|lithium|rechargeable|li-?po)\b/.test(text),
    foodContact: d.food_contact === true || (d.food_contact === undefined && facts.category === 'drinkware'),
    textile,
    toy: d.for_children === true && /\b(toy|plaything|play|game|plush|puzzle|doll)\b/.test(`${facts.title} ${facts.summary}`.toLowerCase()),
    drawstringOrHood: d.neckline === 'hood' || d.garment_type === 'hoodie' || d.closure === 'drawstring' || /\bdrawstring|drawcord\b/.test(text),
    metalHardware: families.includes('metal') && (facts.category === 'apparel' || facts.category === 'bag' || facts.category === 'phone_accessory'),
    coating: /\b(paint(ed)?|powder[- ]coat(ed|ing)?|lacquer|spray[- ]coat(ed|ing)?|coating|coated|enamel)\b/.test(text),
    zipper: d.closure === 'zip' || d.closure === 'full_zip' || d.closure === 'quarter_zip' || d.pockets === 'zip' || /\bzip(per)?s?\b/.test(text),
    softTouch: /\b(soft[- ]touch|rubberi[sz]ed|matte coating|velvet touch)\b/.test(text),
  };
}
