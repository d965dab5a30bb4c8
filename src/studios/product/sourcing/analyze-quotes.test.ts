import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeQuotes, resolveWeights, type QuoteAnalysisContext } from './analyze-quotes.ts';
import { storedQuote } from './fixtures.ts';
import { parseQuotesCsv } from './quotes-csv.ts';
import { topsis } from './topsis.ts';

const fixture = parseQuotesCsv(readFileSync(new URL('../../../../test/fixtures/product/quotes-phone-cases.csv', import.meta.url), 'utf8'))
  .map((q, i) => storedQuote(`q${i + 1}`, q));
const context: QuoteAnalysisContext = { quantity: 10_000, neededBy: '2027-01-15', today: '2026-12-01', requiredCertifications: ['ISO 9001'], method: 'topsis' };
const byName = (name: string) => fixture.find((q) => q.supplierName.startsWith(name))!;

describe('analyzeQuotes on the phone-case fixture', () => {
  const analysis = analyzeQuotes(fixture, context);

  it('ranks all six by TOPSIS with landed prices at 10,000 units', () => {
    expect(analysis.method).toBe('topsis');
    expect(analysis.ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    const lumen = analysis.ranked.find((r) => r.supplierName.startsWith('Lumen'))!;
    expect(lumen.landedUnitPrice).toBe(2.42);
    expect(lumen.totalCost).toBe(24_200);
    expect(analysis.ranked.find((r) => r.supplierName.startsWith('Harbourline'))!.landedUnitPrice).toBe(2.15);
    expect(analysis.summary).toEqual({ count: 6, lowestUnitPrice: 2.05, highestUnitPrice: 3, averageLeadTimeDays: 28.7 });
    for (const r of analysis.ranked) {
      for (const value of Object.values(r.criteria)) expect(value).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeGreaterThan(0);
      expect(r.score).toBeLessThanOrEqual(1);
    }
  });

  it('scores with TOPSIS closeness on [landed price, rating/5, lead time, certification share]', () => {
    const landed = (name: string) => analysis.ranked.find((r) => r.supplierName.startsWith(name))!.landedUnitPrice;
    const matrix = fixture.map((q) => [landed(q.supplierName), (q.qualityRating ?? 2.5) / 5, q.leadTimeDays, q.certifications.some((c) => c.startsWith('ISO 9001')) ? 1 : 0]);
    const { closeness } = topsis(matrix, [0.4, 0.25, 0.2, 0.15], [false, true, false, true]);
    fixture.forEach((q, i) => expect(analysis.ranked.find((r) => r.quoteId === q.id)!.score).toBeCloseTo(closeness[i]!, 4));
  });

  it('flags the MOQ above the need, the missing ISO 9001 and the expired quote', () => {
    const codes = analysis.redFlags.map((f) => [f.supplierName.split(' ')[0], f.code, f.severity]);
    expect(codes).toEqual(expect.arrayContaining([
      ['Harbourline', 'MOQ_ABOVE_NEED', 'high'],
      ['Bright', 'MISSING_CERTIFICATION', 'high'],
      ['Bright', 'QUOTE_EXPIRED', 'medium'],
    ]));
    expect(analysis.redFlags.find((f) => f.code === 'MOQ_ABOVE_NEED')!.message).toContain('5,000 extra units, about $9,500 more');
    expect(analysis.redFlags.filter((f) => f.code === 'LATE_DELIVERY')).toEqual([]);
  });

  it('recommends Lumen with its figures in plain words', () => {
    expect(analysis.recommendation).toEqual({
      quoteId: byName('Lumen').id,
      supplierName: 'Lumen Case Works (Shenzhen) Co. Ltd.',
      rationale: 'Lumen Case Works (Shenzhen) Co. Ltd.: $2.30/unit at 10,000 ($2.42 landed with tooling), 21 days, ISO 9001; 1% below the median. Ranked 1 of 6 (TOPSIS closeness 0.80).',
    });
  });

  it('lists negotiation levers with savings, benchmarked only against acceptable offers', () => {
    const lumen = analysis.negotiation.filter((n) => n.supplierName.startsWith('Lumen'));
    expect(lumen).toEqual([{ quoteId: byName('Lumen').id, supplierName: byName('Lumen').supplierName, opportunity: 'Ask to waive or amortise the $1,200 tooling charge: 2 other suppliers quote none.', potentialSavings: 1200 }]);
    const saigon = analysis.negotiation.find((n) => n.supplierName.startsWith('Saigon'))!;
    expect(saigon.opportunity).toContain('Ask to match $2.30/unit, quoted by Lumen Case Works (Shenzhen) Co. Ltd. at the same 10,000-unit tier');
    expect(saigon.potentialSavings).toBe(1500);
    expect(analysis.negotiation.some((n) => n.supplierName.startsWith('Ridgeway') && n.opportunity.includes('50% before production'))).toBe(true);
    expect(analysis.negotiation.some((n) => n.supplierName.startsWith('Bright') || n.supplierName.startsWith('Harbourline'))).toBe(false);
  });

  it('explains strengths and concerns per quote', () => {
    const bright = analysis.ranked.find((r) => r.supplierName.startsWith('Bright'))!;
    expect(bright.strengths).toContain('Lowest landed price: $2.05/unit at 10,000.');
    expect(bright.concerns).toContain('Lacks ISO 9001, required for this order.');
    const nova = analysis.ranked.find((r) => r.supplierName.startsWith('NovaForm'))!;
    expect(nova.strengths).toContain('Shortest lead time: 18 days.');
    expect(nova.concerns).toContain('23% above the median landed price.');
  });

  it('ranks by weighted score when asked, with normalised weights', () => {
    const weighted = analyzeQuotes(fixture, { ...context, method: 'weighted', weights: { price: 2, quality: 0, delivery: 0, compliance: 0 } });
    expect(weighted.weights).toEqual({ price: 1, quality: 0, delivery: 0, compliance: 0 });
    // Price alone: the cheapest landed price ranks first and scores 1.
    expect(weighted.ranked[0]).toMatchObject({ supplierName: 'Bright Shell Trading Xiamen Co.', score: 1 });
    expect(weighted.ranked.at(-1)).toMatchObject({ supplierName: 'NovaForm Monterrey S.A. de C.V.', score: 0 });
    // …but it lacks ISO 9001 and Harbourline's MOQ is too high, so the third is recommended.
    expect(weighted.recommendation!.supplierName).toBe('Lumen Case Works (Shenzhen) Co. Ltd.');
    expect(weighted.recommendation!.rationale).toContain('Set aside above it: Bright Shell Trading Xiamen Co. (lacks ISO 9001); Harbourline Plastics Dongguan Ltd. (MOQ 15,000 against 10,000 needed).');
  });
});

describe('analyzeQuotes rules', () => {
  const base = { tiers: [{ quantity: 1000, unitPrice: 2 }], leadTimeDays: 20, moq: 500, certifications: ['ISO 9001'], qualityRating: 4 };

  it('prices at the largest tier at or below the quantity, else the smallest, with tooling spread', () => {
    const q = storedQuote('a', { ...base, supplierName: 'A', tiers: [{ quantity: 1000, unitPrice: 3 }, { quantity: 5000, unitPrice: 2.5 }], toolingCost: 900 });
    const at = (quantity: number) => analyzeQuotes([q], { ...context, quantity, neededBy: undefined }).ranked[0]!;
    expect(at(4999).landedUnitPrice).toBe(3.18); // 3 + 900 / 4,999 = 3.180036
    expect(at(6000).landedUnitPrice).toBe(2.65);
    expect(at(300).landedUnitPrice).toBe(6);
    expect(at(300).concerns).toContain('No price quoted at or below 300 units: priced at its smallest tier (1,000).');
  });

  it('scores an unknown quality rating as 0.5 and says so', () => {
    const quotes = [
      storedQuote('a', { ...base, supplierName: 'Rated 5', qualityRating: 5 }),
      storedQuote('b', { ...base, supplierName: 'Unrated', qualityRating: undefined }),
      storedQuote('c', { ...base, supplierName: 'Rated 4', qualityRating: 4 }),
    ];
    const analysis = analyzeQuotes(quotes, { ...context, method: 'weighted', weights: { price: 0, quality: 1, delivery: 0, compliance: 0 } });
    const quality = (name: string) => analysis.ranked.find((r) => r.supplierName === name)!.criteria.quality;
    // Raw quality 1, 0.5 and 0.8, rescaled over the quotes: the 4-star quote sits at (0.8 - 0.5) / (1 - 0.5).
    expect([quality('Rated 5'), quality('Unrated'), quality('Rated 4')]).toEqual([1, 0, 0.6]);
    expect(analysis.ranked.map((r) => r.supplierName)).toEqual(['Rated 5', 'Rated 4', 'Unrated']);
    expect(analysis.ranked[2]!.concerns[0]).toMatch(/^No quality rating on file: quality scored as neutral \(0\.5/);
  });

  it('matches certifications loosely and scores their share', () => {
    const quotes = [
      storedQuote('a', { ...base, supplierName: 'Both', certifications: ['iso 9001:2015', 'ISO 14001'] }),
      storedQuote('b', { ...base, supplierName: 'Half', certifications: ['ISO 9001'] }),
    ];
    const analysis = analyzeQuotes(quotes, { ...context, requiredCertifications: ['ISO 9001', 'ISO 14001:2015'] });
    expect(analysis.ranked[0]!.supplierName).toBe('Both');
    expect(analysis.redFlags).toEqual([expect.objectContaining({ quoteId: 'b', code: 'MISSING_CERTIFICATION', severity: 'high', message: 'Lacks ISO 14001:2015, required for this order.' })]);
  });

  it('flags late delivery by how late it is', () => {
    const quotes = [
      storedQuote('a', { ...base, supplierName: 'Slightly late', leadTimeDays: 48 }),
      storedQuote('b', { ...base, supplierName: 'Very late', leadTimeDays: 60 }),
      storedQuote('c', { ...base, supplierName: 'On time', leadTimeDays: 45 }),
    ];
    const flags = analyzeQuotes(quotes, context).redFlags.filter((f) => f.code === 'LATE_DELIVERY');
    expect(flags.map((f) => [f.quoteId, f.severity])).toEqual([['a', 'medium'], ['b', 'high']]);
    expect(flags[0]!.message).toBe('A 48-day lead time has goods ready on 18 January 2027, 3 days after the 15 January 2027 target.');
  });

  it('flags price outliers beyond 1.5 IQR or 40% of the median', () => {
    const priced = (prices: number[]) => prices.map((p, i) => storedQuote(`p${i}`, { ...base, supplierName: `S${i}`, tiers: [{ quantity: 1000, unitPrice: p }] }));
    const flags = (prices: number[]) => analyzeQuotes(priced(prices), { ...context, quantity: 1000 }).redFlags.filter((f) => f.code.startsWith('PRICE')).map((f) => [f.quoteId, f.code, f.severity]);
    expect(flags([2.0, 2.1, 2.2, 2.1, 2.9])).toEqual([['p4', 'PRICE_OUTLIER_HIGH', 'low']]);
    expect(flags([1.1, 2.0, 2.1, 2.2])).toEqual([['p0', 'PRICE_OUTLIER_LOW', 'medium']]);
    expect(flags([1.0, 2.0, 2.1])).toEqual([['p0', 'PRICE_OUTLIER_LOW', 'medium']]);
    expect(flags([2.0, 2.2])).toEqual([]);
  });

  it('finds a tier boundary just above the quantity and payment terms to improve', () => {
    const q = storedQuote('a', { ...base, supplierName: 'A', tiers: [{ quantity: 5000, unitPrice: 2.5 }, { quantity: 10_000, unitPrice: 2.2 }], paymentTerms: '100% T/T in advance' });
    const b = storedQuote('b', { ...base, supplierName: 'B', paymentTerms: '' });
    const negotiation = analyzeQuotes([q, b], { ...context, quantity: 9000 }).negotiation;
    expect(negotiation).toEqual(expect.arrayContaining([
      { quoteId: 'a', supplierName: 'A', opportunity: 'The 10,000-unit tier is $2.20 against $2.50: ask for that price at 9,000 units, or compare ordering 10,000 for $22,000 in total against $22,500.', potentialSavings: 2700 },
      expect.objectContaining({ quoteId: 'a', opportunity: expect.stringContaining('ask for 100% before production') }),
      expect.objectContaining({ quoteId: 'b', opportunity: expect.stringContaining('No payment terms were stated') }),
    ]));
  });

  it('recommends nothing when every quote has a high-severity flag', () => {
    const analysis = analyzeQuotes([storedQuote('a', { ...base, supplierName: 'A', certifications: [] })], context);
    expect(analysis.recommendation).toBeNull();
    expect(analysis.negotiation).toEqual([]);
  });

  it('compares other currencies only with an exchange rate', () => {
    const quotes = [storedQuote('a', { ...base, supplierName: 'USD Co' }), storedQuote('b', { ...base, supplierName: 'Euro Co', currency: 'EUR' }), storedQuote('c', { ...base, supplierName: 'USD Two' })];
    expect(() => analyzeQuotes(quotes, context)).toThrow(expect.objectContaining({ code: 'QUOTE_CURRENCIES_MIXED', status: 400 }));
    const analysis = analyzeQuotes(quotes, { ...context, exchangeRates: { EUR: 1.1 } });
    const euro = analysis.ranked.find((r) => r.supplierName === 'Euro Co')!;
    expect(euro).toMatchObject({ currency: 'USD', landedUnitPrice: 2.2 });
    expect(euro.concerns).toContain('Quoted in EUR; compared at 1 EUR = 1.1 USD.');
  });

  it('returns an empty analysis for no quotes and validates weights and context', () => {
    expect(analyzeQuotes([], context)).toMatchObject({ ranked: [], recommendation: null, summary: { count: 0 } });
    expect(resolveWeights({ price: 1, quality: 1, delivery: 1, compliance: 1 })).toEqual({ price: 0.25, quality: 0.25, delivery: 0.25, compliance: 0.25 });
    expect(() => resolveWeights({ price: 0, quality: 0, delivery: 0, compliance: 0 })).toThrow(expect.objectContaining({ code: 'WEIGHTS_INVALID', status: 400 }));
    expect(() => resolveWeights({ price: -1 })).toThrow(expect.objectContaining({ code: 'WEIGHTS_INVALID' }));
    expect(() => analyzeQuotes(fixture, { ...context, quantity: 0 })).toThrow(expect.objectContaining({ code: 'QUOTE_ANALYSIS_INVALID' }));
    expect(() => analyzeQuotes(fixture, { ...context, today: '01/12/2026' })).toThrow(expect.objectContaining({ code: 'QUOTE_ANALYSIS_INVALID' }));
  });
});
