import type { ExtractedDocument } from '../extracted-document.ts';
import { ExtractionTimeoutError, FileTooLargeError } from '../knowledge-errors.ts';
import { BlockSink, corrupt, type ExtractionContext } from './extraction-context.ts';
import { imageComplete, imageInfo } from './image-info.ts';
import { noteOcrLoaded } from './ocr-shutdown.ts';
import { OcrFailed, OcrTimeout, recognizeImage } from './ocr-worker.ts';

noteOcrLoaded();

/** Paragraphs the OCR is less sure of than this (0-100) are noise, not text. */
export const minOcrConfidence = 30;

/**
 * Images through tesseract.js OCR (English, offline). No text found is not an error: the document
 * has no blocks. Width and height are in the metadata.
 */
export async function extractImage(ctx: ExtractionContext): Promise<ExtractedDocument> {
  const info = imageInfo(ctx.bytes);
  if (!info) throw corrupt(ctx, 'an image', 'its header is damaged or it is not a PNG, JPEG, GIF or WebP image');
  if (!imageComplete(ctx.bytes, info.type)) throw corrupt(ctx, 'an image', 'it is cut off before its end');
  const pixels = info.width * info.height;
  if (pixels > ctx.limits.maxImagePixels) {
    throw new FileTooLargeError({
      message: `${ctx.filename} is too large for OCR: ${info.width} × ${info.height} pixels, more than ${ctx.limits.maxImagePixels.toLocaleString('en')}`,
      details: { filename: ctx.filename, format: 'image', limit: 'maxImagePixels', max: ctx.limits.maxImagePixels },
    });
  }
  let result;
  try {
    result = await recognizeImage(ctx.bytes, { timeoutMs: ctx.limits.ocrTimeoutMs, ...(ctx.signal ? { signal: ctx.signal } : {}) });
  } catch (error) {
    if (error instanceof OcrTimeout) {
      throw new ExtractionTimeoutError({ message: `${ctx.filename}: OCR took longer than ${ctx.limits.ocrTimeoutMs} ms`, details: { filename: ctx.filename, format: 'image', limit: 'ocrTimeoutMs', max: ctx.limits.ocrTimeoutMs } });
    }
    if (error instanceof OcrFailed) throw corrupt(ctx, 'an image', error);
    throw error;
  }
  const sink = new BlockSink(ctx);
  for (const paragraph of result.paragraphs) if (paragraph.confidence >= minOcrConfidence) sink.add({ kind: 'paragraph', text: paragraph.text });
  return {
    blocks: sink.blocks,
    metadata: { parser: 'tesseract.js', imageType: info.type, width: info.width, height: info.height, ocrLanguage: 'eng', ocrConfidence: Math.round(result.confidence) },
  };
}
