import { describe, expect, it } from 'vitest';
import { extractWeights } from './extract-weights.ts';

const weights = (text: string) => extractWeights(text).map(({ entity: { value, unit, grams } }) => ({ value, unit, grams }));

describe('weights', () => {
  it('reads every unit and converts to grams', () => {
    expect(weights('180 g, 1.2kg, 500mg, 8 oz, 2.2 lbs, two kilos, 1,200 grams')).toEqual([
      { value: 180, unit: 'g', grams: 180 },
      { value: 1.2, unit: 'kg', grams: 1200 },
      { value: 500, unit: 'mg', grams: 0.5 },
      { value: 8, unit: 'oz', grams: 226.796 },
      { value: 2.2, unit: 'lb', grams: 997.903 },
      { value: 2, unit: 'kg', grams: 2000 },
      { value: 1200, unit: 'g', grams: 1200 },
    ]);
  });

  it('does not read fabric weights, capacities or sterling as weights', () => {
    expect(weights('180 gsm cotton, 200 g/m² fleece')).toEqual([]);
    expect(weights('a 20 oz tumbler and a 32 oz insulated bottle')).toEqual([]);
    expect(weights('the budget is 500 pounds')).toEqual([]);
    expect(weights('it weighs 5 pounds')).toEqual([{ value: 5, unit: 'lb', grams: 2267.962 }]);
  });
});
