import { describe, expect, it } from 'vitest';
import { headerDelimiter, normalizeColumn, parseNumberCell, readCsvTable, splitListCell } from './csv-table.ts';

describe('csv table helpers', () => {
  it('normalises column names', () => {
    expect(normalizeColumn(' Lead Time (days) ')).toBe('lead_time_days');
    expect(normalizeColumn('Price 1,000')).toBe('price_1000');
    expect(normalizeColumn('PRICE_10000')).toBe('price_10000');
    expect(normalizeColumn('Payment-Terms')).toBe('payment_terms');
  });

  it('takes the delimiter from the header', () => {
    expect(headerDelimiter('a,b,c\n1;2;3')).toBe(',');
    expect(headerDelimiter('\n"x,y";b;c')).toBe(';');
    expect(headerDelimiter('a\tb')).toBe('\t');
  });

  it('parses numbers as typed in spreadsheets', () => {
    expect(parseNumberCell('1,234.50')).toBe(1234.5);
    expect(parseNumberCell('$2.30')).toBe(2.3);
    expect(parseNumberCell('2,30')).toBe(2.3);
    expect(parseNumberCell('1 234,5')).toBe(1234.5);
    expect(parseNumberCell('1.234,50', true)).toBe(1234.5);
    expect(parseNumberCell('1.500', true)).toBe(1500);
    expect(parseNumberCell('1.500')).toBe(1.5);
    expect(parseNumberCell('12 USD')).toBe(12);
    expect(parseNumberCell('')).toBeUndefined();
    expect(parseNumberCell('three')).toBeNaN();
    expect(parseNumberCell('1,2,3')).toBeNaN();
  });

  it('splits list cells', () => {
    expect(splitListCell('ISO 9001:2015; BSCI |  RoHS')).toEqual(['ISO 9001:2015', 'BSCI', 'RoHS']);
    expect(splitListCell('ISO 9001, ISO 14001')).toEqual(['ISO 9001', 'ISO 14001']);
  });

  it('reads records with their file lines, skipping blank lines and a BOM', () => {
    const table = readCsvTable('\ufeffName,Qty\n\nA,1\n"B, Ltd",2\n', 'X', 'test');
    expect(table.columns).toEqual(['name', 'qty']);
    expect(table.records.map((r) => [r.row, r.cells.get('name'), r.cells.get('qty')])).toEqual([[3, 'A', '1'], [4, 'B, Ltd', '2']]);
  });

  it('reports empty and unreadable files', () => {
    expect(() => readCsvTable(' \n', 'X_INVALID', 'test')).toThrow(expect.objectContaining({ code: 'X_INVALID', status: 400 }));
    expect(() => readCsvTable('a,b\n', 'X_INVALID', 'test')).toThrow(/no data rows/);
    expect(() => readCsvTable('a,b\n"x,1\n', 'X_INVALID', 'test')).toThrow(/cannot be read/);
  });
});
