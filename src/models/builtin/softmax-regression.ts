import type { SparseVector } from './sparse-vector.ts';

/** A multinomial logistic regression over sparse features. */
export interface SoftmaxRegression {
  /** The score of each class (before the softmax). */
  logits(x: SparseVector): number[];
}

export interface RegressionOptions {
  epochs?: number;
  learningRate?: number;
  /** L2 penalty. */
  l2?: number;
  /** Weight of each training row (1 when absent). */
  weights?: number[];
}

/** A small seeded generator (mulberry32), so training is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Trains by stochastic gradient descent over rows shuffled by a seeded generator (the same model on
 * every run), with an L2 penalty applied to the features a row touches.
 */
export function trainSoftmaxRegression(rows: SparseVector[], labels: number[], classes: number, options: RegressionOptions = {}): SoftmaxRegression {
  const { epochs = 40, learningRate = 0.5, l2 = 1e-4 } = options;
  const featureIndex = new Map<string, number>();
  const dense = rows.map((x) => {
    const index = new Int32Array(x.size);
    const value = new Float64Array(x.size);
    let k = 0;
    for (const [f, v] of x) {
      let i = featureIndex.get(f);
      if (i === undefined) { i = featureIndex.size; featureIndex.set(f, i); }
      index[k] = i * classes;
      value[k++] = v;
    }
    return { index, value };
  });
  const w = new Float64Array(featureIndex.size * classes);
  const bias = new Float64Array(classes);
  const out = new Float64Array(classes);
  const scoreInto = (index: Int32Array, value: Float64Array) => {
    out.set(bias);
    for (let k = 0; k < index.length; k++) {
      const base = index[k]!;
      const v = value[k]!;
      for (let c = 0; c < classes; c++) out[c]! += w[base + c]! * v;
    }
    let top = -Infinity;
    for (let c = 0; c < classes; c++) top = Math.max(top, out[c]!);
    let total = 0;
    for (let c = 0; c < classes; c++) { out[c] = Math.exp(out[c]! - top); total += out[c]!; }
    for (let c = 0; c < classes; c++) out[c]! /= total;
  };
  const order = rows.map((_, i) => i);
  const random = seeded(rows.length * 31 + classes);
  for (let epoch = 0; epoch < epochs; epoch++) {
    const rate = learningRate / (1 + epoch * 0.1);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const r of order) {
      const { index, value } = dense[r]!;
      scoreInto(index, value);
      out[labels[r]!]! -= 1;
      const scale = rate * (options.weights?.[r] ?? 1);
      for (let c = 0; c < classes; c++) bias[c]! -= scale * out[c]!;
      for (let k = 0; k < index.length; k++) {
        const base = index[k]!;
        const v = value[k]!;
        for (let c = 0; c < classes; c++) w[base + c] = w[base + c]! - scale * (out[c]! * v + l2 * w[base + c]!);
      }
    }
  }
  return {
    logits(x) {
      const result = Array.from(bias);
      for (const [f, v] of x) {
        const i = featureIndex.get(f);
        if (i === undefined) continue;
        for (let c = 0; c < classes; c++) result[c]! += w[i * classes + c]! * v;
      }
      return result;
    },
  };
}
