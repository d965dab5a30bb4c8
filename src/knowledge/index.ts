/**
 * Knowledge: ingestion of documents and URLs, chunking, full-text and vector search, hybrid
 * ranking and citations. Empty until the knowledge issue lands.
 */
export {};
