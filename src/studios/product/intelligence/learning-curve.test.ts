import { describe, expect, it } from 'vitest';
import { averageUnitCost, cumulativeCost, unitCostAt } from './learning-curve.ts';

/*
 * Published examples from the learningCurve R package documentation (Boehmke & Freels, AFIT):
 * https://rdrr.io/github/Auburngrads/learningCurve/src/R/unit_models.R and
 * https://rdrr.io/cran/learningCurve/man/unit_cum_exact.html
 *   unit_curve(t = 100, m = 1, n = 125, r = .85) = 32.23647
 *   unit_curve(t = 100, m = 1, n = 125, r = c(.8, .85, .9, .95)) = 21.13225 32.23647 48.00243 69.95640
 *   unit_curve(t = 100, m = 100, n = 125, r = .85) = 94.90257
 *   unit_cum_exact(t = 100, n = 125, r = .85) = 5201.085
 */
describe('learning curve', () => {
  it('reproduces the unit-curve examples', () => {
    expect(unitCostAt({ costAtReference: 100, n: 125, rate: 0.85 })).toBeCloseTo(32.23647, 5);
    expect([0.8, 0.85, 0.9, 0.95].map((rate) => unitCostAt({ costAtReference: 100, n: 125, rate }))
      .map((x) => Number(x.toFixed(5)))).toEqual([21.13225, 32.23647, 48.00243, 69.9564]);
    expect(unitCostAt({ costAtReference: 100, n: 125, rate: 0.85, referenceUnit: 100 })).toBeCloseTo(94.90257, 5);
  });

  it('reproduces the exact cumulative example', () => {
    expect(cumulativeCost({ costAtReference: 100, quantity: 125, rate: 0.85 })).toBeCloseTo(5201.085, 3);
  });

  it('approximates large batches within 0.1% of the exact sum', () => {
    const exact = cumulativeCost({ costAtReference: 1, quantity: 99_999, rate: 0.9 });
    const approx = cumulativeCost({ costAtReference: 1, quantity: 100_001, rate: 0.9 });
    expect(Math.abs(approx - exact) / exact).toBeLessThan(0.001);
  });

  it('stops learning at the plateau and averages over the batch', () => {
    const flat = averageUnitCost({ costAtReference: 10, quantity: 1000, rate: 0.9, referenceUnit: 100, plateauUnit: 100 });
    const learning = averageUnitCost({ costAtReference: 10, quantity: 1000, rate: 0.9, referenceUnit: 100 });
    expect(learning).toBeLessThan(flat);
    expect(unitCostAt({ costAtReference: 10, n: 100, rate: 0.9, referenceUnit: 100 })).toBe(10);
    expect(averageUnitCost({ costAtReference: 5, quantity: 10, rate: 1 })).toBe(5);
  });

  it('rejects a learning rate outside (0, 1]', () => {
    expect(() => unitCostAt({ costAtReference: 1, n: 2, rate: 1.2 })).toThrow(/Learning rate/);
  });
});
