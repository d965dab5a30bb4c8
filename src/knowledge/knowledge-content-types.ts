import { FileEmptyError } from './knowledge-errors.ts';
import { sniffFileType } from './extract/sniff-file-type.ts';
import { supportedKnowledgeTypes, type KnowledgeFormat } from './extract/supported-knowledge-types.ts';

const startsWith = (head: Buffer, bytes: number[]) => bytes.every((b, i) => head[i] === b);

/** The image type by its signature (OCR reads all four). */
function imageType(head: Buffer): string {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (head.toString('latin1', 0, 3) === 'GIF') return 'image/gif';
  if (head.toString('latin1', 8, 12) === 'WEBP') return 'image/webp';
  return 'image/png';
}

/**
 * The content type a knowledge file is stored and read as, decided from its first bytes, its
 * declared type and its name the way extraction decides (sniffFileType): the declared type when it
 * names the same format, else the format's own. Throws 422 FILE_EMPTY for no bytes, 415 UNSUPPORTED_FILE_TYPE for a format
 * ingestion cannot read and 422 ENCRYPTED_FILE for a password-protected Office file.
 */
export function knowledgeContentType({ declared, fileName, head }: { declared?: string | null; fileName?: string; head: Buffer }): string {
  if (head.length === 0) throw new FileEmptyError({ message: `${fileName || 'The file'} is empty.`, details: { filename: fileName ?? '' } });
  const format: KnowledgeFormat = sniffFileType({ bytes: head, filename: fileName ?? '', contentType: declared ?? undefined });
  if (format === 'image') return imageType(head);
  const type = declared?.split(';')[0]?.trim().toLowerCase();
  const known = supportedKnowledgeTypes.find((t) => t.format === format)!.contentTypes;
  return type && known.includes(type) ? type : known[0]!;
}
