import { describe, expect, it } from 'vitest';
import { emptyEntities } from '../models/index.ts';
import { describeEntities } from './describe-entities.ts';

describe('describeEntities', () => {
  it('writes one line per kind found, in normalised form', () => {
    const entities = {
      ...emptyEntities(),
      quantities: [{ text: '10k units', value: 10_000, unit: 'units' }],
      dimensions: [{ text: '150x75mm', values: [150, 75], unit: 'mm' as const, mm: [150, 75] }],
      colors: [{ text: 'PMS 186 C', pantone: 'Pantone 186 C' }, { text: 'black', name: 'black', hex: '#000000' }],
      money: [{ text: '$4.50', amount: 4.5, currency: 'USD' }],
      dates: [{ text: 'by March 15', date: '2027-03-15', deadline: true }],
    };
    expect(describeEntities(entities)).toEqual([
      'Quantity: 10,000 units', 'Dimensions: 150 × 75 mm', 'Colour: Pantone 186 C, black', 'Date: by 2027-03-15', 'Price: 4.5 USD',
    ]);
  });

  it('says nothing when nothing was found', () => {
    expect(describeEntities(emptyEntities())).toEqual([]);
  });
});
