import type { DocumentBlock } from '../extracted-document.ts';
import { FileCorruptError, FileEmptyError, FileTooLargeError } from '../knowledge-errors.ts';
import type { ExtractionLimits } from './extraction-limits.ts';
import type { KnowledgeFormat } from './supported-knowledge-types.ts';
import { zipUncompressedSize } from './zip-uncompressed-size.ts';

/** What every format's extractor receives. */
export interface ExtractionContext {
  bytes: Buffer;
  filename: string;
  format: KnowledgeFormat;
  limits: ExtractionLimits;
  signal?: AbortSignal;
}

export function corrupt(ctx: ExtractionContext, what: string, cause?: unknown): FileCorruptError {
  const reason = cause instanceof Error ? `: ${cause.message}` : typeof cause === 'string' ? `: ${cause}` : '';
  return new FileCorruptError({ message: `${ctx.filename} could not be read as ${what}${reason.slice(0, 300)}`, details: { filename: ctx.filename, format: ctx.format }, cause });
}

export function empty(ctx: ExtractionContext, message: string): FileEmptyError {
  return new FileEmptyError({ message: `${ctx.filename}: ${message}`, details: { filename: ctx.filename, format: ctx.format } });
}

export function tooLarge(ctx: ExtractionContext, limit: keyof ExtractionLimits, max: number, what: string): FileTooLargeError {
  return new FileTooLargeError({
    message: `${ctx.filename} is too large: more than ${max.toLocaleString('en')} ${what}`,
    details: { filename: ctx.filename, format: ctx.format, limit, max },
  });
}

/** Refuses a .docx or .xlsx whose entries inflate past maxUnzippedBytes (a "zip bomb"). */
export function checkUnzippedSize(ctx: ExtractionContext): void {
  const size = zipUncompressedSize(ctx.bytes);
  if (size !== undefined && size > ctx.limits.maxUnzippedBytes) throw tooLarge(ctx, 'maxUnzippedBytes', ctx.limits.maxUnzippedBytes, 'bytes uncompressed');
}

const controlChars = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\ufeff]/g;
const spaces = /[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g;

/** Collapses runs of spaces inside each line, keeps leading indentation when asked, and drops blank lines. */
function tidyLines(text: string, keepIndent: boolean): string {
  return text.replace(controlChars, '').split(/\r\n?|\n|\u2028|\u2029/).map((line) => {
    const body = line.replace(spaces, ' ').trim();
    if (!keepIndent || body === '') return body;
    const indent = /^[ \t]*/.exec(line)?.[0].replace(/\t/g, '  ') ?? '';
    return indent + body;
  }).filter((line) => line !== '').join('\n');
}

function tidyCode(text: string): string {
  return text.replace(controlChars, '').replace(/\r\n?/g, '\n').split('\n').map((line) => line.trimEnd()).join('\n')
    .replace(/^\n+|\n+$/g, '').replace(/\n{3,}/g, '\n\n');
}

/**
 * Collects the blocks of one document: tidies their whitespace, drops empty ones and stops the
 * extraction with FILE_TOO_LARGE when the text passes maxChars. Block texts never begin or end with
 * whitespace; only code blocks may hold a blank line.
 */
export class BlockSink {
  readonly blocks: DocumentBlock[] = [];
  readonly #ctx: ExtractionContext;
  #chars = 0;

  constructor(ctx: ExtractionContext) {
    this.#ctx = ctx;
  }

  add(block: DocumentBlock): void {
    const text = block.kind === 'code' ? tidyCode(block.text)
      : block.kind === 'heading' ? block.text.replace(controlChars, '').replace(/\s+/g, ' ').trim()
        : tidyLines(block.text, block.kind === 'list');
    if (text === '') return;
    this.#chars += text.length + 2;
    if (this.#chars > this.#ctx.limits.maxChars) throw tooLarge(this.#ctx, 'maxChars', this.#ctx.limits.maxChars, 'characters of text');
    const tidy: DocumentBlock = { kind: block.kind, text };
    if (block.level !== undefined) tidy.level = Math.min(6, Math.max(1, block.level));
    if (block.page !== undefined) tidy.page = block.page;
    if (block.sheet !== undefined) tidy.sheet = block.sheet;
    this.blocks.push(tidy);
  }

  /** The first level-1 heading: the title of formats that have no title property. */
  firstTitle(): string | undefined {
    return this.blocks.find((b) => b.kind === 'heading' && b.level === 1)?.text;
  }
}
