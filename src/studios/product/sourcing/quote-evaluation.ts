import { FoundryError } from '../../../kernel/index.ts';
import { holdsCertification } from './certification-match.ts';
import { landedUnitPrice, tierPriceAt, type TierPrice } from './quote-pricing.ts';
import type { StoredQuote } from './quote-types.ts';

/** One quote's raw criteria at the needed quantity, in the comparison currency. */
export interface EvaluatedQuote {
  quote: StoredQuote;
  /** Value of one unit of the quote's currency in the comparison currency. */
  rate: number;
  tier: TierPrice;
  unitPrice: number;
  toolingCost: number;
  landed: number;
  total: number;
  /** 0..1: rating / 5, or 0.5 when the supplier has no rating. */
  quality: number;
  qualityKnown: boolean;
  /** Share of the required certifications held (1 when none is required). */
  compliance: number;
  held: string[];
  missing: string[];
  /** Price of every quoted tier, converted, ascending by quantity. */
  tiers: { quantity: number; unitPrice: number }[];
}

export interface CurrencyContext {
  /** The currency to compare in; defaults to the one most quotes use. */
  currency?: string;
  /** Value of one unit of each other currency in the comparison currency, e.g. { EUR: 1.08 } for USD. */
  exchangeRates?: Record<string, number>;
}

/** The currency most quotes use (the first quote's on a tie). */
export function comparisonCurrency(quotes: readonly StoredQuote[], requested?: string): string {
  if (requested) return requested.toUpperCase();
  const counts = new Map<string, number>();
  for (const q of quotes) counts.set(q.currency.toUpperCase(), (counts.get(q.currency.toUpperCase()) ?? 0) + 1);
  let best = quotes[0]?.currency.toUpperCase() ?? 'USD';
  for (const [currency, n] of counts) if (n > (counts.get(best) ?? 0)) best = currency;
  return best;
}

export function evaluateQuotes(quotes: readonly StoredQuote[], quantity: number, requiredCertifications: readonly string[], currency: string, rates: Record<string, number> = {}): EvaluatedQuote[] {
  const unconvertible = [...new Set(quotes.map((q) => q.currency.toUpperCase()))]
    .filter((c) => c !== currency && !(Number.isFinite(rates[c]) && (rates[c] ?? 0) > 0));
  if (unconvertible.length > 0) {
    throw new FoundryError({
      code: 'QUOTE_CURRENCIES_MIXED', status: 400,
      message: `Quotes in ${unconvertible.join(', ')} cannot be compared with quotes in ${currency} without an exchange rate; give one or convert the quotes.`,
      details: { currency, unconvertible },
    });
  }
  return quotes.map((quote) => {
    const rate = quote.currency.toUpperCase() === currency ? 1 : rates[quote.currency.toUpperCase()] ?? 1;
    const tiers = [...quote.tiers].sort((a, b) => a.quantity - b.quantity).map((t) => ({ quantity: t.quantity, unitPrice: t.unitPrice * rate }));
    const tier = tierPriceAt(tiers, quantity);
    const toolingCost = quote.toolingCost * rate;
    const landed = landedUnitPrice(tier.unitPrice, toolingCost, quantity);
    const held = requiredCertifications.filter((c) => holdsCertification(quote.certifications, c));
    const missing = requiredCertifications.filter((c) => !held.includes(c));
    const qualityKnown = quote.qualityRating !== undefined;
    return {
      quote, rate, tier, unitPrice: tier.unitPrice, toolingCost, landed, total: tier.unitPrice * quantity + toolingCost,
      quality: qualityKnown ? (quote.qualityRating ?? 0) / 5 : 0.5, qualityKnown,
      compliance: requiredCertifications.length === 0 ? 1 : held.length / requiredCertifications.length,
      held, missing, tiers,
    };
  });
}
