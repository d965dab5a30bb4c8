/** The renderer-neutral shape of an RFQ: sections of blocks that Markdown, PDF and DOCX all draw. */
export type RfqBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'table'; header: string[]; rows: string[][] }
  | { kind: 'fields'; fields: [string, string][] };

export interface RfqSection {
  id: string;
  title: string;
  blocks: RfqBlock[];
}

export interface RfqImage {
  caption: string;
  png: Buffer;
}

export interface RfqDocument {
  code: string;
  title: string;
  projectName: string;
  /** YYYY-MM-DD */
  issuedAt: string;
  responseDeadline: string;
  targetDelivery: string;
  quantityTiers: number[];
  sections: RfqSection[];
  images: RfqImage[];
}

/** The nine sections of the seed's RFQ, in order. */
export const rfqSectionTitles = [
  { id: 'executive-summary', title: 'Executive Summary' },
  { id: 'product-specifications', title: 'Product Specifications' },
  { id: 'technical-requirements', title: 'Technical Requirements' },
  { id: 'quality-certifications', title: 'Quality Standards & Certifications' },
  { id: 'quantity-delivery', title: 'Quantity & Delivery Requirements' },
  { id: 'supplier-qualifications', title: 'Supplier Qualifications' },
  { id: 'submission-requirements', title: 'Submission Requirements' },
  { id: 'evaluation-criteria', title: 'Evaluation Criteria' },
  { id: 'terms-conditions', title: 'Terms & Conditions' },
] as const;
export type RfqSectionId = (typeof rfqSectionTitles)[number]['id'];
