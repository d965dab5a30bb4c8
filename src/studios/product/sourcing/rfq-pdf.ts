import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { formatLongDate } from './display-format.ts';
import { pdfSafeText } from './pdf-safe-text.ts';
import type { RfqBlock, RfqDocument } from './rfq-types.ts';

const pageSize: [number, number] = [595.28, 841.89]; // A4 in points
const margin = { left: 56, right: 56, top: 64, bottom: 60 };
const contentWidth = pageSize[0] - margin.left - margin.right;
const body = { size: 10, leading: 13.5 };
const cellPad = 4;
const ink = rgb(0.1, 0.1, 0.12);
const accent = rgb(0.12, 0.23, 0.42);
const rule = rgb(0.6, 0.62, 0.66);
const headerFill = rgb(0.9, 0.92, 0.95);

interface Fonts { regular: PDFFont; bold: PDFFont; italic: PDFFont }

/** Splits text into lines that fit `width`; a word longer than a line is broken between characters. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

/** Column widths: natural widths when they fit, else every column keeps its longest word and the rest is shared. */
function columnWidths(rows: string[][], fonts: Fonts, columns: number): number[] {
  const widthOf = (text: string, bold: boolean) => (bold ? fonts.bold : fonts.regular).widthOfTextAtSize(text, body.size) + 2 * cellPad;
  const natural = Array.from({ length: columns }, (_, j) => Math.max(24, ...rows.map((r, i) => widthOf(r[j] ?? '', i === 0))));
  const minimum = Array.from({ length: columns }, (_, j) => Math.min(
    contentWidth / columns,
    Math.max(36, ...rows.flatMap((r, i) => (r[j] ?? '').split(/ +/).map((w) => widthOf(w, i === 0)))),
  ));
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= contentWidth) return natural.map((w) => (w * contentWidth) / total);
  const spare = contentWidth - minimum.reduce((a, b) => a + b, 0);
  const extra = natural.map((w, j) => Math.max(0, w - (minimum[j] ?? 0)));
  const extraTotal = extra.reduce((a, b) => a + b, 0) || 1;
  return minimum.map((m, j) => m + (Math.max(0, spare) * (extra[j] ?? 0)) / extraTotal);
}

class Layout {
  readonly pages: PDFPage[] = [];
  private page!: PDFPage;
  private y = 0;
  private readonly pdf: PDFDocument;
  private readonly fonts: Fonts;
  private readonly doc: RfqDocument;
  private readonly charset: ReadonlySet<number>;

  constructor(pdf: PDFDocument, fonts: Fonts, doc: RfqDocument, charset: ReadonlySet<number>) {
    this.pdf = pdf;
    this.fonts = fonts;
    this.doc = doc;
    this.charset = charset;
    this.newPage();
  }

  text(value: string): string {
    return pdfSafeText(value, this.charset);
  }

  newPage(): void {
    this.page = this.pdf.addPage(pageSize);
    this.pages.push(this.page);
    const top = pageSize[1] - 36;
    this.page.drawText(this.doc.code, { x: margin.left, y: top, size: 9, font: this.fonts.bold, color: accent });
    const right = this.text('Request for Quotation – Confidential');
    this.page.drawText(right, { x: pageSize[0] - margin.right - this.fonts.regular.widthOfTextAtSize(right, 9), y: top, size: 9, font: this.fonts.regular, color: rule });
    this.page.drawLine({ start: { x: margin.left, y: top - 6 }, end: { x: pageSize[0] - margin.right, y: top - 6 }, thickness: 0.5, color: rule });
    this.y = pageSize[1] - margin.top;
  }

  private room(): number {
    return this.y - margin.bottom;
  }

  ensure(height: number): void {
    if (this.room() < height) this.newPage();
  }

  gap(points: number): void {
    this.y -= points;
  }

  lines(value: string, options: { font?: PDFFont; size?: number; leading?: number; indent?: number; color?: ReturnType<typeof rgb> } = {}): void {
    const font = options.font ?? this.fonts.regular;
    const size = options.size ?? body.size;
    const leading = options.leading ?? body.leading;
    const indent = options.indent ?? 0;
    for (const line of wrap(this.text(value), font, size, contentWidth - indent)) {
      this.ensure(leading);
      this.y -= leading;
      this.page.drawText(line, { x: margin.left + indent, y: this.y + (leading - size) / 2, size, font, color: options.color ?? ink });
    }
  }

  heading(value: string): void {
    this.ensure(60);
    this.gap(10);
    this.lines(value, { font: this.fonts.bold, size: 13, leading: 18, color: accent });
    this.gap(4);
  }

  bullets(items: readonly string[]): void {
    for (const item of items) {
      const lines = wrap(this.text(item), this.fonts.regular, body.size, contentWidth - 14);
      lines.forEach((line, i) => {
        this.ensure(body.leading);
        this.y -= body.leading;
        const baseline = this.y + (body.leading - body.size) / 2;
        if (i === 0) this.page.drawText('•', { x: margin.left + 3, y: baseline, size: body.size, font: this.fonts.regular, color: ink });
        this.page.drawText(line, { x: margin.left + 14, y: baseline, size: body.size, font: this.fonts.regular, color: ink });
      });
      this.gap(2);
    }
  }

  /** A bordered table; rows move to the next page whole when they can, the header repeats on each page. */
  table(header: readonly string[] | null, rows: readonly (readonly string[])[], boldFirstColumn = false): void {
    const columns = Math.max(header?.length ?? 0, ...rows.map((r) => r.length));
    const safe = (r: readonly string[]) => Array.from({ length: columns }, (_, j) => this.text(r[j] ?? ''));
    const head = header ? safe(header) : null;
    const bodyRows = rows.map(safe);
    const widths = columnWidths(head ? [head, ...bodyRows] : [[], ...bodyRows], this.fonts, columns);
    const cellLines = (r: string[], bold: boolean) => r.map((c, j) => wrap(c, bold || (boldFirstColumn && j === 0) ? this.fonts.bold : this.fonts.regular, body.size, (widths[j] ?? 40) - 2 * cellPad));
    const heightOf = (lines: string[][]) => Math.max(1, ...lines.map((l) => l.length)) * body.leading + 2 * cellPad;
    const headLines = head ? cellLines(head, true) : null;
    const drawRow = (lines: string[][], isHeader: boolean) => {
      const rowHeight = heightOf(lines);
      let x = margin.left;
      lines.forEach((cell, j) => {
        const w = widths[j] ?? 40;
        this.page.drawRectangle({ x, y: this.y - rowHeight, width: w, height: rowHeight, borderColor: rule, borderWidth: 0.5, ...(isHeader ? { color: headerFill } : {}) });
        const font = isHeader || (boldFirstColumn && j === 0) ? this.fonts.bold : this.fonts.regular;
        cell.forEach((line, k) => {
          this.page.drawText(line, { x: x + cellPad, y: this.y - cellPad - (k + 1) * body.leading + 3.5, size: body.size, font, color: ink });
        });
        x += w;
      });
      this.y -= rowHeight;
    };
    const startPage = () => {
      this.newPage();
      if (headLines) drawRow(headLines, true);
    };
    const fullPage = pageSize[1] - margin.top - margin.bottom - (headLines ? heightOf(headLines) : 0);
    if (headLines) {
      this.ensure(heightOf(headLines) + body.leading * 2 + 2 * cellPad);
      drawRow(headLines, true);
    }
    for (const row of bodyRows) {
      let lines = cellLines(row, false);
      if (heightOf(lines) <= fullPage) {
        if (heightOf(lines) > this.room()) startPage();
        drawRow(lines, false);
        continue;
      }
      // A row taller than a page is drawn in slices of as many lines as fit.
      while (lines.some((l) => l.length > 0)) {
        const fit = Math.floor((this.room() - 2 * cellPad) / body.leading);
        if (fit < 1) {
          startPage();
          continue;
        }
        drawRow(lines.map((l) => l.slice(0, fit)), false);
        lines = lines.map((l) => l.slice(fit));
        if (lines.some((l) => l.length > 0)) startPage();
      }
    }
    this.gap(8);
  }

  async image(png: Buffer, caption: string): Promise<void> {
    const embedded = await this.pdf.embedPng(png);
    const scale = Math.min((contentWidth * 0.8) / embedded.width, 300 / embedded.height);
    const width = embedded.width * scale;
    const height = embedded.height * scale;
    this.ensure(height + 30);
    this.y -= height;
    this.page.drawImage(embedded, { x: margin.left + (contentWidth - width) / 2, y: this.y, width, height });
    this.page.drawRectangle({ x: margin.left + (contentWidth - width) / 2, y: this.y, width, height, borderColor: rule, borderWidth: 0.5 });
    this.gap(4);
    this.lines(caption, { font: this.fonts.italic, size: 9, leading: 12 });
    this.gap(8);
  }

  block(block: RfqBlock): void {
    switch (block.kind) {
      case 'paragraph':
        this.lines(block.text);
        this.gap(6);
        return;
      case 'bullets':
        this.bullets(block.items);
        this.gap(4);
        return;
      case 'table':
        this.table(block.header, block.rows);
        return;
      case 'fields':
        this.table(null, block.fields, true);
        return;
    }
  }

  footers(): void {
    const total = this.pages.length;
    this.pages.forEach((page, i) => {
      const label = `Page ${i + 1} of ${total}`;
      page.drawLine({ start: { x: margin.left, y: 42 }, end: { x: pageSize[0] - margin.right, y: 42 }, thickness: 0.5, color: rule });
      page.drawText(label, { x: pageSize[0] - margin.right - this.fonts.regular.widthOfTextAtSize(label, 9), y: 30, size: 9, font: this.fonts.regular, color: ink });
      page.drawText(this.text(`${this.doc.code} – issued ${formatLongDate(this.doc.issuedAt)}`), { x: margin.left, y: 30, size: 9, font: this.fonts.regular, color: rule });
    });
  }
}

/** The RFQ as an A4 PDF in the standard Helvetica fonts: numbered sections, bordered tables, images, "Page n of N". */
export async function renderRfqPdf(doc: RfqDocument): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const fonts: Fonts = {
    regular: await pdf.embedFont(StandardFonts.Helvetica),
    bold: await pdf.embedFont(StandardFonts.HelveticaBold),
    italic: await pdf.embedFont(StandardFonts.HelveticaOblique),
  };
  const charset = new Set(fonts.regular.getCharacterSet());
  const issued = new Date(`${doc.issuedAt}T00:00:00Z`);
  pdf.setTitle(pdfSafeText(doc.title, charset));
  pdf.setSubject(`${doc.code}: ${pdfSafeText(doc.projectName, charset)}`);
  pdf.setCreator('Foundry product studio');
  pdf.setProducer('Foundry');
  pdf.setCreationDate(issued);
  pdf.setModificationDate(issued);

  const layout = new Layout(pdf, fonts, doc, charset);
  layout.lines(doc.title, { font: fonts.bold, size: 18, leading: 24, color: accent });
  layout.gap(6);
  layout.table(null, [
    ['Reference', doc.code],
    ['Project', doc.projectName],
    ['Issued', formatLongDate(doc.issuedAt)],
    ['Response deadline', formatLongDate(doc.responseDeadline)],
    ['Target delivery', formatLongDate(doc.targetDelivery)],
  ], true);
  for (const [i, section] of doc.sections.entries()) {
    layout.heading(`${i + 1}. ${section.title}`);
    for (const block of section.blocks) layout.block(block);
    if (section.id === 'product-specifications') {
      for (const [n, image] of doc.images.entries()) await layout.image(image.png, `Figure ${n + 1}: ${image.caption}`);
    }
  }
  layout.footers();
  return Buffer.from(await pdf.save());
}
