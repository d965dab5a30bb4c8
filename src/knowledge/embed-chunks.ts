import { FoundryError, type Logger } from '../kernel/index.ts';
import type { UsageScope } from '../models/index.ts';
import type { DocumentChunk } from './extracted-document.ts';
import type { KnowledgeEmbedder } from './knowledge-deps.ts';

/** One vector per chunk from the named model, or why there are none although a model was configured. */
export type ChunkVectors = { vectors: number[][]; model: string } | { error: { code: string; message: string } };

const batchSize = 64;

/** The text a chunk is embedded as: its heading gives the passage its context. */
export const embeddingText = (chunk: Pick<DocumentChunk, 'text' | 'heading'>): string => (chunk.heading ? `${chunk.heading}\n${chunk.text}` : chunk.text);

/**
 * Embeds chunks in batches. Undefined when there is no embedder or the workspace has no embedding
 * model. A failing or inconsistent embedding model does not fail the ingestion: the chunks are
 * still searchable by full text, and the error is kept to show on the source.
 */
export async function embedChunks(
  embed: KnowledgeEmbedder | undefined, scope: UsageScope, chunks: DocumentChunk[],
  options: { signal: AbortSignal; logger: Logger; onProgress?: (done: number) => Promise<void> },
): Promise<ChunkVectors | undefined> {
  if (!embed || chunks.length === 0) return undefined;
  const vectors: number[][] = [];
  let model: string | undefined;
  try {
    for (let start = 0; start < chunks.length; start += batchSize) {
      const batch = chunks.slice(start, start + batchSize);
      const result = await embed(scope, batch.map(embeddingText), options.signal);
      if (!result) return undefined;
      if (result.vectors.length !== batch.length || (model !== undefined && result.model !== model)) {
        throw new FoundryError({ code: 'EMBEDDING_INVALID', status: 502, category: 'third_party', message: 'The embedding model returned an unexpected number of vectors or changed mid-way.' });
      }
      model = result.model;
      vectors.push(...result.vectors);
      await options.onProgress?.(vectors.length / chunks.length);
    }
  } catch (error) {
    if (options.signal.aborted) throw error;
    options.logger.warn({ err: error }, 'embedding failed; the source is searchable by full text only');
    const code = FoundryError.isInstance(error) ? error.code : 'EMBEDDING_FAILED';
    const message = FoundryError.isInstance(error) && error.category !== 'system' ? error.message : 'The embedding model failed.';
    return { error: { code, message } };
  }
  return model === undefined ? undefined : { vectors, model };
}
