/**
 * Knowledge: ingestion of documents and URLs, chunking, full-text and vector search, hybrid
 * ranking and citations.
 */
export type * from './extracted-document.ts';
export { extractDocument, type ExtractDocumentInput } from './extract/extract-document.ts';
export { sniffFileType } from './extract/sniff-file-type.ts';
export { supportedKnowledgeTypes, knowledgeFileAccept, type KnowledgeFormat, type KnowledgeType } from './extract/supported-knowledge-types.ts';
export { defaultExtractionLimits, maxKnowledgeFileBytes, type ExtractionLimits, type ExtractionLimitsInput } from './extract/extraction-limits.ts';
export { stopOcr } from './extract/ocr-shutdown.ts';
export { chunkDocument, documentText, defaultChunkOptions, type ChunkOptions } from './chunk-document.ts';
export { estimateTokens } from './chunk/estimate-tokens.ts';
export * from './knowledge-errors.ts';
export * from './knowledge-schemas.ts';
export { knowledgeDeps, type KnowledgeDeps, type KnowledgeEmbedder, type KnowledgeLimits, type KnowledgeRuntime } from './knowledge-deps.ts';
export { createProjectVectorCache, type ProjectVectorCache } from './project-vectors.ts';
export { listSources, getSource, addUrlSource, reingestSource, deleteSource } from './knowledge-sources.ts';
export { receiveSourceFile, completeSourceFile, abandonSourceFile, type KnowledgeUpload, type ReceivedSource } from './knowledge-uploads.ts';
export { searchKnowledge, type SearchKnowledgeOptions } from './search-knowledge.ts';
export { knowledgeToolsPlugin } from './knowledge-tools-plugin.ts';
export { gatewayEmbedder } from './gateway-embedder.ts';
