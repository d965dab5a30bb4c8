import { parse } from 'csv-parse/sync';
import { FoundryError } from '../../../kernel/index.ts';

export interface CsvRowError {
  row: number;
  field: string;
  message: string;
}

export interface CsvRecord {
  /** The line of the file the record ends on (the header is line 1). */
  row: number;
  /** Cells by normalised column name. */
  cells: Map<string, string>;
}

export interface CsvTable {
  delimiter: string;
  columns: string[];
  records: CsvRecord[];
}

/** "Lead Time (days)" → "lead_time_days", "Price 1,000" → "price_1000". */
export function normalizeColumn(name: string): string {
  return name.normalize('NFKC').toLowerCase().trim()
    .replace(/(\d)[,.'\s_](?=\d{3}(\D|$))/g, '$1')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** The delimiter of the header line: the most frequent of , ; and tab outside quotes (comma on a tie). */
export function headerDelimiter(text: string): string {
  const header = (text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '').replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => ({ d, n: header.split(d).length - 1 }));
  return counts.reduce((best, c) => (c.n > best.n ? c : best)).d;
}

/**
 * A CSV file as records keyed by normalised column names. A BOM is ignored, blank lines are
 * skipped, the delimiter is taken from the header. `code` names the caller's error.
 */
export function readCsvTable(text: string, code: string, what: string): CsvTable {
  const fail = (message: string, details: Record<string, unknown>): never => {
    throw new FoundryError({ code, status: 400, message, details });
  };
  const body = text.replace(/^\ufeff/, '');
  if (body.trim() === '') fail(`The ${what} CSV is empty: it needs a header row and at least one row of data.`, {});
  const delimiter = headerDelimiter(body);
  let parsed: { record: string[]; info: { lines: number } }[] = [];
  try {
    // With `info`, csv-parse returns each record with its position; its typings describe plain records.
    parsed = parse(body, { delimiter, bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof parsed;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    const reason = error instanceof Error ? error.message.replace(/^Invalid [^:]*: /, '') : String(error);
    fail(`The ${what} CSV cannot be read${line ? ` at line ${line}` : ''}: ${reason}`, { rows: [{ row: line, field: '', message: reason }] });
  }
  const [head, ...rest] = parsed;
  if (!head) return fail(`The ${what} CSV is empty: it needs a header row and at least one row of data.`, {});
  const columns = head.record.map(normalizeColumn);
  const records = rest
    .filter(({ record }) => record.some((c) => c.trim() !== ''))
    .map(({ record, info }) => ({
      row: info.lines,
      cells: new Map(columns.map((c, i) => [c, (record[i] ?? '').trim()] as const).filter(([c]) => c !== '')),
    }));
  if (records.length === 0) fail(`The ${what} CSV has a header row but no data rows.`, {});
  return { delimiter, columns, records };
}

const currencyMarks = /^(?:[$€£¥₹]|US\$|[A-Z]{3}\s)|(?:\s?[A-Z]{3}|[$€£¥₹])$/;

/**
 * A number as people type it in a spreadsheet: "1,234.50", "$2.30", "2,30" (decimal comma),
 * "1 234,5"; in a ";"-delimited file "1.234,50" and "1.500" use the dot for thousands.
 * Returns undefined for an empty cell and NaN for text that is not a number.
 */
export function parseNumberCell(raw: string, semicolonFile = false): number | undefined {
  let s = raw.trim().replace(currencyMarks, '').trim().replace(/[\s\u00a0\u202f']/g, '');
  if (s === '') return undefined;
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replaceAll(',', '');
  else if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s) && (semicolonFile || s.includes(',') || s.split('.').length > 2)) s = s.replaceAll('.', '').replace(',', '.');
  else if (/^-?\d+,\d+$/.test(s)) s = s.replace(',', '.');
  return /^-?(\d+\.?\d*|\.\d+)$/.test(s) ? Number(s) : Number.NaN;
}

/** A list cell: ";" or "|" separated, or "," when neither is used. */
export function splitListCell(raw: string): string[] {
  const separator = /[;|]/.test(raw) ? /[;|]/ : /,/;
  return raw.split(separator).map((s) => s.trim()).filter(Boolean);
}
