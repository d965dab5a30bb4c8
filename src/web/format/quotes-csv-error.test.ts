import { describe, expect, it } from 'vitest';
import { describeCsvProblems } from './quotes-csv-error.ts';

describe('describeCsvProblems', () => {
  it('reads missing columns and row errors', () => {
    expect(describeCsvProblems({
      missingColumns: ['lead_time_days', 'moq'],
      rows: [{ row: 3, column: 'price_500', message: 'Not a number: "abc"' }, { line: 5, errors: ['supplier is empty', { message: 'moq must be positive' }] }],
    })).toEqual({
      missingColumns: ['lead_time_days', 'moq'],
      rows: [
        { row: 3, column: 'price_500', message: 'Not a number: "abc"' },
        { row: 5, column: null, message: 'supplier is empty; moq must be positive' },
      ],
      other: [],
    });
  });

  it("reads the sourcing parser's shape: rows of { row, field, message }", () => {
    expect(describeCsvProblems({ rows: [{ row: 4, field: 'moq', message: 'must be a whole number' }, { row: 0, field: '', message: 'Invalid closing quote' }] })).toEqual({
      missingColumns: [],
      rows: [{ row: 4, column: 'moq', message: 'must be a whole number' }, { row: null, column: null, message: 'Invalid closing quote' }],
      other: [],
    });
  });

  it('accepts a list of path/message issues and plain strings', () => {
    expect(describeCsvProblems([{ path: ['2', 'moq'], message: 'Required' }, 'Empty file'])).toEqual({
      missingColumns: [],
      rows: [{ row: null, column: '2.moq', message: 'Required' }, { row: null, column: null, message: 'Empty file' }],
      other: [],
    });
    expect(describeCsvProblems({ missing: 'supplier', reason: 'No price columns' })).toEqual({ missingColumns: ['supplier'], rows: [], other: ['No price columns'] });
  });

  it('is empty for no details', () => {
    expect(describeCsvProblems(undefined)).toEqual({ missingColumns: [], rows: [], other: [] });
  });
});
