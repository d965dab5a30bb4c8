import { checkDecisionInput, column, rankDescending } from './decision-matrix.ts';

/**
 * Simple additive weighting on min–max normalised criteria: each criterion is rescaled to 0..1 over
 * the alternatives (1 = best: the highest value of a benefit criterion, the lowest of a cost one),
 * then score_i = sum_j w_j * n_ij with the weights scaled to sum to 1. A criterion on which every
 * alternative is equal scores 1 for all of them.
 */
export function weightedScore(matrix: number[][], weights: number[], benefit: boolean[]): { scores: number[]; ranks: number[]; normalized: number[][] } {
  const w = checkDecisionInput('WEIGHTED_SCORE_INPUT_INVALID', matrix, weights, benefit);
  const normalized = minMaxNormalize(matrix, benefit);
  const scores = normalized.map((row) => row.reduce((sum, n, j) => sum + n * (w[j] ?? 0), 0));
  return { scores, ranks: rankDescending(scores), normalized };
}

export function minMaxNormalize(matrix: readonly (readonly number[])[], benefit: readonly boolean[]): number[][] {
  const bounds = benefit.map((_, j) => {
    const values = column(matrix, j);
    return { min: Math.min(...values), max: Math.max(...values) };
  });
  return matrix.map((row) => row.map((x, j) => {
    const { min, max } = bounds[j] ?? { min: 0, max: 0 };
    if (max === min) return 1;
    return benefit[j] ? (x - min) / (max - min) : (max - x) / (max - min);
  }));
}
