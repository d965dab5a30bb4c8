import mammoth from 'mammoth';
import type { ExtractedDocument } from '../extracted-document.ts';
import { BlockSink, checkUnzippedSize, corrupt, type ExtractionContext } from './extraction-context.ts';
import { htmlToBlocks, parseHtml } from './html-blocks.ts';

const noImages = mammoth.images.imgElement(async () => ({ src: '' }));

/**
 * DOCX through mammoth: converted to HTML (Heading 1-6 and Title styles as headings, lists, tables),
 * then read like HTML. Images are left out and linked external files are never opened.
 */
export async function extractDocx(ctx: ExtractionContext): Promise<ExtractedDocument> {
  checkUnzippedSize(ctx);
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: ctx.bytes }, { convertImage: noImages, externalFileAccess: false, styleMap: ["p[style-name='Title'] => h1:fresh"] })).value;
  } catch (error) {
    throw corrupt(ctx, 'a Word document', error);
  }
  ctx.signal?.throwIfAborted();
  const sink = new BlockSink(ctx);
  htmlToBlocks(parseHtml(html), sink);
  const title = sink.firstTitle();
  return { blocks: sink.blocks, metadata: { ...(title ? { title } : {}), parser: 'mammoth' } };
}
