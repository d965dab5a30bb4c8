import { describe, expect, it } from 'vitest';
import { normaliseWeights, roundWeights, weightPercents } from './product-weights.ts';

describe('normaliseWeights', () => {
  it('scales any non-negative weights to sum 1, keeping their ratios', () => {
    const w = normaliseWeights({ price: 4, quality: 2, delivery: 2, compliance: 0 });
    expect(w).toEqual({ price: 0.5, quality: 0.25, delivery: 0.25, compliance: 0 });
  });

  it('treats negative and non-finite weights as zero', () => {
    expect(normaliseWeights({ price: -3, quality: Number.NaN, delivery: 1, compliance: Infinity })).toEqual({ price: 0, quality: 0, delivery: 1, compliance: 0 });
  });

  it('shares equally when every weight is zero', () => {
    expect(normaliseWeights({ price: 0, quality: 0, delivery: 0, compliance: 0 })).toEqual({ price: 0.25, quality: 0.25, delivery: 0.25, compliance: 0.25 });
  });
});

describe('weightPercents', () => {
  it('gives whole percentages that always total 100', () => {
    const p = weightPercents({ price: 1, quality: 1, delivery: 1, compliance: 0 });
    expect(p.price + p.quality + p.delivery + p.compliance).toBe(100);
    expect(Object.values(p).toSorted((a, b) => a - b)).toEqual([0, 33, 33, 34]);
    expect(weightPercents({ price: 40, quality: 25, delivery: 20, compliance: 15 })).toEqual({ price: 40, quality: 25, delivery: 20, compliance: 15 });
  });
});

describe('roundWeights', () => {
  it('rounds to four decimals', () => {
    expect(roundWeights({ price: 1 / 3, quality: 2 / 3, delivery: 0, compliance: 0.123456 })).toEqual({ price: 0.3333, quality: 0.6667, delivery: 0, compliance: 0.1235 });
  });
});
