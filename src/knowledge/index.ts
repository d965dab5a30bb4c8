/**
 * Knowledge: ingestion of documents and URLs, chunking, full-text and vector search, hybrid
 * ranking and citations.
 */
export type * from './extracted-document.ts';
