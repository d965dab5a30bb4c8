import { FoundryError } from '../../../kernel/index.ts';

/**
 * Checks a decision matrix (alternatives × criteria), its weights and the benefit flags, and returns
 * the weights scaled to sum to 1. `code` names the calling method's error.
 */
export function checkDecisionInput(code: string, matrix: readonly (readonly number[])[], weights: readonly number[], benefit: readonly boolean[]): number[] {
  const fail = (message: string, details?: Record<string, unknown>): never => {
    throw new FoundryError({ code, status: 400, message, details });
  };
  if (matrix.length === 0) fail('The decision matrix has no alternatives.');
  const n = weights.length;
  if (n === 0) fail('At least one criterion weight is needed.');
  if (benefit.length !== n) fail(`There are ${n} weights but ${benefit.length} benefit flags.`, { weights: n, benefit: benefit.length });
  matrix.forEach((row, i) => {
    if (row.length !== n) fail(`Row ${i + 1} has ${row.length} values; ${n} criteria were given.`, { row: i + 1 });
    row.forEach((value, j) => {
      if (!Number.isFinite(value)) fail(`Row ${i + 1}, criterion ${j + 1} is not a finite number.`, { row: i + 1, criterion: j + 1 });
    });
  });
  weights.forEach((w, j) => {
    if (!Number.isFinite(w) || w < 0) fail(`Weight ${j + 1} must be a non-negative number.`, { criterion: j + 1 });
  });
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (total <= 0) fail('The weights sum to zero: give at least one criterion a positive weight.');
  return weights.map((w) => w / total);
}

/** Competition ranking (1 = highest score; equal scores share a rank: 1, 2, 2, 4). */
export function rankDescending(scores: readonly number[]): number[] {
  const tolerance = 1e-12;
  return scores.map((score) => 1 + scores.filter((other) => other > score + tolerance).length);
}

export function column(matrix: readonly (readonly number[])[], j: number): number[] {
  return matrix.map((row) => row[j] ?? 0);
}
