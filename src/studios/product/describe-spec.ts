import type { DpgData } from './dpg-data.ts';
import type { DpgRow } from './dpg-store.ts';

const labels: Record<string, string> = {
  device_models: 'Devices', case_style: 'Case style', bezel_height_mm: 'Bezel height', camera_cutout: 'Camera cutout', garment_type: 'Garment',
  sizes: 'Sizes', fit: 'Fit', neckline: 'Neckline', sleeves: 'Sleeves', pockets: 'Pockets', closure: 'Closure', fabric_weight_gsm: 'Fabric weight',
  bag_type: 'Bag type', capacity_l: 'Capacity', straps: 'Straps', vessel_type: 'Vessel', capacity_ml: 'Capacity', insulation: 'Insulation',
  lid_type: 'Lid', finish: 'Finish', target_markets: 'Markets', target_delivery: 'Delivery by', for_children: 'For children', food_contact: 'Food contact',
};
const units: Record<string, string> = { bezel_height_mm: ' mm', fabric_weight_gsm: ' gsm', capacity_l: ' L', capacity_ml: ' ml' };

/** The spec as a readable list, one line per field, units included. */
export function describeSpec(dpg: DpgRow): string {
  const d = dpg.data as DpgData;
  const lines: string[] = [];
  if (d.materials?.length) lines.push(`- Materials: ${d.materials.map((m) => `${m.share ? `${Math.round(m.share * 100)}% ` : ''}${m.name}`).join(', ')}`);
  if (d.dimensions?.length) lines.push(`- Dimensions: ${d.dimensions.map((x) => `${x.name} ${x.mm} mm`).join(', ')}`);
  if (d.quantities) lines.push(`- Quantity: ${d.quantities.total.toLocaleString('en-US')} units${d.quantities.split?.length ? ` (${d.quantities.split.map((s) => s.quantity ? `${s.label}: ${s.quantity.toLocaleString('en-US')}` : s.label).join(', ')})` : ''}`);
  if (d.colors?.length) lines.push(`- Colours: ${d.colors.map((c) => [c.name, c.pantone ? `Pantone ${c.pantone}` : '', c.hex ?? ''].filter(Boolean).join(' ')).join(', ')}`);
  if (d.quality_standards?.length) lines.push(`- Quality standards: ${d.quality_standards.join('; ')}`);
  if (d.packaging) lines.push(`- Packaging: ${d.packaging.type}`);
  if (d.labeling?.length) lines.push(`- Labeling: ${d.labeling.join('; ')}`);
  if (d.logo) lines.push(`- Logo: ${[d.logo.placement, d.logo.widthMm ? `${d.logo.widthMm} mm wide` : '', d.logo.method].filter(Boolean).join(', ')}`);
  for (const [key, label] of Object.entries(labels)) {
    const value = (d as Record<string, unknown>)[key];
    if (value === undefined) continue;
    lines.push(`- ${label}: ${Array.isArray(value) ? value.join(', ') : typeof value === 'boolean' ? (value ? 'yes' : 'no') : `${String(value).replaceAll('_', ' ')}${units[key] ?? ''}`}`);
  }
  return lines.join('\n');
}
