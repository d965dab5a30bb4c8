import { describe, expect, it } from 'vitest';
import { solidPng, tpuPhoneCase } from './fixtures.ts';
import { buildRfqDocument, rfqSectionTitles } from './rfq-document.ts';
import { renderRfqMarkdown, renderRfqSectionMarkdown } from './rfq-markdown.ts';

const doc = buildRfqDocument({
  code: 'RFQ-20261201-0007', projectName: 'Phone | cases', facts: { ...tpuPhoneCase, summary: '# not a heading' }, dpgVersion: 1,
  issuedAt: new Date('2026-12-01'), responseDeadline: new Date('2026-12-15'), targetDelivery: new Date('2027-02-15'),
  quantityTiers: [1000, 5000, 10_000], requiredCertifications: ['ISO 9001'], images: [{ caption: 'Front flat', png: solidPng(2, 2, [255, 0, 0]) }],
});

describe('renderRfqMarkdown', () => {
  const md = renderRfqMarkdown(doc);

  it('has a title and exactly nine numbered ## sections in order', () => {
    expect(md.startsWith('# Request for Quotation: Slim TPU phone case\n')).toBe(true);
    const headings = md.split('\n').filter((l) => l.startsWith('## '));
    expect(headings).toEqual(rfqSectionTitles.map((s, i) => `## ${i + 1}. ${s.title}`));
    expect(md).toContain('RFQ-20261201-0007');
  });

  it('renders tables, bullets and fields as Markdown', () => {
    expect(md).toContain('| Tier | Order quantity | Price to quote |\n| --- | --- | --- |\n| 1 | 1,000 units |');
    expect(md).toContain('- **RFQ reference:** RFQ-20261201-0007');
    expect(md).toMatch(/^- Confidentiality: /m);
  });

  it('keeps user text from breaking the structure', () => {
    expect(md).toContain('**Project:** Phone | cases');
    expect(md).not.toMatch(/^# not a heading/m);
  });

  it('captions images, or embeds them as data URIs when asked', () => {
    expect(md).toContain('*Figure 1: Front flat (image included in the PDF and Word versions).*');
    expect(renderRfqMarkdown(doc, { embedImages: true })).toContain('![Figure 1: Front flat](data:image/png;base64,iVBORw0KGgo');
  });

  it('renders one section body without headings', () => {
    const body = renderRfqSectionMarkdown(doc.sections[7]!);
    expect(body).not.toContain('## ');
    expect(body).toContain('| Price | 40% |');
    expect(renderRfqMarkdown({ ...doc, sections: [doc.sections[7]!], images: [] }, { sectionOnly: true })).toBe(`${body}\n`);
  });
});
