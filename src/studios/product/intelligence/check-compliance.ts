import type { DpgFacts } from '../dpg-data.ts';
import { complianceRules, type AppliesWhen, type ComplianceRule, type Evidence, type ProductFeature, type SubstanceLimit } from './compliance-rules.ts';
import { specSignals, type SpecSignals } from './spec-signals.ts';

export interface ComplianceRequirement {
  ruleId: string;
  regulation: string;
  citation: string;
  market: string;
  mandatory: boolean;
  requirement: string;
  limits?: SubstanceLimit[];
  evidence: Evidence[];
  why: string;
}

export interface ComplianceReport {
  /** Markets checked (defaults to the DPG's target_markets, else US and EU). */
  markets: string[];
  requirements: ComplianceRequirement[];
  notApplicable: { ruleId: string; regulation: string; why: string }[];
  /** Whether the product carries CE marking in the EU, and why (or why not). */
  ceMarking: { required: boolean; directives: string[]; why: string };
  labeling: string[];
  testing: string[];
  /** Markets with no rules in the table: review them separately. */
  unsupportedMarkets: string[];
}

const euMembers = ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE'];
const regionExpansion: Record<string, string[]> = { NA: ['US'], GLOBAL: ['US', 'EU', 'GB'], UK: ['GB'] };

export function normaliseMarkets(markets: string[]): string[] {
  const out = markets.flatMap((m) => regionExpansion[m.trim().toUpperCase()] ?? [m.trim().toUpperCase()]);
  return [...new Set(out)];
}

/** A target market is covered by a rule's market when they are the same jurisdiction or one contains the other. */
export function marketMatches(ruleMarket: string, target: string): boolean {
  if (ruleMarket === target) return true;
  if (ruleMarket === 'EU' && euMembers.includes(target)) return true;
  if (target === 'EU' && euMembers.includes(ruleMarket)) return true; // an EU-wide launch includes that member state
  if (ruleMarket === 'US' && target.startsWith('US-')) return true;
  if (ruleMarket.startsWith('US-') && target === 'US') return true; // a US-wide launch includes that state
  return false;
}

const featurePhrases: Record<ProductFeature, [string, string]> = {
  toy: ['is a toy', 'is not a toy (not designed for play)'],
  radio: ['has a radio transmitter', 'has no radio transmitter'],
  mains_powered: ['is mains powered', 'is not mains powered'],
  battery: ['contains a battery', 'contains no battery'],
  drawstring_or_hood: ['has a hood or drawstrings', 'has no hood or drawstrings'],
  metal_hardware: ['has metal parts in skin contact', 'has no metal parts in skin contact'],
  coating: ['has a paint or surface coating', 'has no paint or surface coating'],
};

function featurePresent(f: ProductFeature, s: SpecSignals): boolean {
  switch (f) {
    case 'toy': return s.toy;
    case 'radio': return s.radio;
    case 'mains_powered': return s.mainsPowered;
    case 'battery': return s.battery;
    case 'drawstring_or_hood': return s.drawstringOrHood;
    case 'metal_hardware': return s.metalHardware;
    case 'coating': return s.coating;
  }
}

/** Checks each condition; returns the reasons it holds, or the first reason it does not. */
export function evaluateConditions(w: AppliesWhen, facts: DpgFacts, s: SpecSignals): { applies: boolean; reasons: string[] } {
  const reasons: string[] = [];
  const fail = (why: string): { applies: boolean; reasons: string[] } => ({ applies: false, reasons: [why] });
  if (w.categories && !w.categories.includes(facts.category)) return fail(`applies to ${w.categories.join('/')} only, not ${facts.category}`);
  if (w.categories) reasons.push(`category is ${facts.category}`);
  const flags: [keyof AppliesWhen, boolean, string, string][] = [
    ['forChildren', s.forChildren, 'a product for children under 12', 'not a product for children'],
    ['electronic', s.electronic, 'electrical/electronic equipment', 'has no electrical or electronic parts'],
    ['foodContact', s.foodContact, 'in contact with food or drink', 'does not touch food or drink'],
    ['textile', s.textile, 'a textile product', 'not a textile product'],
  ];
  for (const [key, actual, yes, no] of flags) {
    const wanted = w[key];
    if (wanted === undefined) continue;
    if (wanted !== actual) return fail(actual ? `is ${yes}` : no);
    reasons.push(actual ? `is ${yes}` : no);
  }
  if (w.materialFamilies) {
    const hit = s.materials.filter((m) => w.materialFamilies?.includes(m.family));
    if (!hit.length) return fail(`contains no ${w.materialFamilies.join('/')} material`);
    reasons.push(`contains ${hit.map((m) => `${m.name} (${m.family})`).join(', ')}`);
  }
  for (const f of w.features ?? []) {
    if (!featurePresent(f, s)) return fail(featurePhrases[f][1]);
    reasons.push(featurePhrases[f][0]);
  }
  for (const f of w.notFeatures ?? []) {
    if (featurePresent(f, s)) return fail(f === 'radio' ? 'has a radio transmitter, so the Radio Equipment Directive covers this instead' : featurePhrases[f][0]);
  }
  if (!reasons.length) reasons.push('is a consumer product (the rule covers every consumer product in this market)');
  return { applies: true, reasons };
}

function ceSummary(requirements: ComplianceRequirement[], markets: string[], s: SpecSignals): ComplianceReport['ceMarking'] {
  const inEu = markets.some((m) => marketMatches('EU', m) || m === 'EU');
  const directives = requirements.filter((r) => complianceRules.find((x) => x.id === r.ruleId)?.conformityMarking === 'CE').map((r) => `${r.regulation} (${r.citation})`);
  if (!inEu) return { required: false, directives: [], why: 'No EU market is targeted.' };
  if (directives.length) return { required: true, directives, why: `CE marking is required because ${directives.length === 1 ? 'this act applies' : 'these acts apply'}: ${directives.join('; ')}.` };
  const what = s.toy ? '' : 'is not a toy, ';
  return {
    required: false, directives: [],
    why: `No CE marking: the product ${what}has no electrical or electronic parts and no other CE act covers it, so only the GPSR applies. Affixing CE without a covering act is itself prohibited (Regulation (EC) No 765/2008, Art. 30(2)).`,
  };
}

/** Lists the legal requirements that apply to a DPG in its target markets, and why each does or does not. */
export function checkCompliance(facts: DpgFacts, markets?: string[]): ComplianceReport {
  const wanted = normaliseMarkets(markets?.length ? markets : facts.data.target_markets?.length ? facts.data.target_markets : ['US', 'EU']);
  const s = specSignals(facts);
  const requirements: ComplianceRequirement[] = [];
  const notApplicable: ComplianceReport['notApplicable'] = [];
  const covered = new Set<string>();
  for (const rule of complianceRules) {
    const market = wanted.find((m) => rule.markets.some((rm) => marketMatches(rm, m)));
    if (!market) continue;
    covered.add(market);
    const result = evaluateConditions(rule.appliesWhen, facts, s);
    if (!result.applies) {
      notApplicable.push({ ruleId: rule.id, regulation: rule.regulation, why: `Not applicable: the product ${result.reasons[0]}.` });
      continue;
    }
    requirements.push(toRequirement(rule, market, result.reasons));
  }
  return {
    markets: wanted,
    requirements,
    notApplicable,
    ceMarking: ceSummary(requirements, wanted, s),
    labeling: unique(requirements.flatMap((r) => r.evidence.filter((e) => e.kind === 'label').map((e) => e.description))),
    testing: unique(requirements.flatMap((r) => r.evidence.filter((e) => e.kind === 'test_report').map((e) => e.description))),
    unsupportedMarkets: wanted.filter((m) => !covered.has(m)),
  };
}

function toRequirement(rule: ComplianceRule, market: string, reasons: string[]): ComplianceRequirement {
  const scope = rule.markets.includes(market) ? market : `${market} (covers ${rule.markets.join('/')})`;
  return {
    ruleId: rule.id, regulation: rule.regulation, citation: rule.citation, market, mandatory: rule.mandatory,
    requirement: rule.requirement, ...(rule.limits ? { limits: rule.limits } : {}), evidence: rule.evidence,
    why: `Applies in ${scope}: the product ${reasons.join('; ')}.`,
  };
}

const unique = (xs: string[]): string[] => [...new Set(xs)];
