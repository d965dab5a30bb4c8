import { extname } from 'node:path';
import { EncryptedFileError, UnsupportedFileTypeError } from '../knowledge-errors.ts';
import { looksBinary } from './decode-text.ts';
import { supportedKnowledgeTypes, type KnowledgeFormat } from './supported-knowledge-types.ts';

export interface SniffInput {
  bytes: Buffer;
  filename: string;
  contentType?: string;
}

const startsWith = (bytes: Buffer, signature: number[], at = 0) => signature.every((byte, i) => bytes[at + i] === byte);
const ascii = (bytes: Buffer, text: string, at = 0) => bytes.toString('latin1', at, at + text.length) === text;

const byExtension = new Map(supportedKnowledgeTypes.flatMap((t) => t.extensions.map((e) => [e, t.format] as const)));
const byContentType = new Map(supportedKnowledgeTypes.flatMap((t) => t.contentTypes.map((c) => [c, t.format] as const)));
/** Content types browsers send for files they do not know, or for several formats at once. */
const vagueContentTypes = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'text/plain', 'application/vnd.ms-excel', 'application/zip', 'application/x-zip-compressed']);

/**
 * The Compound File Binary container of legacy Office files and of password-protected .docx/.xlsx:
 * one holding an EncryptedPackage stream, or named or typed as .docx/.xlsx, is a protected one.
 */
const cfbSignature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const encryptedPackageName = Buffer.from('EncryptedPackage', 'utf16le');

function fromMagic(bytes: Buffer): KnowledgeFormat | 'zip' | 'cfb' | undefined {
  if (bytes.subarray(0, 1024).includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image';
  if (ascii(bytes, 'GIF87a') || ascii(bytes, 'GIF89a')) return 'image';
  if (ascii(bytes, 'RIFF') && ascii(bytes, 'WEBP', 8)) return 'image';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(bytes, cfbSignature)) return 'cfb';
  return undefined;
}

/**
 * A .docx keeps its parts under word/, a .xlsx under xl/; entry names are stored uncompressed, so
 * the first few kilobytes usually tell. The earlier of the two wins: an embedded workbook inside a
 * document comes after the document's own parts.
 */
function fromZipEntries(bytes: Buffer): KnowledgeFormat | undefined {
  const word = bytes.indexOf('word/');
  const excel = bytes.indexOf('xl/');
  if (word === -1 && excel === -1) return undefined;
  return excel === -1 || (word !== -1 && word < excel) ? 'docx' : 'xlsx';
}

/**
 * Decides how to read a file: its bytes first (PDF, PNG, JPEG, GIF, WebP and ZIP signatures; a ZIP
 * is a .docx or .xlsx by its entry names), then a specific content type, then the extension; text
 * formats have no signature, so they are known by content type or extension. Throws
 * UNSUPPORTED_FILE_TYPE for anything else and ENCRYPTED_FILE for a password-protected Office file.
 */
export function sniffFileType(input: SniffInput): KnowledgeFormat {
  const { bytes, filename } = input;
  const extension = extname(filename).toLowerCase();
  const contentType = (input.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const declared = (vagueContentTypes.has(contentType) ? undefined : byContentType.get(contentType)) ?? byExtension.get(extension);
  const unsupported = (why: string) => new UnsupportedFileTypeError({
    message: `${filename}: ${why}. Supported: ${supportedKnowledgeTypes.map((t) => t.label).join(', ')}.`,
    details: { filename },
  });

  const magic = fromMagic(bytes);
  if (magic === 'zip') {
    const inside = fromZipEntries(bytes);
    if (inside) return inside;
    if (declared === 'docx' || declared === 'xlsx') return declared;
    throw unsupported('a ZIP archive that is neither a .docx nor a .xlsx');
  }
  if (magic === 'cfb') {
    if (bytes.includes(encryptedPackageName) || declared === 'docx' || declared === 'xlsx') {
      throw new EncryptedFileError({
        message: `${filename} is password-protected: remove the password in Office and upload it again`,
        details: { filename, ...(declared ? { format: declared } : {}) },
      });
    }
    throw unsupported('a legacy Office file (.doc, .xls, .ppt); save it as .docx or .xlsx');
  }
  if (magic) return magic;
  if (declared) return declared;
  if ((contentType === 'text/plain' || contentType === '') && extension === '' && !looksBinary(bytes)) {
    return /^\s*<(!doctype\s+html|html)[\s>]/i.test(bytes.toString('latin1', 0, 512)) ? 'html' : 'text';
  }
  if (contentType === 'text/plain') return 'text';
  throw unsupported(`the type ${contentType || extension || 'of this file'} is not supported`);
}
