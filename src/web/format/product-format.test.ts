import { describe, expect, it } from 'vitest';
import { formatDays, formatMm, formatMoney, formatScore, formatShare, formatUnits, humanize, trimNumber } from './product-format.ts';

describe('product formatting', () => {
  it('formats money in its currency, with more decimals below one unit', () => {
    expect(formatMoney(1234.5, 'USD')).toBe('$1,234.50');
    expect(formatMoney(0.0425, 'usd')).toBe('$0.0425');
    expect(formatMoney(3, 'EUR')).toBe('€3.00');
    expect(formatMoney(2.5, 'X1')).toBe('2.50 X1');
  });

  it('formats millimetres with an optional tolerance', () => {
    expect(formatMm(152.4)).toBe('152.4 mm');
    expect(formatMm(1200, 0.25)).toBe('1,200 mm ± 0.25');
    expect(trimNumber(1.5)).toBe('1.5');
  });

  it('formats shares, scores, days and units', () => {
    expect(formatShare(0.404)).toBe('40%');
    expect(formatScore(0.8249)).toBe('0.82');
    expect([formatDays(1), formatDays(21)]).toEqual(['1 day', '21 days']);
    expect([formatUnits(1), formatUnits(5000)]).toEqual(['1 unit', '5,000 units']);
  });

  it('turns keys into labels', () => {
    expect(humanize('phone_accessory')).toBe('Phone accessory');
    expect(humanize('lead-time')).toBe('Lead time');
  });
});
