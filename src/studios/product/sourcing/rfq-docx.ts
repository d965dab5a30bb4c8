import {
  AlignmentType, BorderStyle, Document, Footer, Header, HeadingLevel, ImageRun, Packer, PageNumber, Paragraph, ShadingType,
  Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import { formatLongDate } from './display-format.ts';
import type { RfqBlock, RfqDocument } from './rfq-types.ts';

const a4 = { width: 11_906, height: 16_838 }; // twips
const marginTwips = 1134; // 2 cm
const maxImagePx = { width: 480, height: 400 }; // at 96 dpi, within the 17 cm text width
const border = { style: BorderStyle.SINGLE, size: 4, color: '9A9EA8' };

/** WordprocessingML cannot hold C0 control characters other than tab and newline, nor lone surrogates. */
function xmlSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

const run = (text: string, options: { bold?: boolean; italics?: boolean; size?: number; color?: string } = {}) => new TextRun({ text: xmlSafe(text), ...options });

function cell(text: string, options: { bold?: boolean; header?: boolean; width?: number } = {}): TableCell {
  return new TableCell({
    children: xmlSafe(text).split(/\r?\n/).map((line) => new Paragraph({ children: [run(line, { bold: options.bold || options.header })] })),
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    ...(options.header ? { shading: { type: ShadingType.CLEAR, fill: 'E6EAF2', color: 'auto' } } : {}),
    ...(options.width ? { width: { size: options.width, type: WidthType.PERCENTAGE } } : {}),
  });
}

function table(header: readonly string[] | null, rows: readonly (readonly string[])[], labelColumn = false): Table {
  const columns = Math.max(header?.length ?? 0, ...rows.map((r) => r.length));
  const pad = (r: readonly string[]) => Array.from({ length: columns }, (_, j) => r[j] ?? '');
  const tableRows = [
    ...(header ? [new TableRow({ tableHeader: true, cantSplit: true, children: pad(header).map((h) => cell(h, { header: true })) })] : []),
    ...rows.map((r) => new TableRow({
      cantSplit: true,
      children: pad(r).map((c, j) => cell(c, labelColumn ? { bold: j === 0, width: j === 0 ? 32 : 68 } : {})),
    })),
  ];
  return new Table({
    rows: tableRows,
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
  });
}

function blockElements(block: RfqBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'paragraph':
      return [new Paragraph({ children: [run(block.text)], spacing: { after: 120 } })];
    case 'bullets':
      return block.items.map((item) => new Paragraph({ children: [run(item)], bullet: { level: 0 }, spacing: { after: 60 } }));
    case 'table':
      return [table(block.header, block.rows), new Paragraph({ children: [], spacing: { after: 120 } })];
    case 'fields':
      return [table(null, block.fields, true), new Paragraph({ children: [], spacing: { after: 120 } })];
  }
}

/** Width and height of a PNG from its IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.length < 24 || png.readUInt32BE(0) !== 0x89504e47 || png.toString('ascii', 12, 16) !== 'IHDR') throw new Error('Not a PNG image');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function imageElements(png: Buffer, caption: string, n: number): Paragraph[] {
  const size = pngSize(png);
  const scale = Math.min(maxImagePx.width / size.width, maxImagePx.height / size.height);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [new ImageRun({
        type: 'png', data: png,
        transformation: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
        altText: { name: `Figure ${n}`, description: xmlSafe(caption), title: xmlSafe(caption) },
      })],
    }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 200 }, children: [run(`Figure ${n}: ${caption}`, { italics: true, size: 18 })] }),
  ];
}

/** The RFQ as a Word document: A4, numbered headings, bordered tables, bullets, images, the code and "Page n of N". */
export async function renderRfqDocx(doc: RfqDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [run(doc.title)] }),
    table(null, [
      ['Reference', doc.code],
      ['Project', doc.projectName],
      ['Issued', formatLongDate(doc.issuedAt)],
      ['Response deadline', formatLongDate(doc.responseDeadline)],
      ['Target delivery', formatLongDate(doc.targetDelivery)],
    ], true),
  ];
  doc.sections.forEach((section, i) => {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, keepNext: true, spacing: { before: 240, after: 120 }, children: [run(`${i + 1}. ${section.title}`)] }));
    for (const block of section.blocks) children.push(...blockElements(block));
    if (section.id === 'product-specifications') doc.images.forEach((image, n) => children.push(...imageElements(image.png, image.caption, n + 1)));
  });
  const document = new Document({
    creator: 'Foundry product studio',
    title: xmlSafe(doc.title),
    subject: xmlSafe(`${doc.code}: ${doc.projectName}`),
    styles: { default: { document: { run: { font: 'Calibri', size: 20 } } } },
    sections: [{
      properties: { page: { size: a4, margin: { top: marginTwips, bottom: marginTwips, left: marginTwips, right: marginTwips } } },
      headers: {
        default: new Header({
          children: [new Paragraph({ children: [run(doc.code, { bold: true, color: '1F3A6B' }), run(`    Request for Quotation – Confidential`, { color: '6B7280' })] })],
        }),
      },
      footers: {
        default: new Footer({
          children: [new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [new TextRun({ children: [`${doc.code}    Page `, PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 18 })],
          })],
        }),
      },
      children,
    }],
  });
  return Packer.toBuffer(document);
}
