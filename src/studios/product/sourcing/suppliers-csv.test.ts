import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { productCategories } from '../dpg-data.ts';
import { categoryOf, parseSuppliersCsv } from './suppliers-csv.ts';

const fixture = readFileSync(new URL('../../../../test/fixtures/product/suppliers.csv', import.meta.url), 'utf8');

describe('parseSuppliersCsv', () => {
  it('reads the supplier directory fixture: every category, seven countries', () => {
    const suppliers = parseSuppliersCsv(fixture);
    expect(suppliers.length).toBeGreaterThanOrEqual(15);
    expect(new Set(suppliers.map((s) => s.country))).toEqual(new Set(['CN', 'VN', 'IN', 'PT', 'TR', 'MX', 'US']));
    for (const category of productCategories) expect(suppliers.filter((s) => s.categories.includes(category)).length).toBeGreaterThanOrEqual(3);
    expect(suppliers[0]).toEqual({
      name: 'Lumen Case Works (Shenzhen) Co. Ltd.', country: 'CN', city: 'Shenzhen', categories: ['phone_accessory'],
      capabilities: ['injection moulding', 'TPU moulding', 'UV printing', 'pad printing'], certifications: ['ISO 9001:2015', 'amfori BSCI'],
      moq: 1000, leadTimeDays: 21, rating: 4.6, contactEmail: 'sales@lumen-caseworks.example.com',
    });
  });

  it('accepts category names as people write them', () => {
    expect(categoryOf('Phone accessories')).toBe('phone_accessory');
    expect(categoryOf('hard goods')).toBe('hard_good');
    expect(categoryOf('Bags')).toBe('bag');
    expect(categoryOf('Drinkware')).toBe('drinkware');
    expect(categoryOf('furniture')).toBeUndefined();
    const [s] = parseSuppliersCsv('Supplier,Country,Category,MOQ,Lead Time,Rating\nAcme,us,Phone accessories; Bags,100,10,4\n');
    expect(s).toMatchObject({ name: 'Acme', country: 'US', categories: ['phone_accessory', 'bag'], capabilities: [], certifications: [] });
  });

  it('reports missing columns and bad rows with SUPPLIERS_CSV_INVALID', () => {
    expect(() => parseSuppliersCsv('name,country\nA,CN\n')).toThrow(expect.objectContaining({
      code: 'SUPPLIERS_CSV_INVALID', status: 400, details: { missingColumns: ['categories', 'moq', 'lead_time_days', 'rating'] },
    }));
    const csv = 'name,country,categories,moq,lead_time_days,rating,contact_email\nA,China,furniture,10,x,9,not-an-email\n';
    try {
      parseSuppliersCsv(csv);
      expect.unreachable();
    } catch (error) {
      const e = error as { message: string; details: { rows: { row: number; field: string }[] } };
      expect(e.message).toMatch(/^Suppliers CSV row 2: categories "furniture" is not a product category/);
      expect(e.details.rows.map((r) => r.field)).toEqual(['categories', 'lead_time_days']);
    }
    expect(() => parseSuppliersCsv('name,country,categories,moq,lead_time_days,rating\nA,China,bag,10,5,9\n')).toThrow(/country is invalid: must be an ISO 3166-1 alpha-2 code/);
  });
});
