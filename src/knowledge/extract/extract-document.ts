import { FoundryError } from '../../kernel/index.ts';
import type { ExtractedDocument } from '../extracted-document.ts';
import { ExtractionTimeoutError, FileEmptyError, FileTooLargeError } from '../knowledge-errors.ts';
import { corrupt, empty, type ExtractionContext } from './extraction-context.ts';
import { resolveExtractionLimits, type ExtractionLimitsInput } from './extraction-limits.ts';
import { sniffFileType } from './sniff-file-type.ts';
import { supportedKnowledgeTypes, type KnowledgeFormat } from './supported-knowledge-types.ts';

export interface ExtractDocumentInput {
  bytes: Buffer;
  filename: string;
  contentType?: string;
  signal?: AbortSignal;
  /** Overrides of defaultExtractionLimits. */
  limits?: ExtractionLimitsInput;
}

type Extractor = (ctx: ExtractionContext) => Promise<ExtractedDocument>;

/** Each parser library is loaded when its first file arrives, not when Foundry starts. */
const extractors: Record<KnowledgeFormat, () => Promise<Extractor>> = {
  pdf: async () => (await import('./extract-pdf.ts')).extractPdf,
  docx: async () => (await import('./extract-docx.ts')).extractDocx,
  xlsx: async () => (await import('./extract-xlsx.ts')).extractXlsx,
  csv: async () => (await import('./extract-csv.ts')).extractCsv,
  html: async () => (await import('./extract-html.ts')).extractHtml,
  markdown: async () => (await import('./extract-markdown.ts')).extractMarkdown,
  text: async () => (await import('./extract-plain-text.ts')).extractPlainText,
  image: async () => (await import('./extract-image.ts')).extractImage,
};

function withDeadline<T>(work: Promise<T>, ctx: ExtractionContext): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const stop = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ExtractionTimeoutError({
      message: `${ctx.filename} took longer than ${ctx.limits.timeoutMs} ms to read`,
      details: { filename: ctx.filename, format: ctx.format, limit: 'timeoutMs', max: ctx.limits.timeoutMs },
    })), ctx.limits.timeoutMs);
    onAbort = () => reject(ctx.signal?.reason);
    ctx.signal?.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([work, stop]).finally(() => {
    clearTimeout(timer);
    if (onAbort) ctx.signal?.removeEventListener('abort', onAbort);
  });
}

/**
 * Reads the text of an uploaded file as blocks in reading order. The format is decided by
 * sniffFileType; each format has its own reader (see docs/knowledge-formats.md). Errors are typed
 * (knowledge-errors.ts): a file Foundry cannot read fails with a 4xx code and never with a crash;
 * only an abort (the signal's reason) and an OCR engine that cannot start are not the file's fault.
 * An image without text gives a document with no blocks; any other format without text is FILE_EMPTY.
 *
 * @example
 * const doc = await extractDocument({ bytes, filename: 'price-list.xlsx' });
 * doc.blocks[0]; // { kind: 'heading', text: 'Prices', level: 2, sheet: 'Prices' }
 */
export async function extractDocument(input: ExtractDocumentInput): Promise<ExtractedDocument> {
  input.signal?.throwIfAborted();
  const { bytes, filename, signal } = input;
  const limits = resolveExtractionLimits(input.limits);
  if (bytes.length === 0) throw new FileEmptyError({ message: `${filename} is empty`, details: { filename } });
  const format = sniffFileType(input);
  const ctx: ExtractionContext = { bytes, filename, format, limits, ...(signal ? { signal } : {}) };
  if (bytes.length > limits.maxBytes[format]) {
    throw new FileTooLargeError({
      message: `${filename} is too large: ${bytes.length.toLocaleString('en')} bytes, more than the ${limits.maxBytes[format].toLocaleString('en')} allowed for ${format}`,
      details: { filename, format, limit: 'maxBytes', max: limits.maxBytes[format] },
    });
  }
  let doc: ExtractedDocument;
  try {
    const extract = await extractors[format]();
    doc = await withDeadline(extract(ctx), ctx);
  } catch (error) {
    if (FoundryError.isInstance(error) || signal?.aborted) throw error;
    throw corrupt(ctx, supportedKnowledgeTypes.find((t) => t.format === format)!.label, error);
  }
  if (doc.blocks.length === 0 && format !== 'image') throw empty(ctx, 'no text found in it');
  return { blocks: doc.blocks, metadata: { ...doc.metadata, format } };
}
