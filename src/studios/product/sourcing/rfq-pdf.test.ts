import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { solidPng, tpuPhoneCase } from './fixtures.ts';
import { buildRfqDocument, rfqSectionTitles, type RfqDocument } from './rfq-document.ts';
import { renderRfqPdf } from './rfq-pdf.ts';

const doc = buildRfqDocument({
  code: 'RFQ-20261201-0007', projectName: 'Everyday phone cases', facts: tpuPhoneCase, dpgVersion: 2,
  issuedAt: new Date('2026-12-01'), responseDeadline: new Date('2026-12-15'), targetDelivery: new Date('2027-02-15'),
  quantityTiers: [1000, 5000, 10_000], requiredCertifications: ['ISO 9001'],
  images: [{ caption: 'Technical flat, front', png: solidPng(60, 120, [30, 60, 90]) }], buyer: { name: 'Acme Goods Ltd' },
});

async function pdfText(pdf: Buffer): Promise<{ pages: string[]; all: string; totalPages: number }> {
  const { text, totalPages } = await extractText(new Uint8Array(pdf), { mergePages: false });
  const pages = text.map((t) => t.replace(/\s+/g, ' '));
  return { pages, all: pages.join(' '), totalPages };
}

describe('renderRfqPdf', () => {
  it('writes an A4 PDF whose text holds the code and the nine section titles', async () => {
    const pdf = await renderRfqPdf(doc);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const proxy = await getDocumentProxy(new Uint8Array(pdf));
    const first = await proxy.getPage(1);
    const [, , width, height] = first.view;
    expect(Math.round(width!)).toBe(595);
    expect(Math.round(height!)).toBe(842);
    const { all, pages, totalPages } = await pdfText(pdf);
    expect(all).toContain('RFQ-20261201-0007');
    rfqSectionTitles.forEach((s, i) => expect(all).toContain(`${i + 1}. ${s.title}`));
    expect(all).toContain('Unit price at 10,000 units (column price_10000)');
    expect(totalPages).toBeGreaterThan(2);
    pages.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${totalPages}`));
  });

  it('embeds the product image', async () => {
    const pdf = await renderRfqPdf(doc);
    const withoutImage = await renderRfqPdf({ ...doc, images: [] });
    expect(pdf.includes(Buffer.from('/Subtype /Image'))).toBe(true);
    expect(withoutImage.includes(Buffer.from('/Subtype /Image'))).toBe(false);
    expect((await pdfText(pdf)).all).toContain('Figure 1: Technical flat, front');
  });

  it('breaks a long table across pages and repeats its header', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`Part ${i + 1}`, `${(i + 1) * 10} mm`, 'A tolerance note that is long enough to wrap onto a second line in its column, to test row heights.']);
    const long: RfqDocument = { ...doc, images: [], sections: [{ id: 'x', title: 'Parts list', blocks: [{ kind: 'table', header: ['Part', 'Length', 'Note'], rows }] }] };
    const { pages, totalPages } = await pdfText(await renderRfqPdf(long));
    expect(totalPages).toBeGreaterThan(3);
    expect(pages.join(' ')).toContain('Part 120');
    for (const page of pages.slice(1)) expect(page).toMatch(/Part Length Note/);
  });

  it('slices a row taller than a page across pages', async () => {
    const words = Array.from({ length: 1500 }, (_, i) => `word${i}`).join(' ');
    const tall: RfqDocument = { ...doc, images: [], sections: [{ id: 'x', title: 'Notes', blocks: [{ kind: 'table', header: ['Item', 'Note'], rows: [['Long', words], ['After', 'the end']] }] }] };
    const { all, totalPages } = await pdfText(await renderRfqPdf(tall));
    expect(totalPages).toBeGreaterThan(2);
    expect(all).toContain('word0 ');
    expect(all).toContain('word1499');
    expect(all).toContain('After the end');
  });

  it('draws characters Helvetica cannot encode instead of throwing', async () => {
    const odd: RfqDocument = {
      ...doc, images: [], projectName: 'Ünïcode ≤ test', sections: [{
        id: 'x', title: 'Symbols “quoted” — 2 × 3 ≤ 7',
        blocks: [{ kind: 'paragraph', text: 'Tolerance ≥ 0.1 mm → OK ✓; 中文 😀; Łódź; ⌀ 12' }, { kind: 'bullets', items: ['αβγ'] }, { kind: 'fields', fields: [['Größe', '≈ 5']] }],
      }],
    };
    const { all } = await pdfText(await renderRfqPdf(odd));
    expect(all).toContain('Symbols “quoted” — 2 × 3 <= 7');
    expect(all).toContain('Tolerance >= 0.1 mm -> OK [x]; ?? ?; ?ódz; dia.');
    expect(all).toContain('Größe');
  });

  it('is deterministic for the same document', async () => {
    expect((await renderRfqPdf(doc)).equals(await renderRfqPdf(doc))).toBe(true);
  });
});
