import { checkDecisionInput, column, rankDescending } from './decision-matrix.ts';

export interface TopsisSteps {
  /** Vector-normalised matrix r_ij = x_ij / sqrt(sum_i x_ij^2). */
  normalized: number[][];
  /** Weights scaled to sum to 1. */
  weights: number[];
  /** v_ij = w_j * r_ij. */
  weighted: number[][];
  ideal: number[];
  antiIdeal: number[];
  /** Euclidean distance of each alternative to the ideal (d+) and to the anti-ideal (d-). */
  distanceToIdeal: number[];
  distanceToAntiIdeal: number[];
  /** d- / (d+ + d-), 1 for an alternative that is the ideal. */
  closeness: number[];
  ranks: number[];
}

/**
 * TOPSIS as defined by Hwang and Yoon (Multiple Attribute Decision Making, Springer 1981): vector
 * normalisation, weighting, ideal and anti-ideal points, Euclidean separations, relative closeness.
 * `benefit[j]` is true when more is better for criterion j, false for a cost criterion.
 */
export function topsisSteps(matrix: readonly (readonly number[])[], weights: readonly number[], benefit: readonly boolean[]): TopsisSteps {
  const w = checkDecisionInput('TOPSIS_INPUT_INVALID', matrix, weights, benefit);
  const norms = w.map((_, j) => Math.hypot(...column(matrix, j)));
  // A criterion on which every alternative scores 0 cannot separate them: it normalises to 0.
  const normalized = matrix.map((row) => row.map((x, j) => ((norms[j] ?? 0) === 0 ? 0 : x / (norms[j] ?? 1))));
  const weighted = normalized.map((row) => row.map((r, j) => r * (w[j] ?? 0)));
  const ideal = w.map((_, j) => (benefit[j] ? Math.max(...column(weighted, j)) : Math.min(...column(weighted, j))));
  const antiIdeal = w.map((_, j) => (benefit[j] ? Math.min(...column(weighted, j)) : Math.max(...column(weighted, j))));
  const distance = (row: number[], point: number[]) => Math.sqrt(row.reduce((sum, v, j) => sum + (v - (point[j] ?? 0)) ** 2, 0));
  const distanceToIdeal = weighted.map((row) => distance(row, ideal));
  const distanceToAntiIdeal = weighted.map((row) => distance(row, antiIdeal));
  const closeness = distanceToIdeal.map((dPlus, i) => {
    const dMinus = distanceToAntiIdeal[i] ?? 0;
    return dPlus === 0 ? 1 : dMinus / (dPlus + dMinus);
  });
  return { normalized, weights: w, weighted, ideal, antiIdeal, distanceToIdeal, distanceToAntiIdeal, closeness, ranks: rankDescending(closeness) };
}

export function topsis(matrix: number[][], weights: number[], benefit: boolean[]): { closeness: number[]; ranks: number[] } {
  const { closeness, ranks } = topsisSteps(matrix, weights, benefit);
  return { closeness, ranks };
}
