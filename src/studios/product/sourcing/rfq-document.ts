import { FoundryError } from '../../../kernel/index.ts';
import { categoryLabels, type DpgFacts } from '../dpg-data.ts';
import { isoDate } from './calendar-dates.ts';
import { formatCount, formatLongDate } from './display-format.ts';
import { evaluationBlocks, qualificationBlocks, submissionBlocks, termsBlocks } from './rfq-procurement-sections.ts';
import { deliveryBlocks, qualityBlocks, type AqlPlan, type ComplianceRequirement } from './rfq-quality-delivery.ts';
import { specificationBlocks } from './rfq-spec-section.ts';
import { technicalBlocks } from './rfq-technical-section.ts';
import { rfqSectionTitles, type RfqBlock, type RfqDocument, type RfqSection, type RfqSectionId } from './rfq-types.ts';

export type { RfqBlock, RfqDocument, RfqImage, RfqSection, RfqSectionId } from './rfq-types.ts';
export { rfqSectionTitles } from './rfq-types.ts';
export type { AqlPlan, ComplianceRequirement } from './rfq-quality-delivery.ts';

export interface RfqDocumentInput {
  code: string;
  projectName: string;
  facts: DpgFacts;
  dpgVersion: number;
  issuedAt: Date;
  responseDeadline: Date;
  targetDelivery: Date;
  quantityTiers: number[];
  requiredCertifications: string[];
  compliance?: ComplianceRequirement[];
  qualityStandards?: string[];
  aql?: AqlPlan;
  images?: { caption: string; png: Buffer }[];
  buyer?: { name: string; email?: string };
}

function summaryBlocks(input: RfqDocumentInput, dates: { issued: string; deadline: string; delivery: string }): RfqBlock[] {
  const { facts } = input;
  const buyer = input.buyer?.name ?? 'The buyer';
  const tiers = input.quantityTiers;
  const total = facts.data.quantities?.total;
  const text = [
    `${buyer} invites qualified manufacturers to quote for the production of ${facts.title}, a ${categoryLabels[facts.category].toLowerCase()} product developed in the project "${input.projectName}".`,
    facts.summary.trim() ? facts.summary.trim().replace(/([^.!?])$/, '$1.') : '',
    `Prices are requested for ${tiers.length} quantity ${tiers.length === 1 ? 'tier' : 'tiers'} from ${formatCount(tiers[0] ?? 0)} to ${formatCount(tiers[tiers.length - 1] ?? 0)} units${total ? `, with a first order of ${formatCount(total)} units` : ''}, for delivery by ${formatLongDate(dates.delivery)}.`,
    `Quotations are due by ${formatLongDate(dates.deadline)}.`,
  ].filter(Boolean).join(' ');
  const fields: [string, string][] = [
    ['RFQ reference', input.code],
    ['Issue date', formatLongDate(dates.issued)],
    ['Response deadline', formatLongDate(dates.deadline)],
    ['Target delivery', formatLongDate(dates.delivery)],
    ['Quantity tiers', tiers.map((q) => formatCount(q)).join(' / ') + ' units'],
    ['Specification', `Digital Product Genome version ${input.dpgVersion}, approved`],
  ];
  if (input.buyer) fields.push(['Buyer contact', input.buyer.email ? `${input.buyer.name}, ${input.buyer.email}` : input.buyer.name]);
  return [{ kind: 'paragraph', text }, { kind: 'fields', fields }];
}

function invalid(message: string): never {
  throw new FoundryError({ code: 'RFQ_INPUT_INVALID', status: 400, message });
}

/** The seed's nine-section RFQ, built from an approved DPG; every figure comes from the input. */
export function buildRfqDocument(input: RfqDocumentInput): RfqDocument {
  const tiers = [...new Set(input.quantityTiers)].sort((a, b) => a - b);
  if (tiers.length === 0 || tiers.some((q) => !Number.isInteger(q) || q <= 0)) invalid('An RFQ needs at least one quantity tier, each a positive whole number.');
  for (const [name, date] of [['issue date', input.issuedAt], ['response deadline', input.responseDeadline], ['target delivery', input.targetDelivery]] as const) {
    if (Number.isNaN(date.getTime())) invalid(`The ${name} is not a valid date.`);
  }
  const dates = { issued: isoDate(input.issuedAt), deadline: isoDate(input.responseDeadline), delivery: isoDate(input.targetDelivery) };
  if (dates.deadline < dates.issued) invalid('The response deadline is before the issue date.');
  const normalized: RfqDocumentInput = { ...input, quantityTiers: tiers };
  const { facts } = normalized;
  const content: Record<RfqSectionId, RfqBlock[]> = {
    'executive-summary': summaryBlocks(normalized, dates),
    'product-specifications': specificationBlocks(facts, input.dpgVersion),
    'technical-requirements': technicalBlocks(facts),
    'quality-certifications': qualityBlocks({ data: facts.data, requiredCertifications: input.requiredCertifications, qualityStandards: input.qualityStandards, compliance: input.compliance, aql: input.aql }),
    'quantity-delivery': deliveryBlocks({ data: facts.data, quantityTiers: tiers, targetDelivery: dates.delivery }),
    'supplier-qualifications': qualificationBlocks(facts.category, input.requiredCertifications, tiers[tiers.length - 1] ?? 0),
    'submission-requirements': submissionBlocks({ quantityTiers: tiers, responseDeadline: dates.deadline, code: input.code, buyer: input.buyer }),
    'evaluation-criteria': evaluationBlocks(),
    'terms-conditions': termsBlocks(),
  };
  const sections: RfqSection[] = rfqSectionTitles.map(({ id, title }) => ({ id, title, blocks: content[id] }));
  return {
    code: input.code,
    title: `Request for Quotation: ${facts.title}`,
    projectName: input.projectName,
    issuedAt: dates.issued,
    responseDeadline: dates.deadline,
    targetDelivery: dates.delivery,
    quantityTiers: tiers,
    sections,
    images: [...(input.images ?? [])],
  };
}
