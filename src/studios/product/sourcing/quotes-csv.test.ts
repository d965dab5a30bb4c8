import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseQuotesCsv } from './quotes-csv.ts';

const fixture = readFileSync(new URL('../../../../test/fixtures/product/quotes-phone-cases.csv', import.meta.url), 'utf8');

function errorOf(fn: () => unknown): { code: string; status: number; message: string; details: { missingColumns?: string[]; rows?: { row: number; field: string; message: string }[] } } {
  try {
    fn();
  } catch (error) {
    return error as ReturnType<typeof errorOf>;
  }
  throw new Error('expected an error');
}

describe('parseQuotesCsv', () => {
  it('reads the six phone-case quotes of the fixture', () => {
    const quotes = parseQuotesCsv(fixture);
    expect(quotes).toHaveLength(6);
    expect(quotes[0]).toEqual({
      supplierName: 'Lumen Case Works (Shenzhen) Co. Ltd.',
      tiers: [{ quantity: 1000, unitPrice: 2.95 }, { quantity: 5000, unitPrice: 2.55 }, { quantity: 10_000, unitPrice: 2.3 }],
      currency: 'USD', toolingCost: 1200, leadTimeDays: 21, moq: 1000,
      certifications: ['ISO 9001:2015', 'amfori BSCI', 'RoHS test report'],
      paymentTerms: '30% deposit, 70% before shipment', validUntil: '2027-03-31', qualityRating: 4.6, location: 'Shenzhen, CN',
      notes: 'TPU Shore 85A, anti-yellowing grade; UV print included; one mould per device model',
    });
    // An empty price cell means the tier is not quoted.
    expect(quotes[1]!.tiers).toEqual([{ quantity: 10_000, unitPrice: 1.9 }]);
    expect(quotes[1]!.moq).toBe(15_000);
    expect(quotes.filter((q) => !q.certifications.some((c) => c.startsWith('ISO 9001')))).toHaveLength(1);
    for (const q of quotes) {
      const at10k = q.tiers.find((t) => t.quantity === 10_000)!.unitPrice;
      expect(at10k).toBeGreaterThanOrEqual(1.9);
      expect(at10k).toBeLessThanOrEqual(3.4);
      expect(q.leadTimeDays).toBeGreaterThanOrEqual(18);
      expect(q.leadTimeDays).toBeLessThanOrEqual(45);
    }
  });

  it('accepts a BOM, loose header spelling, a ";" delimiter and European numbers', () => {
    const csv = '\ufeffSupplier Name;Lead Time (days);MOQ;Price 1.000;Price 5.000;Tooling;Certifications;Currency\n'
      + 'Acme;30;1.000;2,40;2,10;1.500;"ISO 9001; BSCI";eur\n';
    expect(parseQuotesCsv(csv)).toEqual([expect.objectContaining({
      supplierName: 'Acme', leadTimeDays: 30, moq: 1000, toolingCost: 1500, currency: 'EUR',
      tiers: [{ quantity: 1000, unitPrice: 2.4 }, { quantity: 5000, unitPrice: 2.1 }], certifications: ['ISO 9001', 'BSCI'],
    })]);
  });

  it('reads quoted thousands separators and applies defaults', () => {
    const [quote] = parseQuotesCsv('supplier,lead_time_days,moq,price_20000,tooling\nBig Co,40,"20,000","1,234.50",\n');
    expect(quote).toMatchObject({ moq: 20_000, tiers: [{ quantity: 20_000, unitPrice: 1234.5 }], toolingCost: 0, currency: 'USD', certifications: [], paymentTerms: '', notes: '' });
  });

  it('names missing columns', () => {
    const error = errorOf(() => parseQuotesCsv('supplier,moq\nA,10\n'));
    expect(error).toMatchObject({ code: 'QUOTES_CSV_INVALID', status: 400, details: { missingColumns: ['lead_time_days', 'price_<quantity>'] } });
    expect(error.message).toContain('missing the required columns lead_time_days, price_<quantity>');
  });

  it('reports every bad row with its line, field and reason', () => {
    const csv = [
      'supplier,lead_time_days,moq,price_1000,valid_until,quality_rating',
      'Good Co,20,500,2.10,2027-01-31,4',
      ',twenty,500,2.10,,',
      'No Price Co,20,500,,,',
      'Bad Date Co,20,500,1.5,31/01/2027,7',
    ].join('\n');
    const error = errorOf(() => parseQuotesCsv(csv));
    expect(error.code).toBe('QUOTES_CSV_INVALID');
    expect(error.message).toBe('Quotes CSV row 3: supplier is empty (4 more problems in the file).');
    expect(error.details.rows).toEqual([
      { row: 3, field: 'supplier', message: 'is empty' },
      { row: 3, field: 'lead_time_days', message: 'must be a whole number, got "twenty"' },
      { row: 4, field: 'price', message: 'quotes no price: fill at least one of price_1000' },
      { row: 5, field: 'valid_until', message: 'must be a date as YYYY-MM-DD, got "31/01/2027"' },
      { row: 5, field: 'quality_rating', message: 'must be between 0 and 5, got 7' },
    ]);
  });

  it('rejects non-numeric and non-positive prices', () => {
    const error = errorOf(() => parseQuotesCsv('supplier,lead_time_days,moq,price_100,price_500\nA,10,100,abc,0\n'));
    expect(error.details.rows).toEqual([
      { row: 2, field: 'price_100', message: 'must be a number, got "abc"' },
      { row: 2, field: 'price_500', message: 'must be a positive price, got "0"' },
    ]);
  });

  it('rejects an empty file', () => {
    expect(errorOf(() => parseQuotesCsv(''))).toMatchObject({ code: 'QUOTES_CSV_INVALID', status: 400 });
  });
});
