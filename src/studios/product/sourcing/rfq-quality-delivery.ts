import type { DpgData } from '../dpg-data.ts';
import { formatCount, formatLongDate, marketName } from './display-format.ts';
import type { RfqBlock } from './rfq-types.ts';

export interface ComplianceRequirement {
  regulation: string;
  citation: string;
  requirement: string;
  mandatory: boolean;
}

export interface AqlPlan {
  codeLetter: string;
  sampleSize: number;
  /** Acceptance numbers: the most defective units a sample may hold and still pass. */
  major: number;
  minor: number;
}

function unique(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.map((v) => v.trim()).filter((v) => {
    const key = v.toLowerCase();
    if (!v || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Section 4: standards, certificates, regulations and the inspection plan. */
export function qualityBlocks(input: {
  data: DpgData;
  requiredCertifications: readonly string[];
  qualityStandards?: readonly string[];
  compliance?: readonly ComplianceRequirement[];
  aql?: AqlPlan;
}): RfqBlock[] {
  const blocks: RfqBlock[] = [];
  const standards = unique([...(input.data.quality_standards ?? []), ...(input.qualityStandards ?? [])]);
  blocks.push({
    kind: 'paragraph',
    text: 'Goods must conform to the approved specification and to the standards below. The supplier operates a documented quality management system and keeps inspection records for each production lot for at least three years.',
  });
  if (standards.length > 0) blocks.push({ kind: 'bullets', items: standards });
  const certifications = unique(input.requiredCertifications);
  if (certifications.length > 0) {
    blocks.push({ kind: 'paragraph', text: 'Required certifications (a copy of each valid certificate must accompany the quotation):' });
    blocks.push({ kind: 'bullets', items: certifications.map((c) => `${c} (mandatory)`) });
  } else {
    blocks.push({ kind: 'paragraph', text: 'No certification is mandatory for this RFQ; list every quality, environmental and social certification held, with its expiry date.' });
  }
  const compliance = input.compliance ?? [];
  if (compliance.length > 0) {
    blocks.push({ kind: 'paragraph', text: 'Regulatory requirements for the destination markets (test reports from an ISO/IEC 17025 accredited laboratory, issued within the last 12 months):' });
    blocks.push({
      kind: 'table', header: ['Regulation', 'Reference', 'Requirement', 'Mandatory'],
      rows: compliance.map((c) => [c.regulation, c.citation, c.requirement, c.mandatory ? 'Yes' : 'Recommended']),
    });
  }
  const aql = input.aql;
  blocks.push({ kind: 'paragraph', text: 'Acceptance sampling: every lot is inspected before shipment by attributes to ISO 2859-1 (ANSI/ASQ Z1.4), single sampling, general inspection level II. Critical defects are not accepted in any quantity.' });
  blocks.push({
    kind: 'fields',
    fields: aql
      ? [
          ['Sample size code letter', aql.codeLetter],
          ['Sample size', `${formatCount(aql.sampleSize)} units`],
          ['Major defects', `accept with at most ${formatCount(aql.major)} in the sample (AQL 2.5)`],
          ['Minor defects', `accept with at most ${formatCount(aql.minor)} in the sample (AQL 4.0)`],
          ['Critical defects', 'none accepted'],
        ]
      : [
          ['Major defects', 'AQL 2.5'],
          ['Minor defects', 'AQL 4.0'],
          ['Critical defects', 'none accepted'],
          ['Sampling plan', 'code letter and sample size set by the order quantity'],
        ],
  });
  return blocks;
}

/** Section 5: the tiers to price, the order quantity, the date and the shipping terms. */
export function deliveryBlocks(input: { data: DpgData; quantityTiers: readonly number[]; targetDelivery: string; currency?: string }): RfqBlock[] {
  const d = input.data;
  const total = d.quantities?.total;
  const blocks: RfqBlock[] = [
    {
      kind: 'paragraph',
      text: `Quote a unit price for each quantity tier below${total ? `; the first order is planned at ${formatCount(total)} units` : ''}. Prices are per finished, packed unit, FOB (Incoterms® 2020), and must hold for any order quantity within a tier.`,
    },
    {
      kind: 'table', header: ['Tier', 'Order quantity', 'Price to quote'],
      rows: input.quantityTiers.map((q, i) => [String(i + 1), `${formatCount(q)} units`, `Unit price at ${formatCount(q)} units (column price_${q})`]),
    },
  ];
  if (d.quantities?.split && d.quantities.split.length > 0) {
    blocks.push({ kind: 'paragraph', text: 'The order quantity is split across variants as listed in section 2; state any surcharge for small variant runs.' });
  }
  const fields: [string, string][] = [
    ['Target delivery date', `${formatLongDate(input.targetDelivery)} (goods ready for shipment at the port of loading)`],
    ['Delivery terms', 'FOB (Incoterms® 2020), port of loading named by the supplier; an optional DDP price may be added'],
    ['Lead time', 'calendar days from purchase order and sample approval to goods ready for shipment'],
  ];
  if (d.target_markets && d.target_markets.length > 0) fields.push(['Destination markets', d.target_markets.map(marketName).join(', ')]);
  if (d.packaging) fields.push(['Packaging', d.packaging.notes ? `${d.packaging.type}. ${d.packaging.notes}` : d.packaging.type]);
  fields.push(['Export cartons', 'export-grade corrugated cartons with shipping marks, carton dimensions and gross weight stated in the quotation']);
  fields.push(['Partial shipments', 'only with the buyer\'s written consent']);
  blocks.push({ kind: 'fields', fields });
  return blocks;
}
