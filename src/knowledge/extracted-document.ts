/** A block of text as the parser found it, with where it sits in the source. */
export interface DocumentBlock {
  kind: 'heading' | 'paragraph' | 'table' | 'list' | 'code';
  text: string;
  /** For headings: 1 for a title, 2 for a section, ... */
  level?: number;
  /** 1-based page (PDF). */
  page?: number;
  /** Sheet name (XLSX, CSV uses the file name). */
  sheet?: string;
}

/** What a parser returns: the blocks in reading order plus what it learned about the source. */
export interface ExtractedDocument {
  blocks: DocumentBlock[];
  metadata: { title?: string; pages?: number; sheets?: string[]; parser: string; [key: string]: unknown };
}

/** A passage to index; offsets are into the source's text as the blocks joined with blank lines. */
export interface DocumentChunk {
  ordinal: number;
  text: string;
  heading?: string;
  page?: number;
  sheet?: string;
  charStart: number;
  charEnd: number;
  tokens: number;
}
