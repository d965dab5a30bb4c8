/** Currency symbols written before an amount, longest first so "US$" wins over "$". */
export const currencySymbols: readonly [string, string][] = [
  ['US$', 'USD'], ['CA$', 'CAD'], ['CAD$', 'CAD'], ['C$', 'CAD'], ['AU$', 'AUD'], ['A$', 'AUD'], ['NZ$', 'NZD'],
  ['HK$', 'HKD'], ['S$', 'SGD'], ['R$', 'BRL'], ['MX$', 'MXN'], ['CN¥', 'CNY'], ['RMB¥', 'CNY'], ['$', 'USD'],
  ['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY'], ['₹', 'INR'], ['₩', 'KRW'], ['₫', 'VND'], ['₺', 'TRY'], ['₪', 'ILS'],
];

/** ISO 4217 codes recognised in text (upper case), and RMB for the renminbi. */
export const currencyCodes: ReadonlyMap<string, string> = new Map([
  ...['USD', 'EUR', 'GBP', 'JPY', 'CNY', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'INR', 'KRW', 'CHF', 'SEK', 'NOK', 'DKK',
    'MXN', 'BRL', 'VND', 'THB', 'TWD', 'AED', 'SAR', 'ZAR', 'PLN', 'TRY', 'ILS', 'CZK', 'HUF', 'IDR', 'MYR', 'PHP'].map((c): [string, string] => [c, c]),
  ['RMB', 'CNY'],
]);

/** Currency names written after an amount ("20 euros", "3 dollars", "500 yen"). */
export const currencyNames: readonly [RegExp, string][] = [
  [/^(?:us\s+|american\s+)?dollars?\b|^bucks\b/i, 'USD'],
  [/^canadian\s+dollars?\b/i, 'CAD'],
  [/^australian\s+dollars?\b/i, 'AUD'],
  [/^euros?\b/i, 'EUR'],
  [/^(?:pounds?\s+sterling|sterling|quid)\b/i, 'GBP'],
  [/^yen\b/i, 'JPY'],
  [/^(?:yuan|renminbi)\b/i, 'CNY'],
  [/^rupees?\b/i, 'INR'],
  [/^swiss\s+francs?\b/i, 'CHF'],
];
