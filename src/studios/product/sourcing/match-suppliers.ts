import { FoundryError } from '../../../kernel/index.ts';
import { categoryLabels, type DpgFacts } from '../dpg-data.ts';
import { daysBetween, isIsoDate } from './calendar-dates.ts';
import { holdsCertification } from './certification-match.ts';
import { formatCount, formatLongDate, joinWords, marketName } from './display-format.ts';
import { coveringCapability, uniqueProcesses } from './process-match.ts';
import type { Supplier, SupplierMatch } from './supplier-types.ts';

export type { SupplierMatch } from './supplier-types.ts';

export interface MatchRequirements {
  quantity: number;
  /** YYYY-MM-DD */
  neededBy?: string;
  today: string;
  requiredCertifications: string[];
  processes: string[];
}

/** How much each fit counts towards the 0..1 score. */
const weights = { processes: 0.3, certifications: 0.25, moq: 0.15, leadTime: 0.15, rating: 0.15 };
/** Without a delivery date, a supplier is expected to deliver within the seed's default of 8 weeks. */
const defaultWindowDays = 56;

/** "Injection molding" → "injection molding", but "UV print" stays. */
const lowerFirst = (text: string) => (/^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text);

function check(req: MatchRequirements): void {
  const problems: string[] = [];
  if (!Number.isInteger(req.quantity) || req.quantity <= 0) problems.push('quantity must be a positive whole number');
  if (!isIsoDate(req.today)) problems.push('today must be a YYYY-MM-DD date');
  if (req.neededBy !== undefined && !isIsoDate(req.neededBy)) problems.push('neededBy must be a YYYY-MM-DD date');
  if (problems.length > 0) throw new FoundryError({ code: 'SUPPLIER_MATCH_INVALID', status: 400, message: `Cannot match suppliers: ${problems.join('; ')}.`, details: { problems } });
}

/**
 * Ranks the directory's suppliers for a product: only those making its category, scored 0..1 on the
 * processes they cover, the required certifications they hold, MOQ and lead-time fit and their
 * rating, each match explained by reasons and gaps. Best first.
 */
export function matchSuppliers(facts: DpgFacts, requirements: MatchRequirements, suppliers: Supplier[]): SupplierMatch[] {
  check(requirements);
  const processes = uniqueProcesses([...requirements.processes, ...(facts.data.process ? [facts.data.process] : []), ...(facts.data.logo?.method ? [facts.data.logo.method] : [])]);
  const window = requirements.neededBy ? daysBetween(requirements.today, requirements.neededBy) : defaultWindowDays;
  const matches = suppliers.filter((s) => s.categories.includes(facts.category)).map((s): SupplierMatch => {
    const reasons = [`Makes ${categoryLabels[facts.category].toLowerCase()} products (${[s.city, marketName(s.country)].filter(Boolean).join(', ')}).`];
    const gaps: string[] = [];

    const covered = processes.filter((p) => coveringCapability(s.capabilities, p));
    const uncovered = processes.filter((p) => !covered.includes(p));
    if (covered.length > 0) reasons.push(`Runs ${joinWords(covered.map(lowerFirst))}.`);
    if (uncovered.length > 0) gaps.push(`No ${joinWords(uncovered.map(lowerFirst))} listed among its capabilities.`);
    const processFit = processes.length === 0 ? 1 : covered.length / processes.length;

    const required = requirements.requiredCertifications;
    const held = required.filter((c) => holdsCertification(s.certifications, c));
    const missing = required.filter((c) => !held.includes(c));
    if (held.length > 0) reasons.push(`Holds ${joinWords(held)}.`);
    if (missing.length > 0) gaps.push(`Lacks ${joinWords(missing)}.`);
    const certFit = required.length === 0 ? 1 : held.length / required.length;

    const moqFit = s.moq <= requirements.quantity ? 1 : requirements.quantity / s.moq;
    if (moqFit === 1) reasons.push(`MOQ of ${formatCount(s.moq)} fits the ${formatCount(requirements.quantity)} units needed.`);
    else gaps.push(`MOQ of ${formatCount(s.moq)} is above the ${formatCount(requirements.quantity)} units needed.`);

    const leadFit = s.leadTimeDays <= window ? 1 : Math.max(0, window) / s.leadTimeDays;
    const by = requirements.neededBy ? `delivery by ${formatLongDate(requirements.neededBy)} (${window} days away)` : `the usual ${defaultWindowDays / 7}-week window`;
    if (leadFit === 1) reasons.push(`Lead time of ${s.leadTimeDays} days fits ${by}.`);
    else gaps.push(`Lead time of ${s.leadTimeDays} days does not fit ${by}.`);

    const ratingFit = s.rating / 5;
    if (s.rating >= 4) reasons.push(`Rated ${s.rating}/5.`);
    else if (s.rating < 3) gaps.push(`Low rating: ${s.rating}/5.`);

    const score = weights.processes * processFit + weights.certifications * certFit + weights.moq * moqFit + weights.leadTime * leadFit + weights.rating * ratingFit;
    return { supplierId: s.id, name: s.name, country: s.country, score: Math.round(score * 1000) / 1000, reasons, gaps };
  });
  const rating = new Map(suppliers.map((s) => [s.id, s.rating]));
  return matches.sort((a, b) => b.score - a.score || (rating.get(b.supplierId) ?? 0) - (rating.get(a.supplierId) ?? 0) || a.name.localeCompare(b.name));
}
