import { estimateTokens } from './chunk/estimate-tokens.ts';
import { sentenceSpans } from './chunk/sentence-spans.ts';
import type { DocumentBlock, DocumentChunk, ExtractedDocument } from './extracted-document.ts';

export interface ChunkOptions {
  /** A chunk is closed when the next piece would take it past this. @default 350 */
  targetTokens?: number;
  /** No chunk is longer; a block that does not fit is split (sentences, then lines, then words). @default 512 */
  maxTokens?: number;
  /** Whole sentences, up to this many tokens, repeated from the end of the previous chunk of the same section. @default 40 */
  overlapTokens?: number;
  /** A chunk holding whole sections smaller than this continues into the next section instead of standing alone. @default 50 */
  minSectionTokens?: number;
}

export const defaultChunkOptions: Readonly<Required<ChunkOptions>> = Object.freeze({ targetTokens: 350, maxTokens: 512, overlapTokens: 40, minSectionTokens: 50 });

const separator = '\n\n';

/** The text chunk offsets point into: the blocks' texts joined with a blank line. */
export function documentText(doc: ExtractedDocument): string {
  return doc.blocks.map((b) => b.text).join(separator);
}

type Grain = 'block' | 'line' | 'sentence' | 'word' | 'piece';

interface Unit {
  start: number;
  end: number;
  tokens: number;
  block: number;
  grain: Grain;
  /** The level of a heading unit. */
  heading?: number;
  /** Repeated from the previous chunk. */
  overlap?: boolean;
}

/** The heading path ("Section > Subsection") in effect at each block. */
function headingPaths(blocks: DocumentBlock[], isHeading: (i: number) => boolean): (string | undefined)[] {
  const stack: { level: number; text: string }[] = [];
  return blocks.map((block, i) => {
    if (isHeading(i)) {
      const level = block.level ?? 1;
      while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop();
      stack.push({ level, text: block.text });
    }
    return stack.length > 0 ? stack.map((h) => h.text).join(' > ') : undefined;
  });
}

/**
 * Splits a document into passages for search, following its structure:
 * - a new page or sheet always starts a new chunk, so each chunk's citation is exact;
 * - a heading of level 1 or 2 always starts a new chunk, unless the chunk so far holds only whole
 *   sections smaller than minSectionTokens (a title page, a one-line section);
 * - a heading of level 3 or more starts a new chunk when the current one is at least half full,
 *   and a heading is never the last thing in a chunk;
 * - blocks are kept whole when they fit in maxTokens; a longer one is split at sentence ends
 *   (paragraphs), at line ends (lists, tables: one row per line, code) and, only for a single
 *   sentence or row longer than maxTokens, between words;
 * - pieces are added while the chunk stays within targetTokens;
 * - the next chunk of the same section starts with the last whole sentences of the previous one
 *   (at most overlapTokens; never for tables or code).
 *
 * Each chunk's text is exactly `documentText(doc).slice(charStart, charEnd)` (it starts and ends
 * on non-whitespace); `heading` is the heading path of its first non-heading text, `page` and
 * `sheet` those of its blocks, `tokens` is estimateTokens(text). Deterministic.
 */
export function chunkDocument(doc: ExtractedDocument, options: ChunkOptions = {}): DocumentChunk[] {
  const targetTokens = Math.max(1, options.targetTokens ?? defaultChunkOptions.targetTokens);
  const maxTokens = Math.max(targetTokens, options.maxTokens ?? defaultChunkOptions.maxTokens);
  const overlapTokens = Math.min(Math.floor(targetTokens / 2), Math.max(0, options.overlapTokens ?? defaultChunkOptions.overlapTokens));
  const minSectionTokens = options.minSectionTokens ?? defaultChunkOptions.minSectionTokens;
  const { blocks } = doc;
  const text = documentText(doc);

  const starts: number[] = [];
  let offset = 0;
  for (const block of blocks) {
    starts.push(offset);
    offset += block.text.length + separator.length;
  }
  const blockTokens = blocks.map((b) => estimateTokens(b.text));
  const isHeading = (i: number) => blocks[i]!.kind === 'heading' && blockTokens[i]! <= maxTokens / 4;
  const paths = headingPaths(blocks, isHeading);
  const prose = (u: Unit) => u.heading === undefined && (blocks[u.block]!.kind === 'paragraph' || blocks[u.block]!.kind === 'list' || blocks[u.block]!.kind === 'heading');

  const unit = (block: number, start: number, end: number, grain: Grain): Unit => ({ start, end, tokens: estimateTokens(text.slice(start, end)), block, grain });

  const lineSpans = (u: Unit): Array<[number, number]> => {
    const spans: Array<[number, number]> = [];
    let start = u.start;
    for (let nl = text.indexOf('\n', start); nl !== -1 && nl < u.end; nl = text.indexOf('\n', start)) {
      spans.push([start, nl]);
      start = nl + 1;
    }
    spans.push([start, u.end]);
    return spans.map(([s, e]) => {
      while (s < e && /\s/.test(text[s]!)) s++;
      while (e > s && /\s/.test(text[e - 1]!)) e--;
      return [s, e] as [number, number];
    }).filter(([s, e]) => e > s);
  };
  const wordSpans = (u: Unit): Array<[number, number]> => {
    const spans: Array<[number, number]> = [];
    const words = /\S+/g;
    words.lastIndex = u.start;
    for (let m = words.exec(text); m && m.index < u.end; m = words.exec(text)) spans.push([m.index, Math.min(u.end, m.index + m[0].length)]);
    return spans;
  };
  const pieceSpans = (u: Unit): Array<[number, number]> => {
    const spans: Array<[number, number]> = [];
    for (let s = u.start; s < u.end;) {
      let e = Math.min(u.end, s + maxTokens);
      if (e < u.end && /[\udc00-\udfff]/.test(text[e]!)) e -= 1;
      spans.push([s, e]);
      s = e;
    }
    return spans;
  };

  /** The next finer pieces of a unit; a unit that is one piece at a finer grain is split further. */
  const split = (u: Unit): Unit[] => {
    const kind = blocks[u.block]!.kind;
    let grain: Grain;
    let spans: Array<[number, number]>;
    if (u.grain === 'block' && (kind === 'table' || kind === 'code' || kind === 'list')) [grain, spans] = ['line', lineSpans(u)];
    else if (u.grain === 'block' || (u.grain === 'line' && kind === 'list')) [grain, spans] = ['sentence', sentenceSpans(text, u.start, u.end)];
    else if (u.grain !== 'word' && u.grain !== 'piece') [grain, spans] = ['word', wordSpans(u)];
    else if (u.grain === 'word') [grain, spans] = ['piece', pieceSpans(u)];
    else return [u];
    const parts = spans.map(([s, e]) => unit(u.block, s, e, grain));
    return parts.length === 1 ? split(parts[0]!) : parts;
  };

  /** The last whole sentences of a chunk's prose, within overlapTokens, leaving its first unit out. */
  const overlapOf = (units: Unit[]): Unit[] => {
    const taken: Unit[] = [];
    let tokens = 0;
    for (let i = units.length - 1; i >= 1; i--) {
      const u = units[i]!;
      if (!prose(u) || u.grain === 'word' || u.grain === 'piece') break;
      const from = Math.max(u.start, u.end - overlapTokens * 12);
      const sentences = u.grain === 'sentence' ? [[u.start, u.end] as [number, number]] : sentenceSpans(text, from, u.end).slice(from > u.start ? 1 : 0);
      for (let j = sentences.length - 1; j >= 0; j--) {
        const [s, e] = sentences[j]!;
        const sentence = unit(u.block, s, e, 'sentence');
        if (tokens + sentence.tokens > overlapTokens || sentence.start <= units[0]!.start) return taken;
        taken.unshift({ ...sentence, overlap: true });
        tokens += sentence.tokens;
      }
    }
    return taken;
  };

  const chunks: DocumentChunk[] = [];
  let current: Unit[] = [];
  let currentTokens = 0;
  let atSectionStart = true;
  let pending: Unit[] = [];
  let pendingTokens = 0;
  const hasText = () => current.some((u) => !u.overlap);
  const reset = (units: Unit[]) => {
    current = units;
    currentTokens = units.reduce((sum, u) => sum + u.tokens, 0);
  };

  const emit = () => {
    const first = current[0]!;
    const last = current[current.length - 1]!;
    const chunkText = text.slice(first.start, last.end);
    const chunk: DocumentChunk = { ordinal: chunks.length, text: chunkText, charStart: first.start, charEnd: last.end, tokens: estimateTokens(chunkText) };
    const heading = paths[(current.find((u) => u.heading === undefined) ?? last).block];
    if (heading !== undefined) chunk.heading = heading;
    const page = current.map((u) => blocks[u.block]!.page).find((p) => p !== undefined);
    if (page !== undefined) chunk.page = page;
    const sheet = current.map((u) => blocks[u.block]!.sheet).find((s) => s !== undefined);
    if (sheet !== undefined) chunk.sheet = sheet;
    chunks.push(chunk);
  };
  const flush = (withOverlap: boolean) => {
    if (hasText()) emit();
    reset(hasText() && withOverlap && overlapTokens > 0 ? overlapOf(current) : []);
    atSectionStart = false;
  };

  const stack: Unit[] = blocks.map((b, i) => {
    const u: Unit = { start: starts[i]!, end: starts[i]! + b.text.length, tokens: blockTokens[i]!, block: i, grain: 'block' };
    if (isHeading(i)) u.heading = b.level ?? 1;
    return u;
  }).filter((u) => u.end > u.start).reverse();

  const placeOf = (block: number) => `${blocks[block]!.page ?? ''}\u0000${blocks[block]!.sheet ?? ''}`;
  while (stack.length > 0) {
    const u = stack.pop()!;
    // A citation names one page and one sheet, so a chunk never continues onto the next.
    const opened = current.find((c) => !c.overlap);
    if (opened && placeOf(opened.block) !== placeOf(u.block)) flush(false);
    if (u.heading !== undefined) {
      const tiny = atSectionStart && currentTokens + pendingTokens < minSectionTokens;
      if (u.heading <= 2 && !tiny) flush(false);
      else if (u.heading > 2 && currentTokens >= targetTokens / 2) flush(false);
      if (!hasText()) {
        reset([]);
        if (u.heading <= 2) atSectionStart = true;
      }
      pending.push(u);
      pendingTokens += u.tokens;
      continue;
    }
    if (u.tokens > maxTokens && u.grain !== 'piece') {
      stack.push(...split(u).reverse());
      continue;
    }
    const need = pendingTokens + u.tokens;
    if (hasText() && currentTokens + need > targetTokens) flush(pending.length === 0);
    if (currentTokens + need > maxTokens) {
      reset([]);
      if (need > maxTokens) {
        if (u.grain !== 'piece') {
          stack.push(...split(u).reverse());
          continue;
        }
        reset(pending);
        flush(false);
        pending = [];
        pendingTokens = 0;
      }
    }
    reset([...current, ...pending, u]);
    pending = [];
    pendingTokens = 0;
  }
  if (pending.length > 0) reset(hasText() ? [...current, ...pending] : pending);
  flush(false);
  return chunks;
}
