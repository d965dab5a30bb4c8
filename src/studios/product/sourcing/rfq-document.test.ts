import { describe, expect, it } from 'vitest';
import { canvasTote, fleeceHoodie, solidPng, speakerShell, steelBottle, tpuPhoneCase } from './fixtures.ts';
import { buildRfqDocument, rfqSectionTitles, type RfqBlock, type RfqDocumentInput } from './rfq-document.ts';

const base: RfqDocumentInput = {
  code: 'RFQ-20261201-0007',
  projectName: 'Everyday phone cases',
  facts: tpuPhoneCase,
  dpgVersion: 3,
  issuedAt: new Date('2026-12-01T10:00:00Z'),
  responseDeadline: new Date('2026-12-15T10:00:00Z'),
  targetDelivery: new Date('2027-02-15T00:00:00Z'),
  quantityTiers: [10_000, 1000, 5000],
  requiredCertifications: ['ISO 9001'],
  compliance: [{ regulation: 'REACH', citation: 'Regulation (EC) No 1907/2006, Annex XVII', requirement: 'Restricted substances below limits', mandatory: true }],
  qualityStandards: ['ISO 2859-1'],
  aql: { codeLetter: 'L', sampleSize: 200, major: 10, minor: 14 },
  images: [{ caption: 'Technical flat, front', png: solidPng(4, 4, [0, 0, 0]) }],
  buyer: { name: 'Acme Goods Ltd', email: 'sourcing@example.com' },
};

function text(blocks: RfqBlock[]): string {
  return blocks.map((b) => {
    switch (b.kind) {
      case 'paragraph': return b.text;
      case 'bullets': return b.items.join('\n');
      case 'table': return [b.header, ...b.rows].map((r) => r.join(' | ')).join('\n');
      case 'fields': return b.fields.map(([k, v]) => `${k}: ${v}`).join('\n');
    }
  }).join('\n');
}

describe('buildRfqDocument', () => {
  const doc = buildRfqDocument(base);
  const section = (id: string) => text(doc.sections.find((s) => s.id === id)?.blocks ?? []);

  it('has the nine sections of the seed in order, and the dates and sorted tiers', () => {
    expect(doc.sections.map((s) => s.title)).toEqual(rfqSectionTitles.map((s) => s.title));
    expect(doc.sections).toHaveLength(9);
    expect(doc).toMatchObject({ code: 'RFQ-20261201-0007', title: 'Request for Quotation: Slim TPU phone case', issuedAt: '2026-12-01', responseDeadline: '2026-12-15', targetDelivery: '2027-02-15', quantityTiers: [1000, 5000, 10_000] });
    expect(doc.images).toHaveLength(1);
    for (const s of doc.sections) expect(s.blocks.length).toBeGreaterThan(0);
  });

  it('summarises the request with the buyer, quantities and deadline', () => {
    const summary = section('executive-summary');
    expect(summary).toContain('Acme Goods Ltd invites qualified manufacturers');
    expect(summary).toContain('3 quantity tiers from 1,000 to 10,000 units, with a first order of 10,000 units');
    expect(summary).toContain('Quotations are due by 15 December 2026');
    expect(summary).toContain('Digital Product Genome version 3');
  });

  it('lists every field of the specification in words and units', () => {
    const spec = section('product-specifications');
    for (const expected of [
      'TPU (thermoplastic polyurethane), Shore 85A', '100%', 'Case length (iPhone 15) | 150.9 mm | ± 0.1 mm', 'Overall depth | 10.4 mm | See general tolerances',
      'Midnight black | #1C1C1E | Black 6 C', 'First order quantity: 10,000 units', 'iPhone 15 Pro | 4,000 units',
      'Quality standards: ISO 9001 quality management, AQL 2.5 major / 4.0 minor', 'Packaging: Recycled kraft box with paper insert. No plastic in retail packaging.',
      'Labelling and marking: Model compatibility printed on the box; Country of origin', 'Destination markets: United States, European Union',
      'Target delivery date: 15 February 2027', 'Target unit price: $2.50 per unit', 'Intended for children under 12: No', 'Electrical or electronic parts: No',
      'Food or drink contact: No', 'Logo / branding: UV print, placed centre back, 25 mm wide', 'Compatible device models: iPhone 15, iPhone 15 Pro',
      'Case style: Slim', 'Bezel (lip) height above the screen: 1.2 mm', 'Camera cut-out: Full opening', 'Buttons: Covered',
    ]) expect(spec).toContain(expected);
  });

  it('writes category-specific technical requirements', () => {
    expect(section('technical-requirements')).toMatch(/one tooled variant per device model \(iPhone 15 and iPhone 15 Pro\)/);
    expect(section('technical-requirements')).toContain('1.2 mm above the display glass');
    expect(section('technical-requirements')).toContain('Wall thickness | 1.2 mm | ± 0.05 mm');
    const tech = (facts: RfqDocumentInput['facts']) => text(buildRfqDocument({ ...base, facts }).sections[2]!.blocks);
    expect(tech(fleeceHoodie)).toContain('ISO 105-C06');
    expect(tech(fleeceHoodie)).toContain('320 g/m² ± 5%');
    expect(tech(canvasTote)).toContain('Two 65 cm webbing handles');
    expect(tech(steelBottle)).toContain('750 ml nominal fill');
    expect(tech(steelBottle)).toContain('EN 12875-1');
    expect(tech(speakerShell)).toContain('ISO 20457');
    expect(tech(speakerShell)).toContain('RoHS (2011/65/EU)');
    expect(tech(canvasTote)).not.toContain('display glass');
  });

  it('states certifications, compliance and the AQL plan', () => {
    const quality = section('quality-certifications');
    expect(quality).toContain('ISO 9001 (mandatory)');
    expect(quality).toContain('REACH | Regulation (EC) No 1907/2006, Annex XVII');
    expect(quality).toContain('Sample size code letter: L');
    expect(quality).toContain('at most 10 in the sample');
    expect(quality).toContain('ISO 2859-1');
  });

  it('asks for a price per tier, FOB, by the target date', () => {
    const delivery = section('quantity-delivery');
    expect(delivery).toContain('1 | 1,000 units | Unit price at 1,000 units (column price_1000)');
    expect(delivery).toContain('3 | 10,000 units');
    expect(delivery).toContain('FOB (Incoterms® 2020)');
    expect(delivery).toContain('15 February 2027');
  });

  it('names the quote columns, deadline, weights, TOPSIS and the terms', () => {
    const submission = section('submission-requirements');
    for (const column of ['supplier', 'price_1000', 'price_5000', 'price_10000', 'tooling', 'currency', 'lead_time_days', 'moq', 'certifications', 'payment_terms', 'valid_until']) {
      expect(submission).toMatch(new RegExp(`^${column} \\|`, 'm'));
    }
    expect(submission).toContain('sourcing@example.com');
    expect(submission).toContain('15 December 2026');
    const evaluation = section('evaluation-criteria');
    expect(evaluation).toContain('Price | 40%');
    expect(evaluation).toContain('Quality | 25%');
    expect(evaluation).toContain('Delivery | 20%');
    expect(evaluation).toContain('Compliance | 15%');
    expect(evaluation).toContain('TOPSIS');
    const terms = section('terms-conditions');
    for (const word of ['Confidentiality', 'Sample approval', 'Inspection', 'Intellectual property']) expect(terms).toContain(word);
    expect(section('supplier-qualifications')).toContain('10,000 units');
  });

  it('notes core specifications the DPG leaves open', () => {
    expect(text(buildRfqDocument({ ...base, facts: steelBottle }).sections[1]!.blocks)).toMatch(/Not fixed in the specification: dimensions & measurements, colour specifications/);
  });

  it('rejects impossible input', () => {
    expect(() => buildRfqDocument({ ...base, quantityTiers: [] })).toThrow(expect.objectContaining({ code: 'RFQ_INPUT_INVALID' }));
    expect(() => buildRfqDocument({ ...base, responseDeadline: new Date('2026-11-01') })).toThrow(expect.objectContaining({ code: 'RFQ_INPUT_INVALID' }));
    expect(() => buildRfqDocument({ ...base, targetDelivery: new Date('nope') })).toThrow(expect.objectContaining({ code: 'RFQ_INPUT_INVALID' }));
  });
});
