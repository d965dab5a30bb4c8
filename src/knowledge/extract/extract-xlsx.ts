import ExcelJS from 'exceljs';
import type { ExtractedDocument } from '../extracted-document.ts';
import { BlockSink, checkUnzippedSize, corrupt, tooLarge, type ExtractionContext } from './extraction-context.ts';
import { capCell, tableLines } from './table-lines.ts';

function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number.parseFloat(value.toPrecision(15)));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const iso = Number.isNaN(value.getTime()) ? '' : value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
  }
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('error' in value) return '';
  if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
  return '';
}

/** XLSX through exceljs: a heading per sheet, then its rows as a table block (see tableLines); empty rows and sheets are skipped. */
export async function extractXlsx(ctx: ExtractionContext): Promise<ExtractedDocument> {
  checkUnzippedSize(ctx);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type, narrower than Node's current one
    await workbook.xlsx.load(ctx.bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    throw corrupt(ctx, 'an Excel workbook', error);
  }
  const { maxSheets, maxRows, maxCellChars } = ctx.limits;
  if (workbook.worksheets.length > maxSheets) throw tooLarge(ctx, 'maxSheets', maxSheets, 'sheets');
  const sink = new BlockSink(ctx);
  let rowCount = 0;
  for (const sheet of workbook.worksheets) {
    ctx.signal?.throwIfAborted();
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      const cells = Array.from(values, (v) => capCell(cellText(v), maxCellChars));
      if (cells.every((c) => c === '')) return;
      rowCount += 1;
      if (rowCount > maxRows) throw tooLarge(ctx, 'maxRows', maxRows, 'rows');
      rows.push(cells);
    });
    if (rows.length === 0) continue;
    sink.add({ kind: 'heading', text: sheet.name, level: 2, sheet: sheet.name });
    sink.add({ kind: 'table', text: tableLines(rows).join('\n'), sheet: sheet.name });
  }
  const title = workbook.title?.trim();
  return { blocks: sink.blocks, metadata: { ...(title ? { title } : {}), sheets: workbook.worksheets.map((s) => s.name), parser: 'exceljs' } };
}
