import { getDocumentProxy } from 'unpdf';
import type { DocumentBlock, ExtractedDocument } from '../extracted-document.ts';
import { EncryptedFileError } from '../knowledge-errors.ts';
import { BlockSink, corrupt, empty, tooLarge, type ExtractionContext } from './extraction-context.ts';

interface Line { text: string; size: number; y: number; x: number; endX: number; eol: boolean; sizes: Map<number, number> }
interface Paragraph { text: string; size: number; page: number; lines: number }

const round = (size: number) => Math.round(size * 2) / 2;

/** Groups a page's text items into lines by baseline, with a space where the gap between items is wide. */
function linesOf(items: readonly unknown[]): Line[] {
  const lines: Line[] = [];
  let line: Line | undefined;
  const finish = () => {
    if (!line) return;
    line.size = [...line.sizes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? line.size;
    if (line.text.trim() !== '') lines.push(line);
    line = undefined;
  };
  for (const raw of items) {
    const item = raw as { str?: string; transform?: number[]; width?: number; height?: number; hasEOL?: boolean };
    if (typeof item.str !== 'string' || !item.transform) continue;
    const [, , c = 0, d = 0, x = 0, y = 0] = item.transform;
    const size = Math.hypot(c, d) || item.height || 1;
    if (item.str !== '') {
      if (line && (line.eol || Math.abs(y - line.y) > Math.max(size, line.size) * 0.5)) finish();
      if (!line) line = { text: '', size, y, x, endX: x, eol: false, sizes: new Map() };
      else if (x - line.endX > size * 0.2 && !/\s$/.test(line.text) && !/^\s/.test(item.str)) line.text += ' ';
      line.text += item.str;
      line.endX = x + (item.width ?? 0);
      const key = round(size);
      line.sizes.set(key, (line.sizes.get(key) ?? 0) + item.str.length);
    }
    if (item.hasEOL && line) line.eol = true;
  }
  finish();
  return lines;
}

/** Joins lines into paragraphs: a wider gap than the page's usual line spacing, a move up, or a change of font size starts a new one. */
function paragraphsOf(lines: Line[], page: number): Paragraph[] {
  const gaps = lines.slice(1).map((l, i) => lines[i]!.y - l.y).filter((g, i) => g > 0 && Math.abs(lines[i + 1]!.size - lines[i]!.size) < 0.5).sort((a, b) => a - b);
  const usual = gaps.length >= 3 ? gaps[Math.floor(gaps.length / 2)]! : undefined;
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | undefined;
  let previous: Line | undefined;
  for (const line of lines) {
    const gap = previous ? previous.y - line.y : 0;
    const threshold = usual !== undefined ? usual * 1.35 + 0.5 : line.size * 1.6;
    const sameSize = previous !== undefined && Math.abs(previous.size - line.size) <= Math.max(previous.size, line.size) * 0.1;
    if (current && previous && sameSize && gap > 0 && gap <= threshold) {
      current.text = /\p{L}-$/u.test(current.text) && /^\p{Ll}/u.test(line.text) ? current.text.slice(0, -1) + line.text.trimStart() : `${current.text} ${line.text.trim()}`;
      current.lines += 1;
    } else {
      if (current) paragraphs.push(current);
      current = { text: line.text.trim(), size: line.size, page, lines: 1 };
    }
    previous = line;
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}

/** Larger type than the body text, short, and at most three lines: a heading; its level is its size's rank. */
function toBlocks(paragraphs: Paragraph[]): DocumentBlock[] {
  const charsBySize = new Map<number, number>();
  for (const p of paragraphs) charsBySize.set(round(p.size), (charsBySize.get(round(p.size)) ?? 0) + p.text.length);
  const body = [...charsBySize].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  const isHeading = (p: Paragraph) => round(p.size) >= body * 1.2 && p.text.length <= 150 && p.lines <= 3;
  const headingSizes = [...new Set(paragraphs.filter(isHeading).map((p) => round(p.size)))].sort((a, b) => b - a);
  return paragraphs.map((p) => isHeading(p)
    ? { kind: 'heading', text: p.text, level: Math.min(6, headingSizes.indexOf(round(p.size)) + 1), page: p.page }
    : { kind: 'paragraph', text: p.text, page: p.page });
}

/** PDF through unpdf (PDF.js): text per page, paragraphs by line spacing, headings by font size. */
export async function extractPdf(ctx: ExtractionContext): Promise<ExtractedDocument> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(new Uint8Array(ctx.bytes), { verbosity: 0, stopAtErrors: false });
  } catch (error) {
    if ((error as { name?: string }).name === 'PasswordException') {
      throw new EncryptedFileError({ message: `${ctx.filename} is password-protected: remove the password and upload it again`, details: { filename: ctx.filename, format: 'pdf' } });
    }
    throw corrupt(ctx, 'a PDF', error);
  }
  try {
    if (pdf.numPages > ctx.limits.maxPdfPages) throw tooLarge(ctx, 'maxPdfPages', ctx.limits.maxPdfPages, 'pages');
    const paragraphs: Paragraph[] = [];
    for (let number = 1; number <= pdf.numPages; number++) {
      ctx.signal?.throwIfAborted();
      let items: readonly unknown[];
      try {
        const page = await pdf.getPage(number);
        items = (await page.getTextContent()).items;
        page.cleanup();
      } catch (error) {
        throw corrupt(ctx, `a PDF (page ${number})`, error);
      }
      paragraphs.push(...paragraphsOf(linesOf(items), number));
    }
    const sink = new BlockSink(ctx);
    for (const block of toBlocks(paragraphs)) sink.add(block);
    if (sink.blocks.length === 0) throw empty(ctx, `none of its ${pdf.numPages} pages has a text layer (a scanned PDF?); upload the pages as images to have them read by OCR`);
    const info = (await pdf.getMetadata().catch(() => undefined))?.info as { Title?: unknown } | undefined;
    const title = typeof info?.Title === 'string' && info.Title.trim() !== '' ? info.Title.trim() : sink.firstTitle();
    return { blocks: sink.blocks, metadata: { ...(title ? { title } : {}), pages: pdf.numPages, parser: 'unpdf' } };
  } finally {
    await pdf.loadingTask.destroy();
  }
}
