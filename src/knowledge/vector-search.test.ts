import { describe, expect, it } from 'vitest';
import { normalize, searchVectors, vectorIndexOf } from './vector-search.ts';

/** An index of (id, vector) rows of one length. */
function buildVectorIndex(model: string, rows: { id: string; vector: number[] }[]) {
  const dimensions = rows[0]?.vector.length ?? 0;
  return vectorIndexOf(model, dimensions, rows.map((r) => r.id), Float32Array.from(rows.flatMap((r) => r.vector)));
}

/** The exact answer, computed the obvious way, to check the one-pass top-k against. */
function bruteForce(rows: { id: string; vector: number[] }[], query: number[], limit: number) {
  const norm = (v: number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  return rows
    .map((r) => ({ id: r.id, score: r.vector.reduce((s, x, i) => s + x * query[i]!, 0) / (norm(r.vector) * norm(query) || 1) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
}

/** A deterministic pseudo-random generator (mulberry32), so a failure is reproducible. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('vector search', () => {
  it('normalises to unit length and leaves a zero vector alone', () => {
    expect([...normalize(Float32Array.from([3, 4]))]).toEqual([0.6000000238418579, 0.800000011920929]);
    expect([...normalize(new Float32Array(3))]).toEqual([0, 0, 0]);
  });

  it('ranks by cosine similarity, not by length', () => {
    const index = buildVectorIndex('m', [
      { id: 'long-but-off', vector: [10, 10] },
      { id: 'short-and-aligned', vector: [0.1, 0] },
      { id: 'opposite', vector: [-1, 0] },
    ]);
    const hits = searchVectors(index, [5, 0], 3);
    expect(hits.map((h) => h.id)).toEqual(['short-and-aligned', 'long-but-off', 'opposite']);
    expect(hits[0]!.score).toBeCloseTo(1, 6);
    expect(hits[1]!.score).toBeCloseTo(Math.SQRT1_2, 6);
    expect(hits[2]!.score).toBeCloseTo(-1, 6);
  });

  it('finds the same top k as a brute-force search over random vectors', () => {
    const next = random(42);
    const rows = Array.from({ length: 500 }, (_, i) => ({ id: `c${i}`, vector: Array.from({ length: 16 }, () => next() * 2 - 1) }));
    const index = buildVectorIndex('m', rows);
    for (let trial = 0; trial < 5; trial++) {
      const query = Array.from({ length: 16 }, () => next() * 2 - 1);
      const expected = bruteForce(rows, query, 10);
      const hits = searchVectors(index, query, 10);
      expect(hits.map((h) => h.id)).toEqual(expected.map((e) => e.id));
      hits.forEach((h, i) => expect(h.score).toBeCloseTo(expected[i]!.score, 5));
    }
  });

  it('returns fewer hits than the limit when there are fewer vectors, and none for a query of another length', () => {
    const index = buildVectorIndex('m', [{ id: 'a', vector: [1, 0, 0] }, { id: 'b', vector: [0, 1, 0] }]);
    expect(searchVectors(index, [1, 0, 0], 10).map((h) => h.id)).toEqual(['a', 'b']);
    expect(searchVectors(index, [1, 0], 10)).toEqual([]);
    expect(searchVectors(index, [1, 0, 0], 0)).toEqual([]);
  });

  it('scales the rows of its matrix to unit length, and an empty index finds nothing', () => {
    const index = buildVectorIndex('m', [{ id: 'a', vector: [3, 4] }, { id: 'zero', vector: [0, 0] }]);
    expect([...index.matrix]).toEqual([0.6000000238418579, 0.800000011920929, 0, 0]);
    expect(searchVectors(index, [0, 1], 5).map((h) => h.id)).toEqual(['a', 'zero']);
    const empty = vectorIndexOf('m', 0, [], new Float32Array(0));
    expect(searchVectors(empty, [], 5)).toEqual([]);
  });
});
