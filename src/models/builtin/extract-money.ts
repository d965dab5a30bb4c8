import { currencyCodes, currencyNames, currencySymbols } from './currency-table.ts';
import { foundAt, matchesOf, type FoundMention } from './found-mention.ts';
import { digitsSource, parseDigits, parseWordNumber, roundTo, wordNumberSource } from './number-parse.ts';
import { poundsMeanMoney } from './pound-sense.ts';

const escape = (s: string) => s.replace(/[$¥+]/g, (c) => `\\${c}`);
const symbols = currencySymbols.map(([s]) => escape(s)).join('|');
const codes = [...currencyCodes.keys()].join('|');
const safeLowerCodes = 'usd|eur|gbp|rmb|cny|jpy';
const moneyScale = String.raw`(?:\s?(?:k|K|m|M|mn|mln|bn|MM)(?![a-zA-Z])|\s(?:thousand|million|billion)\b)`;
const amount = String.raw`(${digitsSource}${moneyScale}?)`;

const symbolFirst = new RegExp(String.raw`(?<![\w$])(${symbols})\s?${amount}`, 'g');
const codeFirst = new RegExp(String.raw`\b(${codes}|${safeLowerCodes})\s?${amount}`, 'g');
const amountFirst = new RegExp(String.raw`(?<![\w.,$€£¥])(${digitsSource}${moneyScale}?|${wordNumberSource})\s?(?:(${codes}|${safeLowerCodes})\b|(€|£|¥)|(?=[a-zA-Z]))`, 'g');
const cents = new RegExp(String.raw`(?<![\w.,$€£¥])(${digitsSource})\s?(?:cents?\b|¢)`, 'gi');

const codeOf = (written: string) => currencyCodes.get(written.toUpperCase());
const symbolCode = (written: string) => currencySymbols.find(([s]) => s === written)![1];

/**
 * Money with its ISO currency: "$4.50", "€12", "2.5k USD", "RMB 18.5", "20 euros", "£2,000",
 * "50 cents". "$" alone is taken as US dollars; "pounds" as sterling only where the words around
 * speak of money rather than weight.
 */
export function extractMoney(text: string): FoundMention<'money'>[] {
  const found: FoundMention<'money'>[] = [];
  const add = (start: number, end: number, value: number | undefined, currency: string | undefined) => {
    if (value !== undefined && currency !== undefined && value >= 0) found.push(foundAt('money', text, start, end, { amount: roundTo(value, 6), currency }));
  };
  for (const m of matchesOf(symbolFirst, text)) add(m.index, m.index + m[0].length, parseDigits(m[2]!), symbolCode(m[1]!));
  for (const m of matchesOf(codeFirst, text)) add(m.index, m.index + m[0].length, parseDigits(m[2]!), codeOf(m[1]!));
  for (const m of matchesOf(amountFirst, text)) {
    const value = /\d/.test(m[1]!) ? parseDigits(m[1]!) : parseWordNumber(m[1]!);
    const end = m.index + m[0].length;
    if (m[2] !== undefined) { add(m.index, end, value, codeOf(m[2])); continue; }
    if (m[3] !== undefined) { add(m.index, end, value, symbolCode(m[3])); continue; }
    const rest = text.slice(end);
    if (/^pounds?\b/i.test(rest) && !/^pounds?\s+sterling/i.test(rest)) {
      if (poundsMeanMoney(text, m.index)) add(m.index, end + /^pounds?/i.exec(rest)![0].length, value, 'GBP');
      continue;
    }
    for (const [pattern, currency] of currencyNames) {
      const name = pattern.exec(rest);
      if (name) { add(m.index, end + name[0].length, value, currency); break; }
    }
  }
  for (const m of matchesOf(cents, text)) {
    const value = parseDigits(m[1]!);
    add(m.index, m.index + m[0].length, value === undefined ? undefined : value / 100, 'USD');
  }
  return found;
}
