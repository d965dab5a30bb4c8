import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion, rrfK } from './reciprocal-rank-fusion.ts';

describe('reciprocalRankFusion', () => {
  it('scores an item by the sum of 1/(60 + rank) over the lists it is in', () => {
    const fused = reciprocalRankFusion([['a', 'b', 'c'], ['c', 'a']]);
    const score = Object.fromEntries(fused.map((f) => [f.id, f.score]));
    expect(rrfK).toBe(60);
    expect(score.a).toBeCloseTo(1 / 61 + 1 / 62, 12);
    expect(score.b).toBeCloseTo(1 / 62, 12);
    expect(score.c).toBeCloseTo(1 / 63 + 1 / 61, 12);
    expect(fused.map((f) => f.id)).toEqual(['a', 'c', 'b']);
  });

  it('ranks agreement between lists above a first place in one list', () => {
    const fused = reciprocalRankFusion([['solo', 'both'], ['other', 'both']]);
    expect(fused[0]!.id).toBe('both');
  });

  it('keeps the order of a single list and breaks ties by first appearance', () => {
    expect(reciprocalRankFusion([['x', 'y', 'z']]).map((f) => f.id)).toEqual(['x', 'y', 'z']);
    expect(reciprocalRankFusion([['p'], ['q']]).map((f) => f.id)).toEqual(['p', 'q']);
  });

  it('counts an id once per list and copes with empty lists', () => {
    const fused = reciprocalRankFusion([['a', 'a', 'b'], []]);
    expect(fused).toEqual([{ id: 'a', score: 1 / 61 }, { id: 'b', score: 1 / 63 }]);
    expect(reciprocalRankFusion([])).toEqual([]);
  });

  it('takes another k', () => {
    expect(reciprocalRankFusion([['a']], 0)[0]!.score).toBe(1);
  });
});
