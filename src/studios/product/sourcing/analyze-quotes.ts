import { FoundryError } from '../../../kernel/index.ts';
import { addDays, daysBetween, isIsoDate } from './calendar-dates.ts';
import { formatCount, formatLongDate, formatPercent, formatUnitPrice, joinWords } from './display-format.ts';
import { comparisonCurrency, evaluateQuotes, type CurrencyContext, type EvaluatedQuote } from './quote-evaluation.ts';
import { negotiationOf } from './quote-negotiation.ts';
import { median } from './quote-pricing.ts';
import { redFlagsOf } from './quote-red-flags.ts';
import { criteria, defaultWeights, type Criterion, type QuoteAnalysis, type RedFlag, type ScoredQuote, type StoredQuote, type Weights } from './quote-types.ts';
import { topsis } from './topsis.ts';
import { minMaxNormalize, weightedScore } from './weighted-score.ts';

export interface QuoteAnalysisContext extends CurrencyContext {
  /** The order quantity prices are compared at. */
  quantity: number;
  /** YYYY-MM-DD */
  neededBy?: string;
  today: string;
  requiredCertifications: string[];
  method: 'weighted' | 'topsis';
  weights?: Partial<Weights>;
}

/** Defaults filled in, every weight non-negative, scaled to sum to 1. */
export function resolveWeights(partial?: Partial<Weights>): Weights {
  const merged = { ...defaultWeights, ...partial };
  const bad = criteria.filter((c) => !Number.isFinite(merged[c]) || merged[c] < 0);
  if (bad.length > 0) {
    throw new FoundryError({ code: 'WEIGHTS_INVALID', status: 400, message: `Weights must be non-negative numbers (check ${bad.join(', ')}).`, details: { invalid: bad } });
  }
  const total = criteria.reduce((sum, c) => sum + merged[c], 0);
  if (total <= 0) throw new FoundryError({ code: 'WEIGHTS_INVALID', status: 400, message: 'All weights are zero: give at least one criterion a positive weight.' });
  return Object.fromEntries(criteria.map((c) => [c, merged[c] / total])) as Weights;
}

function checkContext(ctx: QuoteAnalysisContext): void {
  const problems: string[] = [];
  if (!Number.isInteger(ctx.quantity) || ctx.quantity <= 0) problems.push('quantity must be a positive whole number');
  if (!isIsoDate(ctx.today)) problems.push('today must be a YYYY-MM-DD date');
  if (ctx.neededBy !== undefined && !isIsoDate(ctx.neededBy)) problems.push('neededBy must be a YYYY-MM-DD date');
  if (ctx.method !== 'weighted' && ctx.method !== 'topsis') problems.push('method must be weighted or topsis');
  if (problems.length > 0) throw new FoundryError({ code: 'QUOTE_ANALYSIS_INVALID', status: 400, message: `Cannot analyse the quotes: ${problems.join('; ')}.`, details: { problems } });
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

function strengthsAndConcerns(e: EvaluatedQuote, all: readonly EvaluatedQuote[], flags: readonly RedFlag[], ctx: QuoteAnalysisContext, currency: string, mid: number) {
  const strengths: string[] = [];
  const concerns: string[] = [];
  const unit = (v: number) => formatUnitPrice(v, currency);
  const { quote } = e;
  const others = all.filter((o) => o !== e);
  if (others.length > 0 && others.every((o) => e.landed < o.landed)) strengths.push(`Lowest landed price: ${unit(e.landed)}/unit at ${formatCount(ctx.quantity)}.`);
  const deviation = (e.landed - mid) / mid;
  if (all.length > 1 && deviation <= -0.05) strengths.push(`${formatPercent(-deviation)} below the median landed price.`);
  if (all.length > 1 && deviation >= 0.1) concerns.push(`${formatPercent(deviation)} above the median landed price.`);
  if (others.length > 0 && others.every((o) => quote.leadTimeDays < o.quote.leadTimeDays)) strengths.push(`Shortest lead time: ${quote.leadTimeDays} days.`);
  if (ctx.neededBy) {
    const spare = daysBetween(addDays(ctx.today, quote.leadTimeDays), ctx.neededBy);
    if (spare > 0) strengths.push(`Ready ${spare} day${spare === 1 ? '' : 's'} before the ${formatLongDate(ctx.neededBy)} target.`);
    else if (spare === 0) concerns.push(`No slack: goods are ready exactly on the ${formatLongDate(ctx.neededBy)} target date.`);
  }
  if (ctx.requiredCertifications.length > 0 && e.missing.length === 0) strengths.push(`Holds ${joinWords(e.held)}.`);
  if (!e.qualityKnown) concerns.push('No quality rating on file: quality scored as neutral (0.5 of 1) until samples or an audit are rated.');
  else if ((quote.qualityRating ?? 0) >= 4.5) strengths.push(`Quality rating ${quote.qualityRating}/5.`);
  else if ((quote.qualityRating ?? 0) < 3.5) concerns.push(`Low quality rating: ${quote.qualityRating}/5.`);
  if (e.toolingCost === 0) strengths.push('No tooling charge.');
  else if (e.toolingCost / ctx.quantity > 0.1 * e.landed) concerns.push(`Tooling adds ${unit(e.toolingCost / ctx.quantity)}/unit (${formatPercent(e.toolingCost / ctx.quantity / e.landed)} of the landed price).`);
  if (e.tier.belowSmallest) concerns.push(`No price quoted at or below ${formatCount(ctx.quantity)} units: priced at its smallest tier (${formatCount(e.tier.quantity)}).`);
  if (e.rate !== 1) concerns.push(`Quoted in ${quote.currency.toUpperCase()}; compared at 1 ${quote.currency.toUpperCase()} = ${e.rate} ${currency}.`);
  if (quote.validUntil && quote.validUntil >= ctx.today && daysBetween(ctx.today, quote.validUntil) <= 14) concerns.push(`Prices valid only until ${formatLongDate(quote.validUntil)}.`);
  for (const flag of flags) if (flag.quoteId === quote.id) concerns.push(flag.message);
  return { strengths, concerns };
}

/** Why a higher-ranked quote was passed over, in a few words. */
function shortReason(flag: RedFlag, e: EvaluatedQuote, ctx: QuoteAnalysisContext): string {
  switch (flag.code) {
    case 'MOQ_ABOVE_NEED': return `MOQ ${formatCount(e.quote.moq)} against ${formatCount(ctx.quantity)} needed`;
    case 'MISSING_CERTIFICATION': return `lacks ${joinWords(e.missing)}`;
    case 'LATE_DELIVERY': {
      const late = ctx.neededBy ? daysBetween(ctx.neededBy, addDays(ctx.today, e.quote.leadTimeDays)) : 0;
      return `ready ${late} days after the target date`;
    }
    default: return flag.code.toLowerCase().replaceAll('_', ' ');
  }
}

function rationaleOf(chosen: ScoredQuote, e: EvaluatedQuote, ctx: QuoteAnalysisContext, currency: string, mid: number, count: number, passedOver: { name: string; reason: string }[]): string {
  const unit = (v: number) => formatUnitPrice(v, currency);
  const price = e.toolingCost > 0
    ? `${unit(e.unitPrice)}/unit at ${formatCount(ctx.quantity)} (${unit(e.landed)} landed with tooling)`
    : `${unit(e.unitPrice)}/unit at ${formatCount(ctx.quantity)}`;
  const certs = ctx.requiredCertifications.length > 0 ? e.held : e.quote.certifications.slice(0, 2);
  const deviation = (e.landed - mid) / mid;
  const versus = count < 2 ? 'the only quote' : Math.abs(deviation) < 0.005 ? 'at the median price'
    : `${formatPercent(Math.abs(deviation))} ${deviation < 0 ? 'below' : 'above'} the median`;
  const facts = [price, `${e.quote.leadTimeDays} days`, ...(certs.length > 0 ? [joinWords(certs)] : [])].join(', ');
  const method = ctx.method === 'topsis' ? `TOPSIS closeness ${chosen.score.toFixed(2)}` : `weighted score ${chosen.score.toFixed(2)}`;
  let text = `${chosen.supplierName}: ${facts}; ${versus}. Ranked ${chosen.rank} of ${count} (${method}).`;
  if (passedOver.length > 0) text += ` Set aside above it: ${passedOver.map((p) => `${p.name} (${p.reason})`).join('; ')}.`;
  return text;
}

/**
 * Ranks supplier quotes at the needed quantity on price (landed unit price), quality (rating / 5),
 * delivery (lead time) and compliance (share of required certifications), by weighted score or
 * TOPSIS; flags risks, recommends the best quote without a high-severity flag and lists what to
 * negotiate. Quotes in other currencies are converted with `exchangeRates`.
 */
export function analyzeQuotes(quotes: StoredQuote[], context: QuoteAnalysisContext): QuoteAnalysis {
  checkContext(context);
  const weights = resolveWeights(context.weights);
  const base = { method: context.method, weights, quantity: context.quantity };
  if (quotes.length === 0) {
    return { ...base, ranked: [], redFlags: [], recommendation: null, negotiation: [], summary: { count: 0, lowestUnitPrice: 0, highestUnitPrice: 0, averageLeadTimeDays: 0 } };
  }
  const currency = comparisonCurrency(quotes, context.currency);
  const evaluated = evaluateQuotes(quotes, context.quantity, context.requiredCertifications, currency, context.exchangeRates);
  const matrix = evaluated.map((e) => [e.landed, e.quality, e.quote.leadTimeDays, e.compliance]);
  const benefit = [false, true, false, true];
  const w = criteria.map((c) => weights[c]);
  const { scores, ranks } = context.method === 'topsis'
    ? (({ closeness, ranks: r }) => ({ scores: closeness, ranks: r }))(topsis(matrix, w, benefit))
    : weightedScore(matrix, w, benefit);
  const normalized = minMaxNormalize(matrix, benefit);
  const flags = redFlagsOf(evaluated, { quantity: context.quantity, neededBy: context.neededBy, today: context.today, currency });
  const mid = median(evaluated.map((e) => e.landed));

  const scored = evaluated.map((e, i): ScoredQuote => ({
    quoteId: e.quote.id,
    supplierName: e.quote.supplierName,
    rank: ranks[i] ?? i + 1,
    score: round(scores[i] ?? 0, 4),
    criteria: Object.fromEntries(criteria.map((c: Criterion, j) => [c, round(normalized[i]?.[j] ?? 0, 3)])) as Record<Criterion, number>,
    landedUnitPrice: round(e.landed, 4),
    totalCost: round(e.total, 2),
    currency,
    leadTimeDays: e.quote.leadTimeDays,
    ...strengthsAndConcerns(e, evaluated, flags, context, currency, mid),
  }));
  const order = scored.map((s, i) => ({ s, e: evaluated[i]! }))
    .sort((a, b) => a.s.rank - b.s.rank || a.e.landed - b.e.landed || a.s.supplierName.localeCompare(b.s.supplierName));

  const highFlags = (id: string) => flags.filter((f) => f.quoteId === id && f.severity === 'high');
  const chosenIndex = order.findIndex(({ s }) => highFlags(s.quoteId).length === 0);
  const chosen = chosenIndex >= 0 ? order[chosenIndex] : undefined;
  const passedOver = order.slice(0, Math.max(0, chosenIndex)).map(({ s, e }) => ({
    name: s.supplierName,
    reason: highFlags(s.quoteId).map((f) => shortReason(f, e, context)).join(', '),
  }));
  const recommendation = chosen
    ? { quoteId: chosen.s.quoteId, supplierName: chosen.s.supplierName, rationale: rationaleOf(chosen.s, chosen.e, context, currency, mid, quotes.length, passedOver) }
    : null;

  const viable = order.filter(({ s }) => highFlags(s.quoteId).length === 0).map(({ e }) => e);
  const landed = evaluated.map((e) => e.landed);
  return {
    ...base,
    ranked: order.map(({ s }) => s),
    redFlags: flags,
    recommendation,
    negotiation: negotiationOf(evaluated, viable, { quantity: context.quantity, currency }),
    summary: {
      count: quotes.length,
      lowestUnitPrice: round(Math.min(...landed), 4),
      highestUnitPrice: round(Math.max(...landed), 4),
      averageLeadTimeDays: round(evaluated.reduce((sum, e) => sum + e.quote.leadTimeDays, 0) / evaluated.length, 1),
    },
  };
}
