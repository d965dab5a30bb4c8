import { FoundryError } from '../../../kernel/index.ts';
import { productCategories, type ProductCategory } from '../dpg-data.ts';
import { parseNumberCell, readCsvTable, splitListCell, type CsvRowError } from './csv-table.ts';
import { supplierInput, type SupplierInput } from './supplier-types.ts';

const code = 'SUPPLIERS_CSV_INVALID';
const required = ['name', 'country', 'categories', 'moq', 'lead_time_days', 'rating'] as const;
const aliases: Record<string, string> = {
  supplier: 'name', supplier_name: 'name', company: 'name',
  country_code: 'country', category: 'categories', processes: 'capabilities', capability: 'capabilities',
  certification: 'certifications', lead_time: 'lead_time_days', quality_rating: 'rating', email: 'contact_email',
};

/** "Phone accessories", "phone-accessory", "HARD GOODS" → the category key. */
export function categoryOf(text: string): ProductCategory | undefined {
  const key = text.toLowerCase().trim().replace(/[\s-]+/g, '_');
  const singular = key.replace(/ies$/, 'y').replace(/(?<!s)s$/, '');
  return productCategories.find((c) => c === key || c === singular);
}

const columnOf: Record<string, string> = { leadTimeDays: 'lead_time_days', contactEmail: 'contact_email' };

/**
 * The supplier directory from a CSV file: name, country (ISO alpha-2), categories (";"-separated
 * category keys or names), moq, lead_time_days and rating are required; city, capabilities,
 * certifications and contact_email are optional.
 */
export function parseSuppliersCsv(text: string): SupplierInput[] {
  const table = readCsvTable(text, code, 'suppliers');
  const columns = new Set(table.columns.map((c) => aliases[c] ?? c));
  const missingColumns = required.filter((c) => !columns.has(c));
  if (missingColumns.length > 0) {
    throw new FoundryError({
      code, status: 400, details: { missingColumns },
      message: `The suppliers CSV is missing the required column${missingColumns.length > 1 ? 's' : ''} ${missingColumns.join(', ')} (found: ${table.columns.join(', ')}).`,
    });
  }
  const errors: CsvRowError[] = [];
  const suppliers = table.records.map((record) => {
    const cells = new Map([...record.cells].map(([k, v]) => [aliases[k] ?? k, v] as const));
    const get = (c: string) => cells.get(c) ?? '';
    const before = errors.length;
    const problem = (field: string, message: string) => errors.push({ row: record.row, field, message });
    const number = (c: string) => {
      const value = parseNumberCell(get(c), table.delimiter === ';');
      if (value === undefined) problem(c, 'is empty');
      else if (Number.isNaN(value)) problem(c, `must be a number, got "${get(c)}"`);
      return value;
    };
    const categories = splitListCell(get('categories')).map((c) => ({ c, key: categoryOf(c) }));
    for (const { c, key } of categories) if (!key) problem('categories', `"${c}" is not a product category (use ${productCategories.join(', ')})`);
    const candidate = {
      name: get('name'),
      country: get('country'),
      ...(get('city') ? { city: get('city') } : {}),
      categories: categories.flatMap(({ key }) => (key ? [key] : [])),
      capabilities: splitListCell(get('capabilities')),
      certifications: splitListCell(get('certifications')),
      moq: number('moq'),
      leadTimeDays: number('lead_time_days'),
      rating: number('rating'),
      ...(get('contact_email') ? { contactEmail: get('contact_email') } : {}),
    };
    if (errors.length > before) return undefined;
    const parsed = supplierInput.safeParse(candidate);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      problem(columnOf[key] ?? key, `is invalid: ${issue.message}`);
    }
    return undefined;
  });
  if (errors.length > 0) {
    const first = errors[0]!;
    const more = errors.length > 1 ? ` (${errors.length - 1} more problem${errors.length > 2 ? 's' : ''} in the file)` : '';
    throw new FoundryError({ code, status: 400, message: `Suppliers CSV row ${first.row}: ${first.field} ${first.message}${more}.`, details: { rows: errors.slice(0, 100) } });
  }
  return suppliers.filter((s): s is SupplierInput => s !== undefined);
}
