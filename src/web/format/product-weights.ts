import type { Criterion, Weights } from '../product-api-types.ts';

const criteria: readonly Criterion[] = ['price', 'quality', 'delivery', 'compliance'];

/**
 * Weights scaled to sum 1 (negative or non-finite ones count as 0). All zero means no preference,
 * so every criterion gets an equal share rather than a division by zero.
 */
export function normaliseWeights(weights: Weights): Weights {
  const clean = (value: number) => (Number.isFinite(value) && value > 0 ? value : 0);
  const sum = criteria.reduce((total, c) => total + clean(weights[c]), 0);
  const result = {} as Weights;
  for (const c of criteria) result[c] = sum === 0 ? 1 / criteria.length : clean(weights[c]) / sum;
  return result;
}

/**
 * Whole percentages of normalised weights that add up to exactly 100 (largest remainder method), so
 * the labels beside the sliders never read 99% or 101% in total.
 */
export function weightPercents(weights: Weights): Record<Criterion, number> {
  const shares = normaliseWeights(weights);
  const raw = criteria.map((c) => ({ c, exact: shares[c] * 100 }));
  const result = Object.fromEntries(raw.map(({ c, exact }) => [c, Math.floor(exact)])) as Record<Criterion, number>;
  let left = 100 - criteria.reduce((total, c) => total + result[c], 0);
  const byRemainder = raw.toSorted((a, b) => (b.exact - Math.floor(b.exact)) - (a.exact - Math.floor(a.exact)));
  for (const { c } of byRemainder) {
    if (left <= 0) break;
    result[c] += 1;
    left -= 1;
  }
  return result;
}

/** Weights rounded to 4 decimals for a stable query (and cache key). */
export function roundWeights(weights: Weights): Weights {
  const result = {} as Weights;
  for (const c of criteria) result[c] = Math.round(weights[c] * 10_000) / 10_000;
  return result;
}
