import { describe, expect, it } from 'vitest';
import { weightedScore } from './weighted-score.ts';

describe('weightedScore', () => {
  it('min–max normalises benefit and cost criteria and sums with normalised weights', () => {
    // price (cost) 2, 3, 4; rating (benefit) 5, 3, 4; weights 3:1 → 0.75 / 0.25.
    const { scores, ranks, normalized } = weightedScore([[2, 5], [3, 3], [4, 4]], [3, 1], [false, true]);
    expect(normalized).toEqual([[1, 1], [0.5, 0], [0, 0.5]]);
    expect(scores[0]).toBeCloseTo(1, 12);
    expect(scores[1]).toBeCloseTo(0.375, 12);
    expect(scores[2]).toBeCloseTo(0.125, 12);
    expect(ranks).toEqual([1, 2, 3]);
  });

  it('scores a criterion on which all alternatives are equal as 1 for each', () => {
    const { normalized, scores } = weightedScore([[1, 7], [2, 7]], [1, 1], [true, true]);
    expect(normalized.map((r) => r[1])).toEqual([1, 1]);
    expect(scores).toEqual([0.5, 1]);
  });

  it('rejects zero weights', () => {
    expect(() => weightedScore([[1]], [0], [true])).toThrow(expect.objectContaining({ code: 'WEIGHTED_SCORE_INPUT_INVALID' }));
  });
});
