import { describe, expect, it } from 'vitest';
import { extractEntities } from './extract-entities.ts';

const devices = (text: string) => extractEntities(text, new Date()).devices.map((d) => `${d.brand}: ${d.model}`);

describe('device models', () => {
  it('reads models of each family with their variants', () => {
    expect(devices('iPhone 16 Pro Max, iphone 13 mini, Galaxy S23+, Samsung S22 Ultra, Pixel 8a, Pixel 9 Pro XL, OnePlus 12, Galaxy Z Fold6, AirPods Pro 2, iPad Air')).toEqual([
      'Apple: iPhone 16 Pro Max', 'Apple: iPhone 13 mini', 'Samsung: Galaxy S23+', 'Samsung: Galaxy S22 Ultra', 'Google: Pixel 8a',
      'Google: Pixel 9 Pro XL', 'OnePlus: OnePlus 12', 'Samsung: Galaxy Z Fold 6', 'Apple: AirPods Pro 2', 'Apple: iPad Air',
    ]);
  });

  it('reads lists that share a family', () => {
    expect(devices('mixed between iPhone 14/15, 10,000 units')).toEqual(['Apple: iPhone 14', 'Apple: iPhone 15']);
    expect(devices('for the iPhone 15 Pro and Pro Max')).toEqual(['Apple: iPhone 15 Pro', 'Apple: iPhone 15 Pro Max']);
    expect(devices('Galaxy S24 and S24 Ultra, Galaxy A54 and A55')).toEqual(['Samsung: Galaxy S24', 'Samsung: Galaxy S24 Ultra', 'Samsung: Galaxy A54', 'Samsung: Galaxy A55']);
    expect(devices('Apple Watch Series 9 and Ultra 2')).toEqual(['Apple: Apple Watch Series 9', 'Apple: Apple Watch Ultra 2']);
  });

  it('does not read model-like words without the family', () => {
    expect(devices('the S24 form, an A54 sheet, Pixel art')).toEqual([]);
  });
});
