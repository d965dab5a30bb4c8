/** The formats Foundry extracts text from. */
export type KnowledgeFormat = 'pdf' | 'docx' | 'xlsx' | 'csv' | 'html' | 'markdown' | 'text' | 'image';

export interface KnowledgeType {
  format: KnowledgeFormat;
  label: string;
  /** Lower-case, with the dot. */
  extensions: readonly string[];
  contentTypes: readonly string[];
}

/**
 * What an upload may be, for the upload route's checks and the UI's file picker. A file is
 * recognised by its bytes first, then its content type, then its extension (see sniffFileType).
 */
export const supportedKnowledgeTypes: readonly KnowledgeType[] = [
  { format: 'pdf', label: 'PDF', extensions: ['.pdf'], contentTypes: ['application/pdf'] },
  { format: 'docx', label: 'Word document', extensions: ['.docx'], contentTypes: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'] },
  { format: 'xlsx', label: 'Excel workbook', extensions: ['.xlsx'], contentTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] },
  { format: 'csv', label: 'CSV', extensions: ['.csv', '.tsv'], contentTypes: ['text/csv', 'application/csv', 'text/tab-separated-values'] },
  { format: 'html', label: 'HTML', extensions: ['.html', '.htm', '.xhtml'], contentTypes: ['text/html', 'application/xhtml+xml'] },
  { format: 'markdown', label: 'Markdown', extensions: ['.md', '.markdown'], contentTypes: ['text/markdown', 'text/x-markdown'] },
  { format: 'text', label: 'Plain text', extensions: ['.txt', '.text', '.log'], contentTypes: ['text/plain'] },
  { format: 'image', label: 'Image (OCR)', extensions: ['.png', '.jpg', '.jpeg', '.webp', '.gif'], contentTypes: ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] },
];

/** The `accept` list for a file input: every extension and content type above, comma-separated. */
export const knowledgeFileAccept: string = supportedKnowledgeTypes.flatMap((t) => [...t.extensions, ...t.contentTypes]).join(',');
