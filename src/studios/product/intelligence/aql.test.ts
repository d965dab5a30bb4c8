import { describe, expect, it } from 'vitest';
import { codeLetterFor, sampleSizeFor, samplingPlan } from './aql.ts';

describe('ISO 2859-1 general inspection level II', () => {
  it('maps lot sizes to code letters and sample sizes', () => {
    const rows: [number, string, number][] = [
      [8, 'A', 2], [15, 'B', 3], [25, 'C', 5], [50, 'D', 8], [90, 'E', 13], [150, 'F', 20], [280, 'G', 32], [500, 'H', 50],
      [1200, 'J', 80], [1201, 'K', 125], [3200, 'K', 125], [10_000, 'L', 200], [35_000, 'M', 315], [150_000, 'N', 500], [500_000, 'P', 800], [500_001, 'Q', 1250],
    ];
    for (const [lot, letter, n] of rows) {
      expect(codeLetterFor(lot), `lot ${lot}`).toBe(letter);
      expect(sampleSizeFor(letter)).toBe(n);
    }
  });

  it('reads known Ac/Re rows of the normal single sampling master table', () => {
    expect(samplingPlan('L', 2.5)).toMatchObject({ sampleSize: 200, accept: 10, reject: 11 });
    expect(samplingPlan('L', 4.0)).toMatchObject({ sampleSize: 200, accept: 14, reject: 15 });
    expect(samplingPlan('J', 2.5)).toMatchObject({ sampleSize: 80, accept: 5, reject: 6 });
    expect(samplingPlan('J', 4.0)).toMatchObject({ sampleSize: 80, accept: 7, reject: 8 });
    expect(samplingPlan('K', 2.5)).toMatchObject({ sampleSize: 125, accept: 7 });
    expect(samplingPlan('M', 2.5)).toMatchObject({ sampleSize: 315, accept: 14 });
    expect(samplingPlan('M', 4.0)).toMatchObject({ sampleSize: 315, accept: 21 });
    expect(samplingPlan('N', 2.5)).toMatchObject({ sampleSize: 500, accept: 21, reject: 22 });
    expect(samplingPlan('H', 4.0)).toMatchObject({ sampleSize: 50, accept: 5 });
    expect(samplingPlan('L', 1.0)).toMatchObject({ sampleSize: 200, accept: 5 });
    expect(samplingPlan('J', 6.5)).toMatchObject({ sampleSize: 80, accept: 10 });
  });

  it('follows the arrows to the plan they point at', () => {
    // AQL 2.5: D points up to C (n 5, Ac 0), E points down to F (n 20, Ac 1), P points up to N.
    expect(samplingPlan('D', 2.5)).toMatchObject({ codeLetter: 'C', sampleSize: 5, accept: 0 });
    expect(samplingPlan('E', 2.5)).toMatchObject({ codeLetter: 'F', sampleSize: 20, accept: 1 });
    expect(samplingPlan('A', 2.5)).toMatchObject({ codeLetter: 'C', sampleSize: 5, accept: 0 });
    expect(samplingPlan('Q', 2.5)).toMatchObject({ codeLetter: 'N', sampleSize: 500, accept: 21 });
    // AQL 4.0: D points down to E (n 13, Ac 1); N points up to M.
    expect(samplingPlan('D', 4.0)).toMatchObject({ codeLetter: 'E', sampleSize: 13, accept: 1 });
    expect(samplingPlan('N', 4.0)).toMatchObject({ codeLetter: 'M', sampleSize: 315, accept: 21 });
  });

  it('switches to 100% inspection when the sample reaches the lot', () => {
    expect(samplingPlan(codeLetterFor(10), 2.5, 10)).toMatchObject({ sampleSize: 5, hundredPercent: false });
    expect(samplingPlan('C', 4.0, 3)).toMatchObject({ codeLetter: 'B', sampleSize: 3, hundredPercent: true });
  });

  it('rejects invalid input', () => {
    expect(() => codeLetterFor(1)).toThrow(/at least 2/);
    expect(() => samplingPlan('J', 3)).toThrow(/not supported/);
    expect(() => sampleSizeFor('I')).toThrow(/Unknown/);
  });
});
