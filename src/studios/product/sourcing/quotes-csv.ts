import { FoundryError } from '../../../kernel/index.ts';
import { isIsoDate } from './calendar-dates.ts';
import { parseNumberCell, readCsvTable, splitListCell, type CsvRecord, type CsvRowError } from './csv-table.ts';
import { quoteInput, type QuoteInput } from './quote-types.ts';

const code = 'QUOTES_CSV_INVALID';
const required = ['supplier', 'lead_time_days', 'moq'] as const;

/** Other spellings of the columns, after normalisation. */
const aliases: Record<string, string> = {
  supplier_name: 'supplier', vendor: 'supplier', manufacturer: 'supplier',
  lead_time: 'lead_time_days', leadtime_days: 'lead_time_days', lead_days: 'lead_time_days',
  min_order_quantity: 'moq', minimum_order_quantity: 'moq',
  tooling_cost: 'tooling', tooling_usd: 'tooling',
  certification: 'certifications', certs: 'certifications',
  payment: 'payment_terms', terms: 'payment_terms',
  valid_to: 'valid_until', validity: 'valid_until', expires: 'valid_until',
  rating: 'quality_rating', quality: 'quality_rating',
  note: 'notes', comments: 'notes',
};

/** "price_1000", "price_1000_units", "unit_price_1000" → 1000. */
function priceQuantity(column: string): number | undefined {
  const m = /^(?:unit_)?price_(\d+)(?:_(?:units?|pcs|pieces))?$/.exec(column);
  return m ? Number(m[1]) : undefined;
}

/** zod's field names back to the CSV's column names, for the error report. */
const columnOf: Record<string, string> = {
  supplierName: 'supplier', tiers: 'price', currency: 'currency', toolingCost: 'tooling', leadTimeDays: 'lead_time_days', moq: 'moq',
  certifications: 'certifications', paymentTerms: 'payment_terms', validUntil: 'valid_until', qualityRating: 'quality_rating',
  location: 'location', notes: 'notes',
};

function quoteOf(record: CsvRecord, priceColumns: { column: string; quantity: number }[], semicolonFile: boolean, errors: CsvRowError[]): QuoteInput | undefined {
  const before = errors.length;
  const get = (column: string) => record.cells.get(column) ?? '';
  const problem = (field: string, message: string) => errors.push({ row: record.row, field, message });
  const number = (column: string, kind: 'whole' | 'decimal', optional: boolean): number | undefined => {
    const raw = get(column);
    const value = parseNumberCell(raw, semicolonFile);
    if (value === undefined) {
      if (!optional) problem(column, 'is empty');
      return undefined;
    }
    if (Number.isNaN(value) || (kind === 'whole' && !Number.isInteger(value))) problem(column, `must be ${kind === 'whole' ? 'a whole number' : 'a number'}, got "${raw}"`);
    return value;
  };

  const supplierName = get('supplier');
  if (!supplierName) problem('supplier', 'is empty');
  const tiers: { quantity: number; unitPrice: number }[] = [];
  for (const { column, quantity } of priceColumns) {
    const price = number(column, 'decimal', true);
    if (price === undefined || Number.isNaN(price)) continue;
    if (price <= 0) problem(column, `must be a positive price, got "${get(column)}"`);
    else tiers.push({ quantity, unitPrice: price });
  }
  if (tiers.length === 0 && errors.length === before) problem('price', `quotes no price: fill at least one of ${priceColumns.map((p) => p.column).join(', ')}`);
  const leadTimeDays = number('lead_time_days', 'whole', false);
  const moq = number('moq', 'whole', false);
  const toolingCost = number('tooling', 'decimal', true);
  const qualityRating = number('quality_rating', 'decimal', true);
  const validUntil = get('valid_until');
  if (validUntil && !isIsoDate(validUntil)) problem('valid_until', `must be a date as YYYY-MM-DD, got "${validUntil}"`);
  if (leadTimeDays !== undefined && (leadTimeDays < 1 || leadTimeDays > 730)) problem('lead_time_days', `must be between 1 and 730 days, got ${leadTimeDays}`);
  if (moq !== undefined && moq < 1) problem('moq', `must be at least 1, got ${moq}`);
  if (toolingCost !== undefined && toolingCost < 0) problem('tooling', `cannot be negative, got ${toolingCost}`);
  if (qualityRating !== undefined && (qualityRating < 0 || qualityRating > 5)) problem('quality_rating', `must be between 0 and 5, got ${qualityRating}`);
  const currency = get('currency');
  if (currency && !/^[A-Za-z]{3}$/.test(currency)) problem('currency', `must be a 3-letter ISO 4217 code such as USD, got "${currency}"`);
  if (errors.length > before) return undefined;

  const candidate = {
    supplierName,
    tiers,
    currency: (get('currency') || 'USD').toUpperCase(),
    toolingCost: toolingCost ?? 0,
    leadTimeDays,
    moq,
    certifications: splitListCell(get('certifications')),
    paymentTerms: get('payment_terms'),
    ...(validUntil ? { validUntil } : {}),
    ...(qualityRating === undefined ? {} : { qualityRating }),
    ...(get('location') ? { location: get('location') } : {}),
    notes: get('notes'),
  };
  const parsed = quoteInput.safeParse(candidate);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '');
    problem(columnOf[key] ?? key, `is invalid: ${issue.message}`);
  }
  return undefined;
}

function invalid(message: string, details: { missingColumns?: string[]; rows?: CsvRowError[] }): never {
  throw new FoundryError({ code, status: 400, message, details });
}

/**
 * Supplier quotes from a CSV file: one row per supplier with the columns supplier, lead_time_days,
 * moq and price_<quantity> for each tier (empty when the tier is not quoted), and optionally tooling,
 * currency, certifications (";"-separated), payment_terms, valid_until, quality_rating, location and
 * notes. Column names are matched case- and space-insensitively. Every row is checked; the error
 * lists all problems and its message names the first.
 */
export function parseQuotesCsv(text: string): QuoteInput[] {
  const table = readCsvTable(text, code, 'quotes');
  const semicolonFile = table.delimiter === ';';
  for (const record of table.records) {
    for (const [from, to] of Object.entries(aliases)) {
      const value = record.cells.get(from);
      if (value !== undefined && !record.cells.has(to)) record.cells.set(to, value);
    }
  }
  const columns = new Set(table.columns.map((c) => (aliases[c] && !table.columns.includes(aliases[c]) ? aliases[c] : c)));
  const priceColumns = [...columns].flatMap((column) => {
    const quantity = priceQuantity(column);
    return quantity && quantity > 0 ? [{ column, quantity }] : [];
  }).sort((a, b) => a.quantity - b.quantity);
  const missingColumns: string[] = required.filter((c) => !columns.has(c));
  if (priceColumns.length === 0) missingColumns.push('price_<quantity>');
  if (missingColumns.length > 0) {
    invalid(`The quotes CSV is missing the required column${missingColumns.length > 1 ? 's' : ''} ${missingColumns.join(', ')} (found: ${table.columns.join(', ') || 'none'}).`, { missingColumns });
  }
  const seen = new Map<number, string>();
  const duplicates = priceColumns.filter((p) => {
    const dup = seen.has(p.quantity);
    seen.set(p.quantity, p.column);
    return dup;
  });
  if (duplicates.length > 0) invalid(`The quotes CSV has two price columns for ${duplicates[0]!.quantity} units.`, { rows: [{ row: 1, field: duplicates[0]!.column, message: 'duplicate price column' }] });

  const errors: CsvRowError[] = [];
  const quotes = table.records.map((record) => quoteOf(record, priceColumns, semicolonFile, errors));
  if (errors.length > 0) {
    const first = errors[0]!;
    const more = errors.length > 1 ? ` (${errors.length - 1} more problem${errors.length > 2 ? 's' : ''} in the file)` : '';
    invalid(`Quotes CSV row ${first.row}: ${first.field} ${first.message}${more}.`, { rows: errors.slice(0, 100) });
  }
  return quotes.filter((q): q is QuoteInput => q !== undefined);
}
