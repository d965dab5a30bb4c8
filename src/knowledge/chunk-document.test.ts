import { describe, expect, it } from 'vitest';
import { makePdf, prose, seededBytes } from '../../test/support/knowledge-fixtures.ts';
import { estimateTokens } from './chunk/estimate-tokens.ts';
import { chunkDocument, defaultChunkOptions, documentText, type ChunkOptions } from './chunk-document.ts';
import type { DocumentBlock, DocumentChunk, ExtractedDocument } from './extracted-document.ts';
import { extractDocument } from './extract/extract-document.ts';

const doc = (...blocks: DocumentBlock[]): ExtractedDocument => ({ blocks, metadata: { parser: 'test' } });
const h = (level: number, text: string, extra: Partial<DocumentBlock> = {}): DocumentBlock => ({ kind: 'heading', text, level, ...extra });
const p = (text: string, extra: Partial<DocumentBlock> = {}): DocumentBlock => ({ kind: 'paragraph', text, ...extra });

/** The properties every chunking must have, whatever the document. */
function checkInvariants(d: ExtractedDocument, chunks: DocumentChunk[], options: ChunkOptions = {}) {
  const text = documentText(d);
  const max = options.maxTokens ?? defaultChunkOptions.maxTokens;
  const overlap = options.overlapTokens ?? defaultChunkOptions.overlapTokens;
  let covered = 0;
  chunks.forEach((chunk, i) => {
    expect(chunk.ordinal).toBe(i);
    expect(chunk.text).toBe(text.slice(chunk.charStart, chunk.charEnd));
    expect(chunk.text).toBe(chunk.text.trim());
    expect(chunk.text.length).toBeGreaterThan(0);
    expect(chunk.tokens).toBe(estimateTokens(chunk.text));
    expect(chunk.tokens).toBeLessThanOrEqual(max);
    if (i > 0) {
      const previous = chunks[i - 1]!;
      expect(chunk.charStart).toBeGreaterThan(previous.charStart);
      if (chunk.charStart < previous.charEnd) expect(estimateTokens(text.slice(chunk.charStart, previous.charEnd))).toBeLessThanOrEqual(overlap);
    }
    expect(text.slice(covered, chunk.charStart).trim(), 'no text is left out between chunks').toBe('');
    covered = Math.max(covered, chunk.charEnd);
  });
  expect(text.slice(covered).trim()).toBe('');
}

describe('documentText', () => {
  it('joins the block texts with a blank line', () => {
    expect(documentText(doc(h(1, 'Title'), p('One.'), p('Two.')))).toBe('Title\n\nOne.\n\nTwo.');
    expect(documentText(doc())).toBe('');
  });
});

describe('chunkDocument', () => {
  it('gives no chunks for a document without blocks', () => {
    expect(chunkDocument(doc())).toEqual([]);
  });

  it('keeps a small document in one chunk with its heading path and offsets', () => {
    const d = doc(h(1, 'Guide'), h(2, 'Install'), p('Run npm install. Then start it.'));
    expect(chunkDocument(d)).toEqual([{ ordinal: 0, text: 'Guide\n\nInstall\n\nRun npm install. Then start it.', heading: 'Guide > Install', charStart: 0, charEnd: 47, tokens: 12 }]);
  });

  it('starts a new chunk at every level-1 or level-2 heading whose section is not tiny', () => {
    const d = doc(
      h(1, 'Manual'),
      h(2, 'Install'), p(prose(6, 1)),
      h(2, 'Configure'), p(prose(6, 2)),
      h(3, 'Database'), p(prose(2, 3)),
      h(2, 'Run'), p(prose(6, 4)),
    );
    const chunks = chunkDocument(d);
    checkInvariants(d, chunks);
    expect(chunks.map((c) => c.heading)).toEqual(['Manual > Install', 'Manual > Configure', 'Manual > Run']);
    expect(chunks.map((c) => c.text.split('\n\n')[0])).toEqual(['Manual', 'Configure', 'Run']);
    expect(chunks[1]!.text).toContain('Database');
    expect(chunks.every((c) => c.tokens < defaultChunkOptions.targetTokens)).toBe(true);
  });

  it('lets a tiny section run on into the next one, and only a tiny one', () => {
    const d = doc(h(2, 'Contact'), p('Mail us.'), h(2, 'Terms'), p(prose(5, 5)), h(2, 'Privacy'), p(prose(5, 6)));
    const chunks = chunkDocument(d);
    checkInvariants(d, chunks);
    expect(chunks.map((c) => c.text.split('\n\n').slice(0, 3))).toEqual([['Contact', 'Mail us.', 'Terms'], ['Privacy', prose(5, 6)]]);
    expect(chunks.map((c) => c.heading)).toEqual(['Contact', 'Privacy']);
  });

  it('starts a new chunk at a level-3 heading once the chunk is half full, and never ends a chunk on a heading', () => {
    const d = doc(h(2, 'Parts'), p(prose(2, 7)), h(3, 'Shell'), p(prose(2, 8)), h(3, 'Back'), p(prose(9, 9)), h(3, 'Lid'), p(prose(3, 10)));
    const chunks = chunkDocument(d);
    checkInvariants(d, chunks);
    expect(chunks.map((c) => c.heading)).toEqual(['Parts', 'Parts > Lid']);
    expect(chunks[0]!.text).toContain('\n\nBack\n\n');
    expect(chunks[0]!.tokens).toBeGreaterThanOrEqual(defaultChunkOptions.targetTokens / 2);
    for (const c of chunks) expect(d.blocks.some((b) => b.kind === 'heading' && c.text.endsWith(b.text))).toBe(false);
  });

  it('keeps a paragraph whole when it fits in maxTokens, even past the target', () => {
    const long = prose(22, 10);
    expect(estimateTokens(long)).toBeGreaterThan(defaultChunkOptions.targetTokens);
    expect(estimateTokens(long)).toBeLessThanOrEqual(defaultChunkOptions.maxTokens);
    const d = doc(p(prose(4, 11)), p(long), p(prose(4, 12)));
    const chunks = chunkDocument(d);
    checkInvariants(d, chunks);
    expect(chunks.map((c) => c.text)).toEqual([prose(4, 11), long, prose(4, 12)]);
  });

  it('splits a long paragraph at sentence ends, repeating the last sentences as a small overlap', () => {
    const text = prose(200, 13);
    const d = doc(h(1, 'Essay'), p(text));
    const chunks = chunkDocument(d);
    checkInvariants(d, chunks);
    expect(chunks.length).toBeGreaterThan(4);
    const sentences = new Set(text.split(/(?<=\.) /));
    for (const [i, chunk] of chunks.entries()) {
      expect(chunk.heading).toBe('Essay');
      expect(chunk.tokens).toBeLessThanOrEqual(defaultChunkOptions.targetTokens);
      const body = i === 0 ? chunk.text.replace('Essay\n\n', '') : chunk.text;
      for (const sentence of body.split(/(?<=\.) /)) expect(sentences.has(sentence), sentence).toBe(true);
      if (i > 0) {
        const previous = chunks[i - 1]!;
        expect(chunk.charStart).toBeLessThan(previous.charEnd);
        expect(previous.text.endsWith(documentText(d).slice(chunk.charStart, previous.charEnd))).toBe(true);
      }
    }
  });

  it('splits a long table between rows only, without overlap, and carries the sheet', () => {
    const rows = Array.from({ length: 300 }, (_, i) => `Item: Case model ${i} | Colour: black matte | Price: ${(i * 1.25).toFixed(2)} EUR | Stock: ${i * 7}`);
    const d = doc(h(2, 'Prices', { sheet: 'Prices' }), { kind: 'table', text: rows.join('\n'), sheet: 'Prices' });
    const chunks = chunkDocument(d);
    checkInvariants(d, chunks);
    expect(chunks.length).toBeGreaterThan(5);
    const seen: string[] = [];
    for (const chunk of chunks) {
      expect(chunk.sheet).toBe('Prices');
      expect(chunk.heading).toBe('Prices');
      for (const line of chunk.text.split('\n')) if (line !== 'Prices' && line !== '') seen.push(line);
    }
    expect(seen).toEqual(rows);
    for (let i = 1; i < chunks.length; i++) expect(chunks[i]!.charStart).toBeGreaterThanOrEqual(chunks[i - 1]!.charEnd);
  });

  it('splits a list between items and code between lines', () => {
    const items = Array.from({ length: 120 }, (_, i) => `- requirement ${i}: the case survives a drop of ${i} cm onto concrete`);
    const code = Array.from({ length: 200 }, (_, i) => `const value${i} = compute(${i}, "case");`);
    const d = doc({ kind: 'list', text: items.join('\n') }, { kind: 'code', text: code.join('\n') });
    const chunks = chunkDocument(d);
    checkInvariants(d, chunks);
    const lines = new Set([...items, ...code]);
    for (const chunk of chunks) for (const line of chunk.text.split(/\n+/)) expect(lines.has(line), line).toBe(true);
  });

  it('starts a chunk at each new page and sheet, so a citation names the right one', () => {
    const d = doc(p(prose(3, 14), { page: 1 }), p(prose(3, 15), { page: 2 }), h(1, 'Annex', { page: 3 }), p(prose(3, 16), { page: 3 }));
    const chunks = chunkDocument(d);
    checkInvariants(d, chunks);
    expect(chunks.map((c) => [c.page, c.heading])).toEqual([[1, undefined], [2, undefined], [3, 'Annex']]);
    const sheets = doc(p('Widget: 4 EUR', { sheet: 'Prices' }), p('Acme: Shenzhen', { sheet: 'Suppliers' }));
    expect(chunkDocument(sheets).map((c) => [c.sheet, c.text])).toEqual([['Prices', 'Widget: 4 EUR'], ['Suppliers', 'Acme: Shenzhen']]);
  });

  it('cuts text without spaces into pieces that fit', () => {
    const blob = 'QUJD'.repeat(5000);
    const d = doc(p(`Attachment: ${blob} end.`));
    const chunks = chunkDocument(d, { maxTokens: 200, targetTokens: 150 });
    checkInvariants(d, chunks, { maxTokens: 200 });
    expect(chunks.length).toBeGreaterThan(10);
    expect(chunks.map((c) => c.text).join('').replace(/\s/g, '')).toBe(`Attachment:${blob}end.`);
  });

  it('follows its options and is deterministic', () => {
    const d = doc(h(1, 'Report'), p(prose(120, 17)), h(2, 'Annex'), { kind: 'table', text: Array.from({ length: 80 }, (_, i) => `Row ${i} | value ${i}`).join('\n') });
    const small = chunkDocument(d, { targetTokens: 100, maxTokens: 150, overlapTokens: 0 });
    checkInvariants(d, small, { maxTokens: 150, overlapTokens: 0 });
    expect(small.every((c) => c.tokens <= 100)).toBe(true);
    for (let i = 1; i < small.length; i++) expect(small[i]!.charStart).toBeGreaterThanOrEqual(small[i - 1]!.charEnd);
    expect(chunkDocument(d).length).toBeLessThan(small.length);
    expect(chunkDocument(structuredClone(d))).toEqual(chunkDocument(d));
  });

  it('keeps its promises on 300 random documents and option sets', () => {
    const random = seededBytes(300 * 64, 99);
    let at = 0;
    const next = (n: number) => random[at++ % random.length]! % n;
    const kinds = ['heading', 'paragraph', 'paragraph', 'list', 'table', 'code'] as const;
    for (let n = 0; n < 300; n++) {
      const blocks: DocumentBlock[] = Array.from({ length: 1 + next(12) }, (_, i) => {
        const kind = kinds[next(kinds.length)]!;
        if (kind === 'heading') return h(1 + next(4), `Heading ${n}.${i}`, { page: 1 + i });
        if (kind === 'paragraph') return p(prose(1 + next(40), n * 31 + i), { page: 1 + i });
        const lines = Array.from({ length: 1 + next(60) }, (_, l) => `${kind === 'list' ? '- ' : ''}${prose(1 + next(3), n + l)}`);
        return { kind, text: lines.join('\n'), sheet: `S${i}` };
      });
      const options = [{}, { targetTokens: 60, maxTokens: 80, overlapTokens: 15 }, { targetTokens: 200, maxTokens: 200, overlapTokens: 0, minSectionTokens: 0 }][n % 3]!;
      const d = doc(...blocks);
      const chunks = chunkDocument(d, options);
      checkInvariants(d, chunks, options);
      const starts: number[] = [];
      let offset = 0;
      for (const b of blocks) {
        starts.push(offset);
        offset += b.text.length + 2;
      }
      for (const chunk of chunks) {
        const crossed = blocks.findIndex((b, i) => b.kind === 'heading' && b.level! <= 2 && starts[i]! > chunk.charStart && starts[i]! < chunk.charEnd);
        if (crossed === -1) continue;
        const before = blocks.filter((_, i) => i < crossed && starts[i]! + blocks[i]!.text.length > chunk.charStart);
        const onlyHeadings = before.every((b) => b.kind === 'heading');
        const tiny = estimateTokens(documentText(d).slice(chunk.charStart, starts[crossed])) < (options.minSectionTokens ?? defaultChunkOptions.minSectionTokens);
        expect(onlyHeadings || tiny, 'a chunk runs past a level-1 or level-2 heading only after headings or a tiny section').toBe(true);
      }
    }
  }, 30_000);

  it('chunks an extracted PDF with page numbers and no lost text', async () => {
    const pages = Array.from({ length: 6 }, (_, i) => ({ heading: `Chapter ${i + 1}`, paragraphs: [prose(5, 20 + i), prose(5, 40 + i)] }));
    const extracted = await extractDocument({ bytes: await makePdf(pages), filename: 'book.pdf' });
    const chunks = chunkDocument(extracted);
    checkInvariants(extracted, chunks);
    expect(chunks.map((c) => c.page)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(chunks.map((c) => c.heading)).toEqual(pages.map((pg) => pg.heading));
  });
});
