import { FoundryError } from '../kernel/index.ts';

/** Where an extraction error happened: the file as uploaded and the format it was read as. */
export interface KnowledgeFileDetails {
  filename: string;
  format?: string;
  /** For FILE_TOO_LARGE: the limit that was exceeded and its value. */
  limit?: string;
  max?: number;
}

type FileErrorOptions = { message: string; details: KnowledgeFileDetails; cause?: unknown };

/** 415: not a format Foundry reads (legacy .doc/.xls, archives, executables, ...). */
export class UnsupportedFileTypeError extends FoundryError {
  constructor(o: FileErrorOptions) { super({ code: 'UNSUPPORTED_FILE_TYPE', status: 415, ...o }); }
}

/** 422: the parser could not read the file (truncated, damaged, or not what its name says). */
export class FileCorruptError extends FoundryError {
  constructor(o: FileErrorOptions) { super({ code: 'FILE_CORRUPT', status: 422, ...o }); }
}

/** 422: the file holds no text where text was expected (a scanned PDF without a text layer, an empty sheet). */
export class FileEmptyError extends FoundryError {
  constructor(o: FileErrorOptions) { super({ code: 'FILE_EMPTY', status: 422, ...o }); }
}

/** 413: the file is over a size limit (bytes, pages, sheets, rows, characters, pixels). */
export class FileTooLargeError extends FoundryError {
  constructor(o: FileErrorOptions) { super({ code: 'FILE_TOO_LARGE', status: 413, ...o }); }
}

/** 422: the file is password-protected. */
export class EncryptedFileError extends FoundryError {
  constructor(o: FileErrorOptions) { super({ code: 'ENCRYPTED_FILE', status: 422, ...o }); }
}

/** 422: reading the file took longer than its time limit (OCR of a large image, a pathological PDF). */
export class ExtractionTimeoutError extends FoundryError {
  constructor(o: FileErrorOptions) { super({ code: 'EXTRACTION_TIMEOUT', status: 422, ...o }); }
}
