const numeric = /^[-+]?[\d\s.,]+%?$|^\d{4}-\d{2}-\d{2}/;

/** Cuts a cell to `max` characters, ending it with "…" when cut. */
export function capCell(text: string, max: number): string {
  const tidy = text.replace(/\s+/g, ' ').trim();
  return tidy.length > max ? `${tidy.slice(0, Math.max(0, max - 1))}…` : tidy;
}

/** A first row of distinct, non-numeric labels, followed by data, is a header row. */
function hasHeader(rows: string[][]): boolean {
  const first = rows[0]?.filter((c) => c !== '') ?? [];
  return rows.length > 1 && first.length > 0 && first.every((c) => !numeric.test(c)) && new Set(first).size === first.length;
}

/**
 * One line per row. With a header row every line names its columns ("Item: Widget | Price: 3.5"),
 * so a row read on its own still says what its values are; without one, cells are joined with " | ".
 * Empty cells are left out.
 */
export function tableLines(rows: string[][]): string[] {
  if (!hasHeader(rows)) return rows.map((r) => r.filter((c) => c !== '').join(' | ')).filter((l) => l !== '');
  const header = rows[0]!;
  return rows.slice(1)
    .map((row) => row.map((cell, i) => (cell === '' ? '' : `${header[i] || `Column ${i + 1}`}: ${cell}`)).filter((c) => c !== '').join(' | '))
    .filter((line) => line !== '');
}
