import { describe, expect, it } from 'vitest';
import { extractEntities } from './extract-entities.ts';

const quantities = (text: string) => extractEntities(text, new Date('2026-03-04')).quantities.map(({ value, unit }) => (unit ? { value, unit } : { value }));

describe('quantities', () => {
  it('reads a number before the counted noun, canonicalising counting words', () => {
    expect(quantities('We need 2,500 cases, 1.5m units and 3 boxes of 12 pieces.')).toEqual([
      { value: 2_500, unit: 'cases' }, { value: 1_500_000, unit: 'units' }, { value: 3, unit: 'boxes' }, { value: 12, unit: 'pieces' },
    ]);
    expect(quantities('Quote 5k pcs, then 300 ctns')).toEqual([{ value: 5_000, unit: 'pieces' }, { value: 300, unit: 'cartons' }]);
  });

  it('takes the head noun of the phrase, skipping its modifiers', () => {
    expect(quantities('10,000 custom phone cases and 500 black t-shirts')).toEqual([{ value: 10_000, unit: 'cases' }, { value: 500, unit: 't-shirts' }]);
  });

  it('reads numbers in words', () => {
    expect(quantities('a hundred sets, twelve dozen pairs, half a million bags')).toEqual([
      { value: 100, unit: 'sets' }, { value: 144, unit: 'pairs' }, { value: 500_000, unit: 'bags' },
    ]);
  });

  it('reads a bare number after a quantity cue or with a scale', () => {
    expect(quantities('MOQ 2000, quantity: 750, in total 4,500')).toEqual([{ value: 2_000 }, { value: 750 }, { value: 4_500 }]);
    expect(quantities('$1.20 at 10k, $1.05 at 50k')).toEqual([{ value: 10_000 }, { value: 50_000 }]);
    expect(quantities('We need 300 of them.')).toEqual([{ value: 300 }]);
  });

  it('does not count numbers that measure, identify, or count work, time, people or money', () => {
    expect(quantities('Version 2 looks better; we have 3 options, 5 suppliers and 4 weeks.')).toEqual([]);
    expect(quantities('A 500 ml bottle, 180 gsm, 30% deposit, iPhone 15, 5 colours x 3 sizes = 15 SKUs')).toEqual([]);
    expect(quantities('a budget of 5k, $4.50 per unit, 150 x 75 mm')).toEqual([]);
    expect(quantities('a few hundred units')).toEqual([]);
  });

  it('keeps the words as written', () => {
    expect(extractEntities('Order 10,000 custom phone cases.', new Date()).quantities[0]?.text).toBe('10,000 custom phone cases');
  });
});
