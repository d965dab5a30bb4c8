import { describe, expect, it } from 'vitest';
import { trainSoftmaxRegression } from './softmax-regression.ts';

const v = (...features: string[]) => new Map(features.map((f) => [f, 1 / Math.sqrt(features.length)]));

describe('softmax regression', () => {
  const rows = [v('red', 'apple'), v('red', 'cherry'), v('yellow', 'banana'), v('yellow', 'lemon'), v('green', 'lime'), v('green', 'apple')];
  const labels = [0, 0, 1, 1, 2, 2];

  it('learns which features tell classes apart', () => {
    const model = trainSoftmaxRegression(rows, labels, 3);
    const best = (x: Map<string, number>) => { const l = model.logits(x); return l.indexOf(Math.max(...l)); };
    expect(best(v('red'))).toBe(0);
    expect(best(v('yellow', 'unknown'))).toBe(1);
    expect(best(v('green'))).toBe(2);
  });

  it('trains the same model every time', () => {
    const a = trainSoftmaxRegression(rows, labels, 3).logits(v('apple'));
    const b = trainSoftmaxRegression(rows, labels, 3).logits(v('apple'));
    expect(a).toEqual(b);
  });
});
