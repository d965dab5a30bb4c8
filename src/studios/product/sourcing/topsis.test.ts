import { describe, expect, it } from 'vitest';
import { topsis, topsisSteps } from './topsis.ts';

describe('topsis', () => {
  // Published worked example (the five-handset problem of the Thapar UCS654 TOPSIS assignment):
  // https://pypi.org/project/topsis-102017134/ — storage (GB, +), camera (MP, +), price ($, -),
  // looks (1..5, +), equal weights; published P-scores 0.534277, 0.308368, 0.691632, 0.534737,
  // 0.401046 and ranks 3, 5, 1, 2, 4.
  const handsets = [
    [16, 12, 250, 5],
    [16, 8, 200, 3],
    [32, 16, 300, 4],
    [32, 8, 275, 4],
    [16, 16, 225, 2],
  ];
  const handsetBenefit = [true, true, false, true];

  it('reproduces the published handset example to 6 decimals', () => {
    const { closeness, ranks } = topsis(handsets, [0.25, 0.25, 0.25, 0.25], handsetBenefit);
    expect(closeness.map((c) => c.toFixed(6))).toEqual(['0.534277', '0.308368', '0.691632', '0.534737', '0.401046']);
    expect(ranks).toEqual([3, 5, 1, 2, 4]);
  });

  it('computes the handset example intermediates that can be checked by hand', () => {
    const s = topsisSteps(handsets, [1, 1, 1, 1], handsetBenefit);
    // Column norms: sqrt(3*16^2 + 2*32^2) = sqrt(2816), sqrt(784) = 28, sqrt(318750), sqrt(70).
    expect(s.weights).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(s.normalized[0]![1]).toBeCloseTo(12 / 28, 12);
    expect(s.normalized[0]![0]).toBeCloseTo(16 / Math.sqrt(2816), 12);
    expect(s.weighted[2]![2]).toBeCloseTo((0.25 * 300) / Math.sqrt(318750), 12);
    // Price is a cost: its ideal is the lowest weighted price (M2, $200), its anti-ideal the highest (M3, $300).
    expect(s.ideal[2]).toBeCloseTo((0.25 * 200) / Math.sqrt(318750), 12);
    expect(s.antiIdeal[2]).toBeCloseTo((0.25 * 300) / Math.sqrt(318750), 12);
    // M2 and M3 are mirror images here: d+ of one equals d- of the other, so C2 + C3 = 1.
    expect(s.distanceToIdeal[1]).toBeCloseTo(s.distanceToAntiIdeal[2]!, 12);
    expect(s.closeness[1]! + s.closeness[2]!).toBeCloseTo(1, 12);
  });

  it('reproduces a second published example with unnormalised weights', () => {
    // https://pypi.org/project/topsis-kjindal-101703299 — correlation (+), R2 (+), RMSE (-), accuracy (+),
    // weights 1,1,1,1; published scores 0.77221, 0.225599, 0.438897, 0.523878, 0.811389, ranks 2, 5, 4, 3, 1.
    const models = [
      [0.79, 0.62, 1.25, 60.89],
      [0.66, 0.44, 2.89, 63.07],
      [0.56, 0.31, 1.57, 62.87],
      [0.82, 0.67, 2.68, 70.19],
      [0.75, 0.56, 1.3, 80.39],
    ];
    const { closeness, ranks } = topsis(models, [1, 1, 1, 1], [true, true, false, true]);
    // The first score is published with 5 decimals (a trailing zero dropped): 0.772210.
    expect(closeness.map((c) => c.toFixed(6))).toEqual(['0.772210', '0.225599', '0.438897', '0.523878', '0.811389']);
    expect(ranks).toEqual([2, 5, 4, 3, 1]);
  });

  it('matches the published intermediate matrices of a real-estate example (3 decimals)', () => {
    // https://soft.onlineoutput.com/topsis/output?project_id=16207_763437 — return (+), growth (+),
    // security (+), property cost (-), infrastructure (+), weights 0.4/0.2/0.1/0.2/0.1.
    const cities = [
      [4, 5, 6, 7, 6],
      [5, 1, 7, 6, 3],
      [3, 3, 1, 6, 6],
      [1, 5, 1, 5, 3],
    ];
    const s = topsisSteps(cities, [0.4, 0.2, 0.1, 0.2, 0.1], [true, true, true, false, true]);
    const round3 = (m: number[][]) => m.map((row) => row.map((v) => Number(v.toFixed(3))));
    expect(round3(s.normalized)).toEqual([
      [0.56, 0.645, 0.643, 0.579, 0.632],
      [0.7, 0.129, 0.75, 0.497, 0.316],
      [0.42, 0.387, 0.107, 0.497, 0.632],
      [0.14, 0.645, 0.107, 0.414, 0.316],
    ]);
    expect(round3(s.weighted).slice(0, 3)).toEqual([
      [0.224, 0.129, 0.064, 0.116, 0.063],
      [0.28, 0.026, 0.075, 0.099, 0.032],
      [0.168, 0.077, 0.011, 0.099, 0.063],
    ]);
  });

  it('gives closeness 1 to an alternative that is the ideal and 0 to one that is the anti-ideal', () => {
    const { closeness, ranks } = topsis([[10, 1], [5, 2], [1, 3]], [1, 1], [true, false]);
    expect(closeness[0]).toBe(1);
    expect(closeness[2]).toBe(0);
    expect(ranks).toEqual([1, 2, 3]);
  });

  it('ranks ties equally and handles a single alternative', () => {
    expect(topsis([[3, 4], [3, 4], [1, 9]], [1, 1], [true, false]).ranks).toEqual([1, 1, 3]);
    expect(topsis([[2, 7]], [0.5, 0.5], [true, true])).toEqual({ closeness: [1], ranks: [1] });
  });

  it('rejects malformed input with TOPSIS_INPUT_INVALID', () => {
    const bad: [number[][], number[], boolean[]][] = [
      [[], [1], [true]],
      [[[1, 2]], [1], [true]],
      [[[1, 2]], [1, 1], [true]],
      [[[1, Number.NaN]], [1, 1], [true, true]],
      [[[1, 2]], [0, 0], [true, true]],
      [[[1, 2]], [-1, 2], [true, true]],
    ];
    for (const [m, w, b] of bad) {
      expect(() => topsis(m, w, b)).toThrow(expect.objectContaining({ code: 'TOPSIS_INPUT_INVALID', status: 400 }));
    }
  });
});
