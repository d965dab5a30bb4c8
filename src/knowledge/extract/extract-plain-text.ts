import type { ExtractedDocument } from '../extracted-document.ts';
import { decodeText, looksBinary } from './decode-text.ts';
import { BlockSink, corrupt, type ExtractionContext } from './extraction-context.ts';

/** Plain text: decoded (UTF-8, UTF-16 with a BOM, or Windows-1252), one paragraph per run of lines between blank lines. */
export async function extractPlainText(ctx: ExtractionContext): Promise<ExtractedDocument> {
  if (looksBinary(ctx.bytes)) throw corrupt(ctx, 'text', 'it holds binary data');
  const { text, encoding } = decodeText(ctx.bytes);
  const sink = new BlockSink(ctx);
  for (const paragraph of text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) sink.add({ kind: 'paragraph', text: paragraph });
  return { blocks: sink.blocks, metadata: { parser: 'text', encoding } };
}
