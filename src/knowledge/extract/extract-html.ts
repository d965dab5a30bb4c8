import type { ExtractedDocument } from '../extracted-document.ts';
import { decodeText, looksBinary } from './decode-text.ts';
import { BlockSink, corrupt, type ExtractionContext } from './extraction-context.ts';
import { htmlToBlocks, parseHtml } from './html-blocks.ts';

/** HTML through node-html-parser, decoded by its BOM, its meta charset, or UTF-8 with a Windows-1252 fallback. */
export async function extractHtml(ctx: ExtractionContext): Promise<ExtractedDocument> {
  if (looksBinary(ctx.bytes)) throw corrupt(ctx, 'HTML', 'it holds binary data');
  const charset = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(ctx.bytes.toString('latin1', 0, 4096))?.[1];
  const { text, encoding } = decodeText(ctx.bytes, charset);
  const root = parseHtml(text);
  const sink = new BlockSink(ctx);
  htmlToBlocks(root, sink);
  const title = root.querySelector('title')?.text.replace(/\s+/g, ' ').trim() || sink.firstTitle();
  return { blocks: sink.blocks, metadata: { ...(title ? { title } : {}), parser: 'node-html-parser', encoding } };
}
