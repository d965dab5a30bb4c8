import type { ExtractedDocument } from '../extracted-document.ts';
import { decodeText, looksBinary } from './decode-text.ts';
import { BlockSink, corrupt, type ExtractionContext } from './extraction-context.ts';
import { markdownBlocks } from './markdown-blocks.ts';

/** Markdown, read by markdownBlocks; the title is the first level-1 heading. */
export async function extractMarkdown(ctx: ExtractionContext): Promise<ExtractedDocument> {
  if (looksBinary(ctx.bytes)) throw corrupt(ctx, 'Markdown', 'it holds binary data');
  const { text, encoding } = decodeText(ctx.bytes);
  const sink = new BlockSink(ctx);
  for (const block of markdownBlocks(text)) sink.add(block);
  const title = sink.firstTitle();
  return { blocks: sink.blocks, metadata: { ...(title ? { title } : {}), parser: 'markdown', encoding } };
}
