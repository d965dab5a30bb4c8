/** A sparse vector over named features. */
export type SparseVector = Map<string, number>;

export function dot(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [k, v] of small) {
    const w = large.get(k);
    if (w !== undefined) sum += v * w;
  }
  return sum;
}

export function norm(a: SparseVector): number {
  let sum = 0;
  for (const v of a.values()) sum += v * v;
  return Math.sqrt(sum);
}

/** The vector scaled to length 1 (the empty vector stays empty). */
export function normalise(a: SparseVector): SparseVector {
  const n = norm(a);
  if (n === 0) return new Map();
  return new Map([...a].map(([k, v]) => [k, v / n]));
}

/** a + scale·b */
export function addScaled(a: SparseVector, b: SparseVector, scale = 1): SparseVector {
  const out = new Map(a);
  for (const [k, v] of b) out.set(k, (out.get(k) ?? 0) + v * scale);
  return out;
}
