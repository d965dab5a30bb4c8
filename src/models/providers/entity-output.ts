import { z } from 'zod';
import { isRealDay } from '../builtin/calendar-day.ts';
import { colorHex } from '../builtin/color-table.ts';
import { millimetresPer } from '../builtin/extract-dimensions.ts';
import { gramsPer } from '../builtin/extract-weights.ts';
import { roundTo } from '../builtin/number-parse.ts';
import type { Color, Entities, LengthUnit, WeightUnit } from '../entities.ts';

const lengthUnits = ['mm', 'cm', 'm', 'in', 'ft'] as const satisfies readonly LengthUnit[];
const weightUnits = ['mg', 'g', 'kg', 'oz', 'lb'] as const satisfies readonly WeightUnit[];
const families = ['plastic', 'metal', 'textile', 'leather', 'wood', 'glass', 'ceramic', 'paper', 'composite', 'rubber', 'other'] as const;
const regions = new Set(['EU', 'NA', 'APAC', 'LATAM', 'MENA', 'GLOBAL']);


const text = z.string().describe('The words exactly as written in the text.');

/**
 * What a provider is asked for: Entities without the derived fields (millimetres, grams), every
 * field required and absent values as null, as OpenAI's strict structured outputs demand.
 */
export const entityOutputSchema = z.object({
  quantities: z.array(z.object({ text, value: z.number(), unit: z.string().nullable().describe('The counted noun: units, cases, pieces.') })),
  dimensions: z.array(z.object({ text, values: z.array(z.number()), unit: z.enum(lengthUnits) })),
  weights: z.array(z.object({ text, value: z.number(), unit: z.enum(weightUnits) })),
  colors: z.array(z.object({
    text, name: z.string().nullable(), hex: z.string().nullable().describe('#rrggbb when known.'), pantone: z.string().nullable().describe('A Pantone code as written.'),
  })),
  materials: z.array(z.object({ text, name: z.string(), family: z.enum(families) })),
  dates: z.array(z.object({ text, date: z.string().describe('YYYY-MM-DD, resolved against today.'), deadline: z.boolean().describe('Phrased as a deadline: by, before, no later than.') })),
  money: z.array(z.object({ text, amount: z.number(), currency: z.string().describe('ISO 4217 code.') })),
  markets: z.array(z.object({ text, code: z.string().describe('ISO 3166-1 alpha-2, or EU, NA, APAC, LATAM, MENA, GLOBAL.'), name: z.string() })),
  devices: z.array(z.object({ text, brand: z.string(), model: z.string() })),
});
export type EntityOutput = z.infer<typeof entityOutputSchema>;

const squash = (value: string) => value.toLowerCase().replace(/\s+/g, ' ').trim();
const positive = (value: number) => Number.isFinite(value) && value > 0;

function validDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match !== null && isRealDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

function hexOf(value: string | null): string | undefined {
  if (value === null) return undefined;
  const match = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(value.trim());
  if (!match) return undefined;
  const digits = match[1]!.length === 3 ? [...match[1]!].map((c) => c + c).join('') : match[1]!;
  return `#${digits.toLowerCase()}`;
}

/**
 * Entities from a provider's output: mentions whose words do not occur in the source text are
 * dropped (the model made them up), as are values that are not what they claim to be (a date
 * that is not a calendar date, a currency that is not a three-letter code); millimetres, grams
 * and the hex of a known colour name come from the built-in engine's tables, not from the model.
 */
export function normaliseEntities(output: EntityOutput, source: string): Entities {
  const haystack = squash(source);
  const seen = <T extends { text: string }>(items: T[]) => items.filter((item) => item.text.trim() !== '' && haystack.includes(squash(item.text)));
  const optional = <K extends string>(key: K, value: string | null | undefined) => (value ? { [key]: value.trim() } as Record<K, string> : {});
  return {
    quantities: seen(output.quantities).filter((q) => positive(q.value)).map((q) => ({ text: q.text, value: q.value, ...optional('unit', q.unit) })),
    dimensions: seen(output.dimensions).filter((d) => d.values.length > 0 && d.values.every(positive))
      .map((d) => ({ text: d.text, values: d.values, unit: d.unit, mm: d.values.map((v) => roundTo(v * millimetresPer[d.unit], 3)) })),
    weights: seen(output.weights).filter((w) => positive(w.value)).map((w) => ({ text: w.text, value: w.value, unit: w.unit, grams: roundTo(w.value * gramsPer[w.unit], 3) })),
    colors: seen(output.colors).map((c): Color => {
      const name = c.name?.trim().toLowerCase();
      return { text: c.text, ...optional('name', name), ...optional('hex', hexOf(c.hex) ?? (name ? colorHex.get(name) : undefined)), ...optional('pantone', c.pantone) };
    })
      .filter((c) => c.name !== undefined || c.hex !== undefined || c.pantone !== undefined),
    materials: seen(output.materials).filter((m) => m.name.trim() !== '').map((m) => ({ text: m.text, name: m.name.trim(), family: m.family })),
    dates: seen(output.dates).filter((d) => validDate(d.date)).map((d) => ({ text: d.text, date: d.date, deadline: d.deadline })),
    money: seen(output.money).map((m) => ({ ...m, currency: m.currency.trim().toUpperCase() }))
      .filter((m) => Number.isFinite(m.amount) && m.amount >= 0 && /^[A-Z]{3}$/.test(m.currency)),
    markets: seen(output.markets).map((m) => ({ text: m.text, code: m.code.trim().toUpperCase(), name: m.name.trim() }))
      .filter((m) => /^[A-Z]{2}$/.test(m.code) || regions.has(m.code)),
    devices: seen(output.devices).filter((d) => d.brand.trim() !== '' && d.model.trim() !== '').map((d) => ({ text: d.text, brand: d.brand.trim(), model: d.model.trim() })),
  };
}
