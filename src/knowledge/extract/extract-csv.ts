import { basename } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { ExtractedDocument } from '../extracted-document.ts';
import { decodeText, looksBinary } from './decode-text.ts';
import { BlockSink, corrupt, tooLarge, type ExtractionContext } from './extraction-context.ts';
import { capCell, tableLines } from './table-lines.ts';

const candidates = [',', ';', '\t', '|'] as const;

/**
 * The delimiter that splits the first lines most consistently: the same non-zero count on every line
 * wins over a varying one, more columns over fewer; ties go to the order above. Quoted fields are
 * ignored while counting.
 */
export function sniffDelimiter(text: string): string {
  const lines = text.split(/\r\n?|\n/).filter((l) => l.trim() !== '').slice(0, 20).map((l) => l.replace(/"[^"]*"/g, '""'));
  let best: { delimiter: string; consistent: boolean; columns: number } = { delimiter: ',', consistent: false, columns: 0 };
  for (const delimiter of candidates) {
    const counts = lines.map((l) => l.split(delimiter).length - 1);
    const columns = Math.min(...counts);
    if (columns === 0 || counts.length === 0) continue;
    const consistent = counts.every((c) => c === counts[0]);
    if ((consistent && !best.consistent) || (consistent === best.consistent && columns > best.columns)) best = { delimiter, consistent, columns };
  }
  return best.delimiter;
}

/** CSV and TSV through csv-parse: delimiter sniffed (, ; tab |), BOM and encoding handled, the file name as the sheet. */
export async function extractCsv(ctx: ExtractionContext): Promise<ExtractedDocument> {
  if (looksBinary(ctx.bytes)) throw corrupt(ctx, 'CSV', 'it holds binary data');
  const { text, encoding } = decodeText(ctx.bytes);
  const delimiter = sniffDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, to: ctx.limits.maxRows + 2 });
  } catch (error) {
    throw corrupt(ctx, 'CSV', error);
  }
  const rows = records.map((r) => r.map((c) => capCell(c, ctx.limits.maxCellChars))).filter((r) => r.some((c) => c !== ''));
  if (rows.length > ctx.limits.maxRows) throw tooLarge(ctx, 'maxRows', ctx.limits.maxRows, 'rows');
  const sheet = basename(ctx.filename);
  const sink = new BlockSink(ctx);
  sink.add({ kind: 'table', text: tableLines(rows).join('\n'), sheet });
  return { blocks: sink.blocks, metadata: { sheets: [sheet], parser: 'csv-parse', delimiter, encoding } };
}
