import { extname } from 'node:path';
import { UnsupportedMediaTypeError } from '../kernel/index.ts';

type Sniffer = (head: Buffer) => boolean;

const startsWith = (signature: number[] | string): Sniffer => {
  const expected = typeof signature === 'string' ? Buffer.from(signature, 'latin1') : Buffer.from(signature);
  return (head) => head.length >= expected.length && head.subarray(0, expected.length).equals(expected);
};
const isText: Sniffer = (head) => !head.includes(0) && isUtf8Prefix(head);
const isZip = startsWith([0x50, 0x4b, 0x03, 0x04]);
const isSvg: Sniffer = (head) => isText(head) && /<svg[\s>]/i.test(head.toString('utf8'));

/** Accepted types: what each must look like, and file extensions that imply it. */
const accepted: Record<string, { sniff: Sniffer; extensions: string[]; kind: string; inline: boolean }> = {
  'image/png': { sniff: startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), extensions: ['.png'], kind: 'image', inline: true },
  'image/jpeg': { sniff: startsWith([0xff, 0xd8, 0xff]), extensions: ['.jpg', '.jpeg'], kind: 'image', inline: true },
  'image/gif': { sniff: startsWith('GIF8'), extensions: ['.gif'], kind: 'image', inline: true },
  'image/webp': { sniff: (h) => startsWith('RIFF')(h) && h.subarray(8, 12).toString('latin1') === 'WEBP', extensions: ['.webp'], kind: 'image', inline: true },
  'image/svg+xml': { sniff: isSvg, extensions: ['.svg'], kind: 'image', inline: false },
  'application/pdf': { sniff: startsWith('%PDF-'), extensions: ['.pdf'], kind: 'document', inline: true },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { sniff: isZip, extensions: ['.docx'], kind: 'document', inline: false },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { sniff: isZip, extensions: ['.xlsx'], kind: 'spreadsheet', inline: false },
  'application/zip': { sniff: isZip, extensions: ['.zip'], kind: 'archive', inline: false },
  'text/plain': { sniff: isText, extensions: ['.txt', '.log'], kind: 'text', inline: true },
  'text/markdown': { sniff: isText, extensions: ['.md', '.markdown'], kind: 'text', inline: true },
  'text/csv': { sniff: isText, extensions: ['.csv'], kind: 'data', inline: true },
  'application/json': { sniff: isText, extensions: ['.json'], kind: 'data', inline: true },
  'text/html': { sniff: isText, extensions: ['.html', '.htm'], kind: 'document', inline: false },
};

export const acceptedContentTypes = Object.keys(accepted);

/**
 * Decides the stored content type: the declared one (or, when the client sent none or a generic
 * one, the one the file name implies) must be accepted and the bytes must look like it.
 */
export function checkContentType({ declared, fileName, head }: { declared?: string; fileName?: string; head: Buffer }): { contentType: string; kind: string } {
  let type = declared?.split(';')[0]?.trim().toLowerCase();
  if (!type || type === 'application/octet-stream') {
    const ext = extname(fileName ?? '').toLowerCase();
    type = Object.entries(accepted).find(([, v]) => v.extensions.includes(ext))?.[0];
  }
  const rule = type ? accepted[type] : undefined;
  if (!type || !rule) {
    throw new UnsupportedMediaTypeError({
      message: `Files of type ${type ?? 'unknown'} are not accepted.`,
      details: { accepted: acceptedContentTypes },
    });
  }
  if (!rule.sniff(head)) {
    throw new UnsupportedMediaTypeError({ code: 'CONTENT_MISMATCH', message: `The file's content is not ${type}.`, details: { declared: type } });
  }
  return { contentType: type, kind: rule.kind };
}

/** Types a browser may render inline from our origin; the rest download as attachments (no stored XSS). */
export function isInlineSafe(contentType: string): boolean {
  return accepted[contentType]?.inline ?? false;
}

function isUtf8Prefix(head: Buffer): boolean {
  // The head may cut a multi-byte character in two; drop up to 3 trailing bytes before checking.
  for (let cut = 0; cut <= 3 && cut <= head.length; cut++) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, head.length - cut));
      return true;
    } catch {
      // try a shorter prefix
    }
  }
  return false;
}
