import { describe, expect, it } from 'vitest';
import { extractEntities } from './extract-entities.ts';

const money = (text: string) => extractEntities(text, new Date()).money.map(({ amount, currency }) => `${amount} ${currency}`);

describe('money', () => {
  it('reads symbols, codes and names before or after the amount', () => {
    expect(money('$4.50 per unit, €12, £3.20, ¥500, 15€')).toEqual(['4.5 USD', '12 EUR', '3.2 GBP', '500 JPY', '15 EUR']);
    expect(money('2.5k USD, EUR 1,200, RMB 18.5, CA$15, A$39.95, US$7.20')).toEqual(['2500 USD', '1200 EUR', '18.5 CNY', '15 CAD', '39.95 AUD', '7.2 USD']);
    expect(money('20 euros, 3 dollars, 100 yuan, 500 yen, twelve dollars, 50 cents')).toEqual(['20 EUR', '3 USD', '100 CNY', '500 JPY', '12 USD', '0.5 USD']);
    expect(money('$10k budget, $1.2M raise')).toEqual(['10000 USD', '1200000 USD']);
  });

  it('reads pounds as sterling only when the words around speak of money', () => {
    expect(money('the budget is 500 pounds')).toEqual(['500 GBP']);
    expect(money('it weighs 5 pounds')).toEqual([]);
  });

  it('does not read lower-case words that look like codes, or bare numbers', () => {
    expect(money('give it 5 try, a budget of 5k, 30%')).toEqual([]);
  });
});
