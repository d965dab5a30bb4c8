import { describe, expect, it } from 'vitest';
import { FoundryError, UnsupportedMediaTypeError } from '../kernel/index.ts';
import { acceptedContentTypes, checkContentType, isInlineSafe } from './content-type.ts';

const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
const pdf = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1');
const svg = Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
const text = Buffer.from('Hello, wörld ✓\nSecond line.\n');
const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), Buffer.from('[Content_Types].xml')]);
const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function rejection(input: Parameters<typeof checkContentType>[0]): FoundryError {
  try {
    checkContentType(input);
  } catch (error) {
    expect(FoundryError.isInstance(error)).toBe(true);
    return error as FoundryError;
  }
  throw new Error(`expected ${JSON.stringify({ declared: input.declared, fileName: input.fileName })} to be refused`);
}

describe('checkContentType', () => {
  it.each([
    ['image/png', png, 'image'],
    ['image/jpeg', jpeg, 'image'],
    ['application/pdf', pdf, 'document'],
    ['image/svg+xml', svg, 'image'],
    ['text/plain', text, 'text'],
    ['text/markdown', Buffer.from('# Title\n\n- item\n'), 'text'],
    ['application/json', Buffer.from('{"a":1}'), 'data'],
    [docx, zip, 'document'],
    ['application/zip', zip, 'archive'],
  ])('accepts %s whose bytes match', (declared, head, kind) => {
    expect(checkContentType({ declared, fileName: 'upload.bin', head })).toEqual({ contentType: declared, kind });
  });

  it('ignores parameters and case in the declared type', () => {
    expect(checkContentType({ declared: 'Text/Plain; charset=UTF-8', head: text })).toEqual({ contentType: 'text/plain', kind: 'text' });
    expect(checkContentType({ declared: 'IMAGE/PNG', head: png }).contentType).toBe('image/png');
  });

  it.each([
    ['image/png', jpeg],
    ['image/jpeg', png],
    ['application/pdf', text],
    ['image/svg+xml', Buffer.from('just text, no drawing')],
    ['text/plain', png],
    ['text/plain', Buffer.from([0x68, 0x69, 0x00, 0x21])],
    [docx, pdf],
    ['image/png', Buffer.alloc(0)],
  ])('refuses %s whose bytes do not match with 415 CONTENT_MISMATCH', (declared, head) => {
    const error = rejection({ declared, head });
    expect(error).toBeInstanceOf(UnsupportedMediaTypeError);
    expect(error.status).toBe(415);
    expect(error.code).toBe('CONTENT_MISMATCH');
  });

  it('refuses a declared type it does not accept with 415, listing the accepted types', () => {
    for (const declared of ['application/x-msdownload', 'application/javascript', 'image/tiff']) {
      const error = rejection({ declared, fileName: 'file.png', head: png });
      expect(error.status).toBe(415);
      expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(error.details).toEqual({ accepted: acceptedContentTypes });
    }
  });

  it('infers the type from the extension when the client sends none or application/octet-stream', () => {
    expect(checkContentType({ declared: 'application/octet-stream', fileName: 'Photo.PNG', head: png })).toEqual({ contentType: 'image/png', kind: 'image' });
    expect(checkContentType({ fileName: 'scan.jpeg', head: jpeg }).contentType).toBe('image/jpeg');
    expect(checkContentType({ declared: '', fileName: 'brief.docx', head: zip }).contentType).toBe(docx);
    expect(checkContentType({ declared: 'application/octet-stream', fileName: 'notes.md', head: text }).contentType).toBe('text/markdown');
  });

  it('still sniffs an inferred type', () => {
    const error = rejection({ declared: 'application/octet-stream', fileName: 'fake.png', head: jpeg });
    expect(error.code).toBe('CONTENT_MISMATCH');
  });

  it('refuses octet-stream with an unknown or missing extension with 415', () => {
    for (const fileName of ['program.exe', 'noextension', undefined]) {
      const error = rejection({ declared: 'application/octet-stream', fileName, head: png });
      expect(error.status).toBe(415);
      expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    expect(rejection({ head: png }).status).toBe(415);
  });

  it('accepts UTF-8 text whose head ends in the middle of a multi-byte character', () => {
    const cut = Buffer.from('prix: 10 €').subarray(0, -1);
    expect(checkContentType({ declared: 'text/plain', head: cut }).contentType).toBe('text/plain');
  });

  it('refuses text that is not UTF-8', () => {
    const latin1 = Buffer.from('caf\xe9 cr\xe8me br\xfbl\xe9e, na\xefve', 'latin1');
    expect(rejection({ declared: 'text/plain', head: latin1 }).code).toBe('CONTENT_MISMATCH');
  });
});

describe('isInlineSafe', () => {
  it('lets images, PDFs and plain text render inline', () => {
    for (const type of ['image/png', 'image/jpeg', 'application/pdf', 'text/plain']) expect(isInlineSafe(type)).toBe(true);
  });

  it('downloads scriptable or unknown types as attachments', () => {
    for (const type of ['image/svg+xml', 'text/html', docx, 'application/zip', 'application/x-unknown']) expect(isInlineSafe(type)).toBe(false);
  });
});
