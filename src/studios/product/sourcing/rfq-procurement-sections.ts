import { categoryLabels, type ProductCategory } from '../dpg-data.ts';
import { defaultWeights, type Criterion } from './quote-types.ts';
import { formatCount, formatLongDate, formatPercent, joinWords } from './display-format.ts';
import type { RfqBlock } from './rfq-types.ts';

/** Section 6: who may quote. */
export function qualificationBlocks(category: ProductCategory, requiredCertifications: readonly string[], largestTier: number): RfqBlock[] {
  const items = [
    `At least three years of experience manufacturing ${categoryLabels[category].toLowerCase()} products of comparable construction, with two customer references for similar work.`,
    `In-house capacity to produce ${formatCount(largestTier)} units within the quoted lead time; state the monthly capacity and which operations, if any, are outsourced.`,
    requiredCertifications.length > 0
      ? `Valid certification to ${joinWords([...requiredCertifications])}, issued by an accredited certification body.`
      : 'A documented quality management system (ISO 9001 or equivalent is preferred).',
    'A social-compliance audit from the last 24 months (e.g. amfori BSCI, SMETA or WRAP) and agreement to an on-site or virtual factory audit by the buyer.',
    'Experience exporting to the destination markets, including the required test reports and shipping documents.',
    'An English-speaking contact able to answer technical questions within two working days.',
  ];
  return [
    { kind: 'paragraph', text: 'Quotations are considered from manufacturers (not trading intermediaries, unless the factory is named) that meet the following qualifications:' },
    { kind: 'bullets', items },
  ];
}

/** The quote columns, shared by this section and the quotes CSV parser's documentation. */
export function quoteColumns(quantityTiers: readonly number[]): [string, string, string][] {
  // Example prices only show the format: each tier a little cheaper than the one before.
  const prices = quantityTiers.map((q, i): [string, string, string] => [`price_${q}`, `Unit price at ${formatCount(q)} units`, (3.2 * 0.92 ** i).toFixed(2)]);
  return [
    ['supplier', 'Legal name of the manufacturer', 'Example Moulding Co., Ltd.'],
    ...prices,
    ['tooling', 'One-time tooling and set-up cost (0 if none)', '1200'],
    ['currency', 'ISO 4217 currency code of all prices', 'USD'],
    ['lead_time_days', 'Calendar days from order to goods ready for shipment', '28'],
    ['moq', 'Minimum order quantity in units', '1000'],
    ['certifications', 'Certifications held, separated by ";"', 'ISO 9001:2015; amfori BSCI'],
    ['payment_terms', 'Proposed payment terms', '30% deposit, 70% against B/L copy'],
    ['valid_until', 'Last day the prices are valid (YYYY-MM-DD)', '2027-03-31'],
    ['location', 'City and country of the factory', 'Dongguan, CN'],
    ['notes', 'Assumptions, deviations and options', 'Price excludes retail packaging'],
  ];
}

/** Section 7: what a quotation must contain, and by when. */
export function submissionBlocks(input: { quantityTiers: readonly number[]; responseDeadline: string; code: string; buyer?: { name: string; email?: string } }): RfqBlock[] {
  const contact = input.buyer?.email ? `${input.buyer.name} (${input.buyer.email})` : input.buyer?.name ?? 'the buyer';
  return [
    {
      kind: 'paragraph',
      text: `Quotations must reach ${contact} by ${formatLongDate(input.responseDeadline)}, quoting reference ${input.code}. Late or incomplete quotations may not be considered. Submit one row per supplier in a CSV or spreadsheet with the columns below, together with a signed quotation document.`,
    },
    { kind: 'table', header: ['Column', 'Content', 'Example'], rows: quoteColumns(input.quantityTiers).map((c) => [...c]) },
    {
      kind: 'bullets',
      items: [
        'A unit price for every quantity tier; leave a tier empty only if it cannot be supplied, and say why.',
        'Tooling and set-up costs stated separately, with tooling ownership and expected mould life.',
        'Lead time for pre-production samples and for bulk production, and the minimum order quantity (MOQ) per variant.',
        'Copies of the certificates listed in section 4 and recent test reports for similar products.',
        'Payment terms and the validity period of the prices (at least 60 days after the response deadline).',
        'Any deviation from the specification, and any option that would reduce cost or lead time.',
      ],
    },
  ];
}

const criterionText: Record<Criterion, [string, string]> = {
  price: ['Price', 'Landed unit price at the order quantity: the tier price plus tooling spread over the order'],
  quality: ['Quality', 'Supplier quality rating from audits, samples and references (0 to 5)'],
  delivery: ['Delivery', 'Quoted lead time, and whether it meets the target delivery date'],
  compliance: ['Compliance', 'Share of the required certifications held, and the test reports provided'],
};

/** Section 8: how quotations are compared. */
export function evaluationBlocks(): RfqBlock[] {
  const criteria = Object.keys(criterionText) as Criterion[];
  return [
    { kind: 'paragraph', text: 'Quotations that meet the qualifications are compared on four weighted criteria:' },
    {
      kind: 'table', header: ['Criterion', 'Weight', 'How it is assessed'],
      rows: criteria.map((c) => [criterionText[c][0], formatPercent(defaultWeights[c]), criterionText[c][1]]),
    },
    {
      kind: 'paragraph',
      text: 'The ranking uses TOPSIS (Technique for Order of Preference by Similarity to Ideal Solution, Hwang and Yoon, 1981): each quotation is scored by how close it lies to the best value offered on every criterion and how far from the worst, giving a closeness score between 0 and 1.',
    },
    {
      kind: 'paragraph',
      text: 'A quotation may be set aside whatever its score if it lacks a mandatory certification, cannot meet the target delivery date, requires a minimum order well above the planned quantity, or is priced far outside the range of the other quotations without explanation. The buyer may ask short-listed suppliers for samples, clarification or a best and final offer.',
    },
  ];
}

/** Section 9: the conditions every quotation accepts. */
export function termsBlocks(): RfqBlock[] {
  return [
    {
      kind: 'bullets',
      items: [
        'Confidentiality: this RFQ, the specification, drawings and images are confidential. They are provided only to prepare a quotation and may not be disclosed, copied or used for any other purpose. The buyer may require a signed non-disclosure agreement before sharing further detail.',
        'No commitment: this RFQ is an invitation to quote, not an order. The buyer may accept any quotation in whole or in part, or none, and bears no cost of preparing quotations or samples unless agreed in writing.',
        'Sample approval: mass production starts only after the buyer has approved pre-production samples in writing. The approved sample is the reference for all later inspection.',
        'Inspection: the buyer or an appointed third party may inspect materials, production and finished goods at the factory at any time with reasonable notice, including a pre-shipment inspection to the sampling plan in section 4. Lots that fail are reworked or replaced at the supplier\'s cost.',
        'Intellectual property: the design, artwork, specification and all derived drawings remain the buyer\'s property. Tooling and moulds paid for by the buyer belong to the buyer, are used only for the buyer\'s orders and are released on request. The product may not be offered to third parties.',
        'Subcontracting: no part of production may be subcontracted without the buyer\'s written consent.',
        'Compliance and warranty: the supplier warrants that the goods conform to the approved sample, the specification and the laws of the destination markets, and will replace or credit goods with manufacturing defects found within 12 months of delivery.',
        'Orders: any order is placed under the buyer\'s purchase order terms, which prevail over the supplier\'s terms of sale.',
      ],
    },
  ];
}
