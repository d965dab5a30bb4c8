import type { DpgData, DpgDataView } from '../product-api-types.ts';
import { formatMm, formatMoney, formatShare, formatUnits, humanize, trimNumber } from './product-format.ts';

export interface SpecRow {
  label: string;
  value: string;
  /** A colour swatch to show beside the value (#rrggbb). */
  swatch?: string;
}

export interface SpecSection {
  /** Stable key (the DPG data key, or "category" / "targets"). */
  key: string;
  title: string;
  rows: SpecRow[];
}

const coreKeys = new Set([
  'materials', 'dimensions', 'colors', 'quantities', 'quality_standards', 'packaging', 'labeling', 'target_markets',
  'target_delivery', 'target_unit_price', 'for_children', 'electronic', 'food_contact', 'logo',
]);

/** Units of the category fields whose names carry them (dpg-data.ts stores normalised units). */
const unitSuffixes: [suffix: string, unit: string][] = [['_mm', 'mm'], ['_ml', 'ml'], ['_l', 'L'], ['_gsm', 'g/m²'], ['_g', 'g']];

/**
 * A DPG's specification as readable sections, in the order a developer checks them: the seven core
 * specs, then targets and flags, then the category's own fields. Empty specs are left out.
 */
/** A DPG's data as stored, or as the API shows it (core keys null while unknown). */
export function genomeSpecSections(data: DpgData | DpgDataView): SpecSection[] {
  const sections: SpecSection[] = [];
  const add = (key: string, title: string, rows: SpecRow[]) => {
    if (rows.length > 0) sections.push({ key, title, rows });
  };

  add('materials', 'Materials', (data.materials ?? []).map((m) => ({
    label: m.name,
    value: join([m.family && humanize(m.family), m.share !== undefined && formatShare(m.share), m.notes]) || '—',
  })));
  add('dimensions', 'Dimensions', (data.dimensions ?? []).map((d) => ({ label: d.name, value: formatMm(d.mm, d.toleranceMm) })));
  add('colors', 'Colours', (data.colors ?? []).map((c) => ({
    label: c.name,
    value: join([c.hex?.toUpperCase(), c.pantone && `Pantone ${c.pantone}`]) || '—',
    ...(c.hex ? { swatch: c.hex } : {}),
  })));
  const q = data.quantities;
  add('quantities', 'Quantities', q ? [
    { label: 'Total', value: formatUnits(q.total) },
    ...(q.split ?? []).map((s) => ({ label: `Split: ${s.label}`, value: s.quantity === undefined ? '—' : formatUnits(s.quantity) })),
    ...(q.tiers?.length ? [{ label: 'Tiers to quote', value: q.tiers.map((t) => t.toLocaleString('en-US')).join(' · ') }] : []),
  ] : []);
  add('quality_standards', 'Quality standards', (data.quality_standards ?? []).map((s, i) => ({ label: `Standard ${i + 1}`, value: s })));
  add('packaging', 'Packaging', data.packaging ? [{ label: 'Type', value: data.packaging.type }, ...(data.packaging.notes ? [{ label: 'Notes', value: data.packaging.notes }] : [])] : []);
  add('labeling', 'Labeling', (data.labeling ?? []).map((l, i) => ({ label: `Label ${i + 1}`, value: l })));

  const targets: SpecRow[] = [];
  if (data.target_markets?.length) targets.push({ label: 'Markets', value: data.target_markets.join(', ') });
  if (data.target_delivery) targets.push({ label: 'Delivery by', value: data.target_delivery });
  if (data.target_unit_price) targets.push({ label: 'Target unit price', value: formatMoney(data.target_unit_price.amount, data.target_unit_price.currency) });
  if (data.logo) {
    const logo = join([data.logo.placement, data.logo.widthMm !== undefined && `${trimNumber(data.logo.widthMm)} mm wide`, data.logo.method]);
    if (logo) targets.push({ label: 'Logo', value: logo });
  }
  for (const [key, label] of [['for_children', 'For children under 12'], ['electronic', 'Electronic parts'], ['food_contact', 'Food contact']] as const) {
    if (data[key] !== undefined) targets.push({ label, value: data[key] ? 'Yes' : 'No' });
  }
  add('targets', 'Targets and regulation', targets);

  const category: SpecRow[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (coreKeys.has(key) || value === undefined || value === null) continue;
    category.push({ label: fieldLabel(key), value: fieldValue(key, value) });
  }
  add('category', 'Category details', category);
  return sections;
}

function fieldLabel(key: string): string {
  const unit = unitSuffixes.find(([suffix]) => key.endsWith(suffix));
  return humanize(unit ? key.slice(0, -unit[0].length) : key);
}

function fieldValue(key: string, value: unknown): string {
  const unit = unitSuffixes.find(([suffix]) => key.endsWith(suffix));
  if (typeof value === 'number') return unit ? `${trimNumber(value)} ${unit[1]}` : trimNumber(value);
  if (typeof value === 'string') return /^[a-z]+(_[a-z]+)*$/.test(value) ? humanize(value) : value;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v))).join(', ');
  return JSON.stringify(value);
}

function join(parts: (string | false | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' · ');
}
