import type { KnowledgeFormat } from './supported-knowledge-types.ts';

/** How much of a file extraction accepts; going over a limit is FILE_TOO_LARGE (413), except maxCellChars, which cuts. */
export interface ExtractionLimits {
  /** File size per format, in bytes. */
  maxBytes: Readonly<Record<KnowledgeFormat, number>>;
  /** The uncompressed size of a .docx or .xlsx (both are ZIP archives), in bytes. */
  maxUnzippedBytes: number;
  /** Characters of text extracted from one file. */
  maxChars: number;
  maxPdfPages: number;
  maxSheets: number;
  /** Non-empty rows across all sheets of a workbook, or of a CSV file. */
  maxRows: number;
  /** A longer cell is cut to this many characters and ends with "…". */
  maxCellChars: number;
  /** Width × height of an image given to OCR. */
  maxImagePixels: number;
  /** One OCR run; the OCR worker is terminated when it is over. */
  ocrTimeoutMs: number;
  /** The whole extraction of one file. */
  timeoutMs: number;
}

const MiB = 1024 * 1024;

export const defaultExtractionLimits: ExtractionLimits = Object.freeze({
  maxBytes: Object.freeze({
    pdf: 50 * MiB, docx: 25 * MiB, xlsx: 25 * MiB, csv: 25 * MiB, html: 10 * MiB, markdown: 10 * MiB, text: 10 * MiB, image: 20 * MiB,
  }),
  maxUnzippedBytes: 250 * MiB,
  maxChars: 5_000_000,
  maxPdfPages: 2_000,
  maxSheets: 100,
  maxRows: 200_000,
  maxCellChars: 2_000,
  maxImagePixels: 40_000_000,
  ocrTimeoutMs: 60_000,
  timeoutMs: 120_000,
});

/** The largest file any format accepts: what an upload route may read before knowing the format. */
export const maxKnowledgeFileBytes: number = Math.max(...Object.values(defaultExtractionLimits.maxBytes));

export type ExtractionLimitsInput = Partial<Omit<ExtractionLimits, 'maxBytes'>> & { maxBytes?: Partial<Record<KnowledgeFormat, number>> };

export function resolveExtractionLimits(input: ExtractionLimitsInput = {}): ExtractionLimits {
  return { ...defaultExtractionLimits, ...input, maxBytes: { ...defaultExtractionLimits.maxBytes, ...input.maxBytes } };
}
