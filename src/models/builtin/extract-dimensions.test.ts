import { describe, expect, it } from 'vitest';
import { extractDimensions } from './extract-dimensions.ts';

const dimensions = (text: string) => extractDimensions(text).map((f) => f.entity);

describe('dimensions', () => {
  it('reads sizes with one unit for every value and converts to millimetres', () => {
    expect(dimensions('150 x 75 x 9 mm')).toEqual([{ values: [150, 75, 9], unit: 'mm', mm: [150, 75, 9], text: '150 x 75 x 9 mm' }]);
    expect(dimensions('30x20cm')[0]).toMatchObject({ values: [30, 20], unit: 'cm', mm: [300, 200] });
    expect(dimensions('71.5 × 147.6 × 7.8 mm')[0]).toMatchObject({ values: [71.5, 147.6, 7.8], unit: 'mm' });
    expect(dimensions('20cm by 15cm')[0]).toMatchObject({ values: [20, 15], unit: 'cm' });
  });

  it('reads inches and feet in words, abbreviations and marks', () => {
    expect(dimensions('a 6.1 inch screen')[0]).toMatchObject({ values: [6.1], unit: 'in', mm: [154.94] });
    expect(dimensions('a 14-inch sleeve')[0]).toMatchObject({ values: [14], unit: 'in' });
    expect(dimensions('12" x 16" poster')[0]).toMatchObject({ values: [12, 16], unit: 'in', mm: [304.8, 406.4] });
    expect(dimensions("a 5'x3' rug")[0]).toMatchObject({ values: [5, 3], unit: 'ft', mm: [1524, 914.4] });
    expect(dimensions('six feet long')[0]).toMatchObject({ values: [6], unit: 'ft' });
    expect(dimensions('2 metres of cable')[0]).toMatchObject({ values: [2], unit: 'm', mm: [2000] });
  });

  it('reads feet and inches together as feet', () => {
    const found = dimensions('5 ft 6 in tall');
    expect(found.find((d) => d.text === '5 ft 6 in')).toMatchObject({ values: [5.5], unit: 'ft', mm: [1676.4] });
  });

  it('does not read "in" the preposition, metres of a million, or unitless sizes', () => {
    expect(dimensions('10 in black')).toEqual([]);
    expect(dimensions('1.5m units')).toEqual([]);
    expect(dimensions('150 x 75')).toEqual([]);
    expect(dimensions('in 6 months')).toEqual([]);
  });
});
