/** A project's vectors of one embedding model, unit length, row after row in one typed array. */
export interface VectorIndex {
  model: string;
  dimensions: number;
  ids: string[];
  /** `ids.length × dimensions` floats; row i is the unit vector of ids[i] (all zeros for a zero vector). */
  matrix: Float32Array;
}

export interface VectorHit {
  id: string;
  /** Cosine similarity, -1..1. */
  score: number;
}

/** Scales a vector to unit length in place; a zero vector stays zero. */
export function normalize(vector: Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += vector[i]! * vector[i]!;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < vector.length; i++) vector[i] = vector[i]! / norm;
  return vector;
}

/** An index over `matrix` (row i holds the vector of ids[i]), whose rows it scales to unit length in place. */
export function vectorIndexOf(model: string, dimensions: number, ids: string[], matrix: Float32Array): VectorIndex {
  for (let row = 0; row < ids.length; row++) normalize(matrix.subarray(row * dimensions, (row + 1) * dimensions));
  return { model, dimensions, ids, matrix };
}

/**
 * Exact nearest neighbours by cosine similarity: one pass over the matrix, keeping the best `limit`
 * in a small sorted buffer. A query of the wrong length finds nothing.
 */
export function searchVectors(index: VectorIndex, query: ArrayLike<number>, limit: number): VectorHit[] {
  const { dimensions, matrix, ids } = index;
  if (query.length !== dimensions || dimensions === 0 || limit <= 0) return [];
  const q = normalize(Float32Array.from(query));
  const bestScores: number[] = [];
  const bestRows: number[] = [];
  for (let row = 0, offset = 0; row < ids.length; row++, offset += dimensions) {
    let dot = 0;
    for (let d = 0; d < dimensions; d++) dot += matrix[offset + d]! * q[d]!;
    if (bestScores.length === limit && dot <= bestScores[limit - 1]!) continue;
    let at = bestScores.length;
    while (at > 0 && bestScores[at - 1]! < dot) at--;
    bestScores.splice(at, 0, dot);
    bestRows.splice(at, 0, row);
    if (bestScores.length > limit) {
      bestScores.pop();
      bestRows.pop();
    }
  }
  return bestRows.map((row, i) => ({ id: ids[row]!, score: bestScores[i]! }));
}

