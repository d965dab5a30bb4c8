import { describe, expect, it } from 'vitest';
import { emptyEntities, extractEntities } from './extract-entities.ts';

describe('extractEntities', () => {
  it('gives each word one reading: a size is not two quantities, a price not a quantity, a model not a number', () => {
    const e = extractEntities('We need 10,000 units in black TPU, 150 x 75 mm, at $4.50 per unit, for the iPhone 15.', new Date('2026-03-04'));
    expect(e.quantities.map((q) => q.value)).toEqual([10_000]);
    expect(e.dimensions.map((d) => d.values)).toEqual([[150, 75]]);
    expect(e.money.map((m) => m.amount)).toEqual([4.5]);
    expect(e.devices.map((d) => d.model)).toEqual(['iPhone 15']);
    expect(e.colors.map((c) => c.name)).toEqual(['black']);
    expect(e.materials.map((m) => m.name)).toEqual(['TPU']);
  });

  it('lists a repeated reading once', () => {
    expect(extractEntities('black body, black strap', new Date()).colors).toHaveLength(1);
  });

  it('finds nothing in chat with nothing to find', () => {
    expect(extractEntities('Thanks! Can you make the logo smaller and move it to the left?', new Date())).toEqual(emptyEntities());
    expect(extractEntities('', new Date())).toEqual(emptyEntities());
  });
});
