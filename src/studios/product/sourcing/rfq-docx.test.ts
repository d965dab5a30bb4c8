import { inflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { solidPng, tpuPhoneCase } from './fixtures.ts';
import { buildRfqDocument, rfqSectionTitles } from './rfq-document.ts';
import { pngSize, renderRfqDocx } from './rfq-docx.ts';

/** The files of a ZIP archive, read through its central directory. */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataStart, dataStart + size);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extra;
  }
  return files;
}

const doc = buildRfqDocument({
  code: 'RFQ-20261201-0007', projectName: 'Everyday phone cases', facts: tpuPhoneCase, dpgVersion: 2,
  issuedAt: new Date('2026-12-01'), responseDeadline: new Date('2026-12-15'), targetDelivery: new Date('2027-02-15'),
  quantityTiers: [1000, 5000, 10_000], requiredCertifications: ['ISO 9001'],
  images: [{ caption: 'Technical flat, front', png: solidPng(40, 80, [200, 30, 30]) }],
});

describe('renderRfqDocx', () => {
  it('writes a Word document whose text holds the code, the nine sections and the tables', async () => {
    const docx = await renderRfqDocx(doc);
    const { value } = await mammoth.extractRawText({ buffer: docx });
    expect(value).toContain('RFQ-20261201-0007');
    rfqSectionTitles.forEach((s, i) => expect(value).toContain(`${i + 1}. ${s.title}`));
    expect(value).toContain('price_10000');
    expect(value).toContain('Figure 1: Technical flat, front');
  });

  it('uses headings, bullet lists, tables with a repeated header row, and embeds the image', async () => {
    const files = unzip(await renderRfqDocx(doc));
    const body = files.get('word/document.xml')!.toString();
    expect(body).toContain('<w:pStyle w:val="Heading1"/>');
    expect(body).toContain('<w:numPr>');
    expect(body).toContain('<w:tblHeader/>');
    expect(body).toContain('<w:pgSz w:w="11906" w:h="16838"');
    const media = [...files.keys()].filter((name) => name.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    expect(pngSize(files.get(media[0]!)!)).toEqual({ width: 40, height: 80 });
    const { value: html } = await mammoth.convertToHtml({ buffer: await renderRfqDocx(doc) });
    expect(html).toMatch(/<h1>1\. Executive Summary<\/h1>/);
    expect(html).toContain('<table>');
    expect(html).toMatch(/<ul><li>/);
  });

  it('puts the code and "Page n of N" fields in the header and footer', async () => {
    const files = unzip(await renderRfqDocx(doc));
    const header = [...files].find(([name]) => /^word\/header\d*\.xml$/.test(name))?.[1].toString() ?? '';
    const footer = [...files].find(([name]) => /^word\/footer\d*\.xml$/.test(name))?.[1].toString() ?? '';
    expect(header).toContain('RFQ-20261201-0007');
    expect(footer).toContain('RFQ-20261201-0007');
    expect(footer).toMatch(/PAGE[\s\S]*NUMPAGES/);
  });

  it('drops characters Word cannot store instead of writing a broken file', async () => {
    const docx = await renderRfqDocx({ ...doc, images: [], sections: [{ id: 'x', title: 'Odd \u0007text ≤ 中文 😀', blocks: [{ kind: 'paragraph', text: 'bell\u0001 here' }] }] });
    const { value } = await mammoth.extractRawText({ buffer: docx });
    expect(value).toContain('1. Odd text ≤ 中文 😀');
    expect(value).toContain('bell here');
  });

  it('rejects an image that is not a PNG', () => {
    expect(() => pngSize(Buffer.from('GIF89a not a png at all....'))).toThrow('Not a PNG image');
  });
});
