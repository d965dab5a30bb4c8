import type { Entities } from '../models/index.ts';

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** Readable lines for what was understood from a message, one per kind found. */
export function describeEntities(entities: Entities): string[] {
  const lines: string[] = [];
  const add = (label: string, items: string[]) => { if (items.length > 0) lines.push(`${label}: ${[...new Set(items)].join(', ')}`); };
  add('Quantity', entities.quantities.map((q) => `${number.format(q.value)}${q.unit ? ` ${q.unit}` : ''}`));
  add('Dimensions', entities.dimensions.map((d) => `${d.values.map((v) => number.format(v)).join(' × ')} ${d.unit}`));
  add('Weight', entities.weights.map((w) => `${number.format(w.value)} ${w.unit}`));
  add('Colour', entities.colors.map((c) => c.pantone ?? c.name ?? c.hex ?? c.text));
  add('Material', entities.materials.map((m) => m.name));
  add('Date', entities.dates.map((d) => `${d.deadline ? 'by ' : ''}${d.date}`));
  add('Price', entities.money.map((m) => `${number.format(m.amount)} ${m.currency}`));
  add('Market', entities.markets.map((m) => m.name));
  add('Device', entities.devices.map((d) => `${d.brand} ${d.model}`));
  return lines;
}
