import { describe, expect, it } from 'vitest';
import { extractEntities } from './extract-entities.ts';

const markets = (text: string) => extractEntities(text, new Date()).markets.map((m) => m.code);

describe('target markets', () => {
  it('reads countries as ISO codes and regions', () => {
    expect(markets('Selling in the USA, Canada, the UK and Germany')).toEqual(['US', 'CA', 'GB', 'DE']);
    expect(markets('Europe first, then North America, Latin America, the Middle East and APAC; eventually worldwide')).toEqual(['EU', 'NA', 'LATAM', 'MENA', 'APAC', 'GLOBAL']);
  });

  it('reads demonyms before a market noun and Amazon marketplaces', () => {
    expect(markets('the Japanese market and Canadian customers')).toEqual(['JP', 'CA']);
    expect(markets('on Amazon DE and Amazon UK')).toEqual(['DE', 'GB']);
  });

  it('leaves out where goods are made, and lists of such places', () => {
    expect(markets('Manufactured in Vietnam, sold in Canada')).toEqual(['CA']);
    expect(markets('suppliers in China, Vietnam and India')).toEqual([]);
    expect(markets('a US-made strap, Chinese suppliers')).toEqual([]);
  });

  it('does not read "us" the pronoun or china the porcelain', () => {
    expect(markets('send us a fine china cup')).toEqual([]);
  });
});
