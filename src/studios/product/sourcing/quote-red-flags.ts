import { addDays, daysBetween } from './calendar-dates.ts';
import { formatCount, formatLongDate, formatMoney, formatPercent, formatUnitPrice, joinWords } from './display-format.ts';
import { median, quantile } from './quote-pricing.ts';
import type { EvaluatedQuote } from './quote-evaluation.ts';
import type { RedFlag } from './quote-types.ts';

export interface FlagContext {
  quantity: number;
  neededBy?: string;
  today: string;
  currency: string;
}

/** Price outliers need a few quotes to compare with: ±40% of the median from 3 quotes, Tukey's 1.5 IQR fences from 4. */
function priceFlags(evaluated: readonly EvaluatedQuote[], ctx: FlagContext): RedFlag[] {
  if (evaluated.length < 3) return [];
  const prices = evaluated.map((e) => e.landed);
  const mid = median(prices);
  const q1 = quantile(prices, 0.25);
  const q3 = quantile(prices, 0.75);
  const useIqr = evaluated.length >= 4;
  const lowFence = q1 - 1.5 * (q3 - q1);
  const highFence = q3 + 1.5 * (q3 - q1);
  const flags: RedFlag[] = [];
  for (const e of evaluated) {
    const deviation = (e.landed - mid) / mid;
    const low = deviation < -0.4 || (useIqr && e.landed < lowFence);
    const high = deviation > 0.4 || (useIqr && e.landed > highFence);
    if (!low && !high) continue;
    const price = `${formatUnitPrice(e.landed, ctx.currency)}/unit landed`;
    const versus = `${formatPercent(Math.abs(deviation))} ${low ? 'below' : 'above'} the median of ${formatUnitPrice(mid, ctx.currency)}`;
    flags.push(low
      ? { quoteId: e.quote.id, supplierName: e.quote.supplierName, code: 'PRICE_OUTLIER_LOW', severity: 'medium', message: `${price} is ${versus}: confirm the material grade, the scope and that every specification is included.` }
      : { quoteId: e.quote.id, supplierName: e.quote.supplierName, code: 'PRICE_OUTLIER_HIGH', severity: 'low', message: `${price} is ${versus}: ask what drives the price.` });
  }
  return flags;
}

/** Red flags of each quote: MOQ, certifications, delivery, price outliers, expired validity. */
export function redFlagsOf(evaluated: readonly EvaluatedQuote[], ctx: FlagContext): RedFlag[] {
  const flags: RedFlag[] = [];
  for (const e of evaluated) {
    const { quote } = e;
    const flag = (code: RedFlag['code'], severity: RedFlag['severity'], message: string) => flags.push({ quoteId: quote.id, supplierName: quote.supplierName, code, severity, message });
    if (quote.moq > ctx.quantity) {
      const extra = quote.moq - ctx.quantity;
      // Buying a quarter more than needed ties up enough cash and stock to rule a quote out.
      flag('MOQ_ABOVE_NEED', quote.moq > ctx.quantity * 1.25 ? 'high' : 'medium',
        `MOQ of ${formatCount(quote.moq)} units is above the ${formatCount(ctx.quantity)} needed: meeting it means ${formatCount(extra)} extra units, about ${formatMoney(extra * e.unitPrice, ctx.currency)} more.`);
    }
    if (e.missing.length > 0) {
      flag('MISSING_CERTIFICATION', 'high', `Lacks ${joinWords(e.missing)}, required for this order.`);
    }
    if (ctx.neededBy) {
      const ready = addDays(ctx.today, quote.leadTimeDays);
      const late = daysBetween(ctx.neededBy, ready);
      if (late > 0) {
        flag('LATE_DELIVERY', late > 7 ? 'high' : 'medium',
          `A ${quote.leadTimeDays}-day lead time has goods ready on ${formatLongDate(ready)}, ${late} day${late === 1 ? '' : 's'} after the ${formatLongDate(ctx.neededBy)} target.`);
      }
    }
    if (quote.validUntil && quote.validUntil < ctx.today) {
      flag('QUOTE_EXPIRED', 'medium', `The quote expired on ${formatLongDate(quote.validUntil)}: ask the supplier to confirm the prices.`);
    }
  }
  return [...flags, ...priceFlags(evaluated, ctx)];
}
