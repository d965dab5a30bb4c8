import type { QuoteInput } from './quote-types.ts';

export interface TierPrice {
  quantity: number;
  unitPrice: number;
  /** The needed quantity is below every quoted tier, so the smallest tier's price applies. */
  belowSmallest: boolean;
}

/** The price of the largest tier at or below the quantity; below every tier, the smallest tier's. */
export function tierPriceAt(tiers: QuoteInput['tiers'], quantity: number): TierPrice {
  const sorted = [...tiers].sort((a, b) => a.quantity - b.quantity);
  const fitting = sorted.filter((t) => t.quantity <= quantity).at(-1);
  const tier = fitting ?? sorted[0];
  if (!tier) throw new RangeError('A quote needs at least one tier');
  return { quantity: tier.quantity, unitPrice: tier.unitPrice, belowSmallest: !fitting };
}

/** Unit price with the one-time tooling spread over the order. */
export function landedUnitPrice(unitPrice: number, toolingCost: number, quantity: number): number {
  return unitPrice + toolingCost / quantity;
}

/** Quantile by linear interpolation between order statistics (Hyndman and Fan type 7, as R's default and Excel's QUARTILE.INC). */
export function quantile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] ?? 0;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? a;
  return a + (h - lo) * (b - a);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}
