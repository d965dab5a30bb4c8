import type { ModelGateway } from '../models/index.ts';
import type { KnowledgeEmbedder } from './knowledge-deps.ts';

/** Knowledge embeds through the model gateway: the workspace's embedding model, its budget and usage records. */
export function gatewayEmbedder(models: Pick<ModelGateway, 'embed'>): KnowledgeEmbedder {
  return async (scope, texts, signal) => {
    const reply = await models.embed(scope, texts, signal ? { signal } : {});
    return reply ? { vectors: reply.value, model: reply.engine.model } : undefined;
  };
}
