/** What was wrong with an imported quotes CSV, from a QUOTES_CSV_INVALID error's details. */
export interface CsvProblems {
  missingColumns: string[];
  rows: { row: number | null; column: string | null; message: string }[];
  other: string[];
}

/**
 * Reads the details of a QUOTES_CSV_INVALID error into missing columns and row errors. The server
 * names them in its own words, so this accepts the usual spellings (missingColumns / missing,
 * rows / errors / issues with row or line, column or field or path, message or errors).
 */
export function describeCsvProblems(details: unknown): CsvProblems {
  const problems: CsvProblems = { missingColumns: [], rows: [], other: [] };
  if (Array.isArray(details)) {
    for (const item of details) addRow(problems, item);
    return problems;
  }
  if (typeof details === 'string') {
    problems.other.push(details);
    return problems;
  }
  if (!details || typeof details !== 'object') return problems;
  for (const [key, value] of Object.entries(details)) {
    if (/missing/i.test(key)) {
      const columns = Array.isArray(value) ? value : [value];
      problems.missingColumns.push(...columns.filter((c): c is string => typeof c === 'string'));
    } else if (/row|error|issue|problem|line/i.test(key) && Array.isArray(value)) {
      for (const item of value) addRow(problems, item);
    } else if (/message|reason/i.test(key) && typeof value === 'string') {
      problems.other.push(value);
    }
  }
  return problems;
}

function addRow(problems: CsvProblems, item: unknown): void {
  if (typeof item === 'string') {
    problems.rows.push({ row: null, column: null, message: item });
    return;
  }
  if (!item || typeof item !== 'object') return;
  const record = item as Record<string, unknown>;
  const found = firstNumber(record.row, record.line, record.rowNumber, record.index);
  // Row 0 is how a parser says it could not tell where.
  const row = found !== null && found > 0 ? found : null;
  const column = firstString(record.column, record.field, Array.isArray(record.path) ? record.path.join('.') : record.path);
  const messages = Array.isArray(record.errors) ? record.errors.map((e) => (typeof e === 'string' ? e : firstString((e as Record<string, unknown>)?.message))).filter(Boolean) : [];
  const message = firstString(record.message, record.error, record.reason) ?? (messages.length > 0 ? messages.join('; ') : null);
  if (message) problems.rows.push({ row, column, message });
}

function firstNumber(...values: unknown[]): number | null {
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) return v;
  return null;
}

function firstString(...values: unknown[]): string | null {
  for (const v of values) if (typeof v === 'string' && v !== '') return v;
  return null;
}
