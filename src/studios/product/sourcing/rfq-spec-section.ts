import { categoryLabels, requiredSpecs, type DpgData, type DpgFacts } from '../dpg-data.ts';
import { formatCount, formatLongDate, formatMoney, formatPercent, humanize, joinWords, marketName } from './display-format.ts';
import type { RfqBlock } from './rfq-types.ts';

type Spec = Required<DpgData>;
/** What one DPG field contributes: a line in the specification sheet and/or blocks of its own. */
interface FieldOutput {
  field?: [string, string];
  blocks?: RfqBlock[];
}
type FieldRenderers = { [K in keyof Spec]: (value: NonNullable<Spec[K]>) => FieldOutput };

const mm = (value: number) => `${formatCount(value)} mm`;
const yesNo = (value: boolean, yes: string) => (value ? `Yes: ${yes}` : 'No');
const list = (values: readonly string[]) => values.join(', ');
const line = (label: string, value: string): FieldOutput => ({ field: [label, value] });

const caseStyles: Record<string, string> = {
  slim: 'Slim (thin single-layer shell)', bumper: 'Bumper (frame around the edges, open back)',
  rugged: 'Rugged (multi-layer, drop-protective)', folio: 'Folio (wallet cover with front flap)', clear: 'Clear (transparent shell)',
};
const cameraCutouts: Record<string, string> = {
  full: 'Full opening around the camera module', lens_ring: 'Individual lens rings', covered: 'Covered with a sliding or fixed camera shield',
};
const insulation: Record<string, string> = {
  single_wall: 'Single wall (no insulation)', double_wall: 'Double wall (air gap)', double_wall_vacuum: 'Double wall, vacuum insulated',
};

/**
 * One renderer per DPG field, so that a field added to the DPG contract does not type-check until the
 * RFQ says how to print it: the RFQ lists every field of the approved specification.
 */
const renderers: FieldRenderers = {
  materials: (materials) => ({
    blocks: [{
      kind: 'table', header: ['Material', 'Family', 'Share by weight', 'Notes'],
      rows: materials.map((m) => [m.name, m.family ? humanize(m.family) : '-', m.share === undefined ? '-' : formatPercent(m.share), m.notes ?? '-']),
    }],
  }),
  dimensions: (dimensions) => ({
    blocks: [{
      kind: 'table', header: ['Dimension', 'Nominal', 'Tolerance'],
      rows: dimensions.map((d) => [d.name, mm(d.mm), d.toleranceMm === undefined ? 'See general tolerances (section 3)' : `± ${mm(d.toleranceMm)}`]),
    }],
  }),
  colors: (colors) => ({
    blocks: [{
      kind: 'table', header: ['Colour', 'Hex reference', 'Pantone'],
      rows: colors.map((c) => [c.name, c.hex?.toUpperCase() ?? '-', c.pantone ?? '-']),
    }],
  }),
  quantities: (q) => ({
    field: ['First order quantity', `${formatCount(q.total)} units`],
    blocks: q.split && q.split.length > 0
      ? [{ kind: 'table', header: ['Variant', 'Quantity'], rows: q.split.map((s) => [s.label, s.quantity === undefined ? 'To be confirmed' : `${formatCount(s.quantity)} units`]) }]
      : [],
  }),
  quality_standards: (standards) => line('Quality standards', list(standards)),
  packaging: (p) => line('Packaging', p.notes ? `${p.type}. ${p.notes}` : p.type),
  labeling: (labels) => line('Labelling and marking', labels.join('; ')),
  target_markets: (markets) => line('Destination markets', list(markets.map(marketName))),
  target_delivery: (date) => line('Target delivery date', formatLongDate(date)),
  target_unit_price: (p) => line('Target unit price', `${formatMoney(p.amount, p.currency)} per unit (indicative)`),
  for_children: (v) => line('Intended for children under 12', yesNo(v, 'children\'s product safety rules apply (e.g. CPSIA, EN 71)')),
  electronic: (v) => line('Electrical or electronic parts', yesNo(v, 'RoHS, WEEE and EMC rules apply')),
  food_contact: (v) => line('Food or drink contact', yesNo(v, 'food-contact material rules apply (FDA 21 CFR, EU 1935/2004, LFGB)')),
  logo: (logo) => line('Logo / branding', [
    logo.method ? `${logo.method}` : 'Method to be proposed',
    logo.placement ? `placed ${logo.placement}` : undefined,
    logo.widthMm === undefined ? undefined : `${mm(logo.widthMm)} wide`,
  ].filter(Boolean).join(', ')),
  device_models: (models) => line('Compatible device models', list(models)),
  case_style: (style) => line('Case style', caseStyles[style] ?? humanize(style)),
  bezel_height_mm: (h) => line('Bezel (lip) height above the screen', mm(h)),
  camera_cutout: (c) => line('Camera cut-out', cameraCutouts[c] ?? humanize(c)),
  button_style: (b) => line('Buttons', b === 'covered' ? 'Covered (moulded button covers)' : 'Open cut-outs'),
  garment_type: (g) => line('Garment type', humanize(g.replace('t_shirt', 'T-shirt'))),
  sizes: (sizes) => line('Size range', list(sizes)),
  fit: (fit) => line('Fit', humanize(fit)),
  neckline: (n) => line('Neckline', humanize(n)),
  sleeves: (s) => line('Sleeves', humanize(s)),
  pockets: (p) => line('Pockets', humanize(p)),
  closure: (c) => line('Closure', humanize(c)),
  fabric_weight_gsm: (g) => line('Fabric weight', `${formatCount(g)} g/m² (gsm)`),
  bag_type: (b) => line('Bag type', humanize(b)),
  capacity_l: (l) => line('Capacity', `${formatCount(l)} L`),
  straps: (s) => line('Straps / handles', s),
  vessel_type: (v) => line('Vessel type', humanize(v)),
  capacity_ml: (ml) => line('Capacity', `${formatCount(ml)} ml (${formatCount(Number((ml / 29.5735).toFixed(1)))} US fl oz)`),
  insulation: (i) => line('Insulation', insulation[i] ?? humanize(i)),
  lid_type: (l) => line('Lid', humanize(l)),
  finish: (f) => line('Finish', humanize(f)),
  process: (p) => line('Manufacturing process', humanize(p)),
  weight_g: (g) => line('Weight', `${formatCount(g)} g`),
};

const tableTitles: Partial<Record<keyof Spec, string>> = {
  materials: 'Materials and composition:',
  dimensions: 'Dimensions (millimetres):',
  colors: 'Colours:',
  quantities: 'Quantity split:',
};

/** Section 2: the whole approved specification in words and units. */
export function specificationBlocks(facts: DpgFacts, dpgVersion: number): RfqBlock[] {
  const data = facts.data as Spec;
  const fields: [string, string][] = [
    ['Product', facts.title],
    ['Category', categoryLabels[facts.category]],
    ['Specification reference', `Digital Product Genome, version ${dpgVersion} (approved)`],
  ];
  const tables: RfqBlock[] = [];
  for (const key of Object.keys(renderers) as (keyof Spec)[]) {
    const value = data[key];
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) continue;
    const render = renderers[key] as (v: unknown) => FieldOutput;
    const out = render(value);
    if (out.field) fields.push(out.field);
    if (out.blocks && out.blocks.length > 0) tables.push({ kind: 'paragraph', text: tableTitles[key] ?? `${humanize(key)}:` }, ...out.blocks);
  }
  const blocks: RfqBlock[] = [
    {
      kind: 'paragraph',
      text: 'The product is defined by the approved specification below. Lengths are in millimetres, weights in grams and capacities in millilitres or litres unless stated otherwise. Quotations must be based on this specification; any deviation must be listed explicitly in the quotation.',
    },
  ];
  if (facts.summary.trim()) blocks.push({ kind: 'paragraph', text: `Description: ${facts.summary.trim()}` });
  blocks.push({ kind: 'fields', fields }, ...tables);
  const missing = requiredSpecs.filter((spec) => {
    const v = data[spec.key];
    return v === undefined || (Array.isArray(v) && v.length === 0);
  });
  if (missing.length > 0) {
    blocks.push({
      kind: 'paragraph',
      text: `Not fixed in the specification: ${joinWords(missing.map((s) => s.name.toLowerCase()))}. Suppliers are invited to propose suitable options and to state them in the quotation.`,
    });
  }
  return blocks;
}
