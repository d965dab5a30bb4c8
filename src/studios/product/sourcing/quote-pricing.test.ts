import { describe, expect, it } from 'vitest';
import { landedUnitPrice, median, quantile, tierPriceAt } from './quote-pricing.ts';

describe('quote pricing', () => {
  const tiers = [{ quantity: 5000, unitPrice: 2.55 }, { quantity: 1000, unitPrice: 2.95 }, { quantity: 10_000, unitPrice: 2.3 }];

  it('prices a quantity at the largest tier at or below it', () => {
    expect(tierPriceAt(tiers, 10_000)).toEqual({ quantity: 10_000, unitPrice: 2.3, belowSmallest: false });
    expect(tierPriceAt(tiers, 9999)).toEqual({ quantity: 5000, unitPrice: 2.55, belowSmallest: false });
    expect(tierPriceAt(tiers, 50_000).unitPrice).toBe(2.3);
    expect(tierPriceAt(tiers, 500)).toEqual({ quantity: 1000, unitPrice: 2.95, belowSmallest: true });
  });

  it('spreads tooling over the order', () => {
    expect(landedUnitPrice(2.3, 1200, 10_000)).toBeCloseTo(2.42, 12);
  });

  it('computes type-7 quantiles', () => {
    // R: quantile(c(2.05, 2.15, 2.42, 2.45, 2.73, 3.00), c(.25, .5, .75)) = 2.2175, 2.435, 2.66
    const prices = [3.0, 2.05, 2.42, 2.15, 2.73, 2.45];
    expect(quantile(prices, 0.25)).toBeCloseTo(2.2175, 12);
    expect(median(prices)).toBeCloseTo(2.435, 12);
    expect(quantile(prices, 0.75)).toBeCloseTo(2.66, 12);
    expect(median([4])).toBe(4);
  });
});
