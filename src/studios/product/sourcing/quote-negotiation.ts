import { formatCount, formatMoney, formatUnitPrice } from './display-format.ts';
import type { EvaluatedQuote } from './quote-evaluation.ts';
import type { QuoteAnalysis } from './quote-types.ts';

type Opportunity = QuoteAnalysis['negotiation'][number];

/** A tier this close above the need is worth asking about: its price may stretch down to the order. */
const nearTier = 1.25;
/** Deposits above this share of the order are worth negotiating down. */
const maxDeposit = 0.3;

/** The share paid before production, read from terms such as "50% deposit" or "100% T/T in advance". */
export function depositShare(terms: string): number | undefined {
  const m = /(\d{1,3})\s*%\s*(?:t\/t\s*)?(?:deposit|advance|in advance|upfront|prepayment|down payment)/i.exec(terms)
    ?? /(?:deposit|advance|upfront|prepayment)\D{0,12}(\d{1,3})\s*%/i.exec(terms);
  return m ? Math.min(100, Number(m[1])) / 100 : undefined;
}

/** What to negotiate with each acceptable quote (`candidates`), benchmarked against the others. */
export function negotiationOf(evaluated: readonly EvaluatedQuote[], candidates: readonly EvaluatedQuote[], ctx: { quantity: number; currency: string }): Opportunity[] {
  const out: Opportunity[] = [];
  const money = (v: number) => formatMoney(v, ctx.currency);
  const unit = (v: number) => formatUnitPrice(v, ctx.currency);
  for (const e of candidates) {
    const { quote } = e;
    const add = (opportunity: string, potentialSavings?: number) => out.push({
      quoteId: quote.id, supplierName: quote.supplierName, opportunity,
      ...(potentialSavings === undefined ? {} : { potentialSavings: Math.round(potentialSavings * 100) / 100 }),
    });

    // Only offers that are themselves acceptable are fair benchmarks: a price tied to a larger MOQ or from a supplier lacking a required certificate is not.
    const rivals = candidates.filter((o) => o !== e && o.tiers.some((t) => t.quantity === e.tier.quantity));
    const best = rivals.map((o) => ({ o, price: o.tiers.find((t) => t.quantity === e.tier.quantity)?.unitPrice ?? Infinity })).sort((a, b) => a.price - b.price)[0];
    if (best && best.price < e.unitPrice - 0.005) {
      add(`Ask to match ${unit(best.price)}/unit, quoted by ${best.o.quote.supplierName} at the same ${formatCount(e.tier.quantity)}-unit tier (${unit(e.unitPrice)} quoted).`, (e.unitPrice - best.price) * ctx.quantity);
    }

    const waivers = evaluated.filter((o) => o !== e && o.toolingCost === 0).length;
    if (e.toolingCost > 0 && waivers > 0) {
      add(`Ask to waive or amortise the ${money(e.toolingCost)} tooling charge: ${waivers} other supplier${waivers > 1 ? 's quote' : ' quotes'} none.`, e.toolingCost);
    }

    const next = e.tiers.find((t) => t.quantity > ctx.quantity && t.quantity <= ctx.quantity * nearTier && t.unitPrice < e.unitPrice - 0.005);
    if (next) {
      const totalNow = e.total;
      const totalNext = next.unitPrice * next.quantity + e.toolingCost;
      add(`The ${formatCount(next.quantity)}-unit tier is ${unit(next.unitPrice)} against ${unit(e.unitPrice)}: ask for that price at ${formatCount(ctx.quantity)} units, or compare ordering ${formatCount(next.quantity)} for ${money(totalNext)} in total against ${money(totalNow)}.`,
        (e.unitPrice - next.unitPrice) * ctx.quantity);
    }

    const deposit = depositShare(quote.paymentTerms);
    if (!quote.paymentTerms.trim()) add('No payment terms were stated: propose a 30% deposit and 70% against a copy of the bill of lading.');
    else if (deposit !== undefined && deposit > maxDeposit) {
      add(`Payment terms ask for ${Math.round(deposit * 100)}% before production ("${quote.paymentTerms}"): propose a 30% deposit and 70% against a copy of the bill of lading, or payment after the pre-shipment inspection.`);
    }
  }
  return out;
}
