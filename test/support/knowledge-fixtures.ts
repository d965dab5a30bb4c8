// Real files for knowledge tests and benchmarks, generated in the test run: PDF (pdf-lib), DOCX
// (docx), XLSX (exceljs), CSV, text in several encodings, PNG and GIF images of text drawn with
// a stroke font defined here, and hand-built password-protected PDF and Office containers.
import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import { PDFDocument, StandardFonts } from 'pdf-lib';

export interface PdfPage {
  heading?: string;
  paragraphs: string[];
}

/** A PDF with a text layer: each page an optional 20 pt heading and 11 pt paragraphs, wrapped to the page width. */
export async function makePdf(pages: (string | PdfPage)[], options: { title?: string } = {}): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  if (options.title) pdf.setTitle(options.title);
  const body = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const width = 480;
  for (const spec of pages) {
    const { heading, paragraphs } = typeof spec === 'string' ? { heading: undefined, paragraphs: [spec] } : spec;
    const page = pdf.addPage([595, 842]);
    let y = 780;
    if (heading) {
      page.drawText(heading, { x: 56, y, size: 20, font: bold });
      y -= 36;
    }
    for (const paragraph of paragraphs) {
      const words = paragraph.split(/\s+/);
      let line = '';
      const lines: string[] = [];
      for (const word of words) {
        const candidate = line ? `${line} ${word}` : word;
        if (body.widthOfTextAtSize(candidate, 11) > width && line) {
          lines.push(line);
          line = word;
        } else line = candidate;
      }
      if (line) lines.push(line);
      for (const text of lines) {
        if (y < 60) break;
        page.drawText(text, { x: 56, y, size: 11, font: body });
        y -= 14;
      }
      y -= 10;
    }
  }
  return Buffer.from(await pdf.save());
}

/** A PDF whose pages are only images, like a scan: no text layer. */
export async function makeScannedPdf(lines: string[]): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const image = await pdf.embedPng(makeTextPng(lines));
  const page = pdf.addPage([image.width, image.height]);
  page.drawImage(image, { x: 0, y: 0, width: image.width, height: image.height });
  return Buffer.from(await pdf.save());
}

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 255;
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 255]!;
  }
  return out;
}

const md5 = (...parts: Buffer[]) => createHash('md5').update(Buffer.concat(parts)).digest();

/**
 * A one-page PDF encrypted with the standard security handler (RC4 40-bit, revision 2) under a user
 * password, so it cannot be opened without the password (PDF 1.7 §7.6.3, algorithms 2, 3 and 4).
 */
export function makeEncryptedPdf(userPassword = 'secret', ownerPassword = 'owner'): Buffer {
  const padding = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');
  const pad = (password: string) => Buffer.concat([Buffer.from(password, 'latin1'), padding]).subarray(0, 32);
  const id = md5(Buffer.from('foundry-encrypted-fixture'));
  const permissions = -44;
  const o = rc4(md5(pad(ownerPassword)).subarray(0, 5), pad(userPassword));
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  const key = md5(pad(userPassword), o, p, id).subarray(0, 5);
  const u = rc4(key, padding);
  const objectKey = (n: number) => md5(key, Buffer.from([n & 255, (n >> 8) & 255, (n >> 16) & 255, 0, 0])).subarray(0, 10);
  const content = rc4(objectKey(4), Buffer.from('BT /F1 12 Tf 50 150 Td (Secret text) Tj ET', 'latin1'));
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>',
    `<< /Length ${content.length} >>\nstream\n${content.toString('latin1')}\nendstream`,
    `<< /Filter /Standard /V 1 /R 2 /O <${o.toString('hex')}> /U <${u.toString('hex')}> /P ${permissions} >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((n) => `${String(n).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 5 0 R /ID [<${id.toString('hex')}> <${id.toString('hex')}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

export interface DocxSection {
  heading?: string;
  level?: 1 | 2 | 3;
  paragraphs?: string[];
  bullets?: string[];
  /** Rows of cells; the first row is the header. */
  table?: string[][];
}

/** A Word document: per section a heading, paragraphs, a bulleted list and a table, in that order. */
export async function makeDocx(sections: DocxSection[], options: { title?: string } = {}): Promise<Buffer> {
  const levels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
  const children: (Paragraph | Table)[] = [];
  for (const section of sections) {
    if (section.heading) children.push(new Paragraph({ text: section.heading, heading: levels[section.level ?? 1] }));
    for (const text of section.paragraphs ?? []) children.push(new Paragraph({ text }));
    for (const text of section.bullets ?? []) children.push(new Paragraph({ text, bullet: { level: 0 } }));
    if (section.table) {
      children.push(new Table({
        rows: section.table.map((row) => new TableRow({ children: row.map((cell) => new TableCell({ children: [new Paragraph(cell)] })) })),
      }));
    }
  }
  return Packer.toBuffer(new Document({ ...(options.title ? { title: options.title } : {}), sections: [{ children }] }));
}

export type XlsxCell = string | number | boolean | Date | null;

/** An Excel workbook with one worksheet per entry. */
export async function makeXlsx(sheets: { name: string; rows: XlsxCell[][] }[], options: { title?: string } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  if (options.title) workbook.title = options.title;
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    for (const row of sheet.rows) worksheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** CSV with RFC 4180 quoting, any delimiter, optionally a UTF-8 BOM or Windows-1252 bytes. */
export function makeCsv(rows: string[][], options: { delimiter?: string; bom?: boolean; encoding?: 'utf8' | 'latin1' } = {}): Buffer {
  const delimiter = options.delimiter ?? ',';
  const quote = (cell: string) => (/["\r\n]/.test(cell) || cell.includes(delimiter) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const text = rows.map((row) => row.map(quote).join(delimiter)).join('\r\n') + '\r\n';
  const bytes = Buffer.from(text, options.encoding ?? 'utf8');
  return options.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes;
}

type Point = [number, number];

const arc = (cx: number, cy: number, rx: number, ry: number, from: number, to: number): Point[] => {
  const steps = Math.max(8, Math.ceil(Math.abs(to - from) / 10));
  return Array.from({ length: steps + 1 }, (_, i) => {
    const angle = ((from + ((to - from) * i) / steps) * Math.PI) / 180;
    return [cx + rx * Math.cos(angle), cy + ry * Math.sin(angle)] as Point;
  });
};

/** Capital letters, digits and a little punctuation as strokes on a 4 × 6 grid (y down). */
const strokeFont: Record<string, Point[][]> = {
  A: [[[0, 6], [2, 0], [4, 6]], [[0.7, 4], [3.3, 4]]],
  B: [[[0, 0], [0, 6]], [[0, 0], [2.5, 0], ...arc(2.5, 1.5, 1.4, 1.5, -90, 90), [0, 3]], [[0, 3], [2.6, 3], ...arc(2.6, 4.5, 1.4, 1.5, -90, 90), [0, 6]]],
  C: [arc(2.1, 3, 2.1, 3, -40, -320)],
  D: [[[0, 0], [0, 6]], [[0, 0], [1.5, 0], ...arc(1.5, 3, 2.5, 3, -90, 90), [0, 6]]],
  E: [[[4, 0], [0, 0], [0, 6], [4, 6]], [[0, 3], [3, 3]]],
  F: [[[4, 0], [0, 0], [0, 6]], [[0, 3], [3, 3]]],
  G: [arc(2.1, 3, 2.1, 3, -40, -360), [[2.3, 3], [4.2, 3], [4.2, 5.3]]],
  H: [[[0, 0], [0, 6]], [[4, 0], [4, 6]], [[0, 3], [4, 3]]],
  I: [[[2, 0], [2, 6]], [[1, 0], [3, 0]], [[1, 6], [3, 6]]],
  J: [[[3.5, 0], [3.5, 4.5], ...arc(2, 4.5, 1.5, 1.5, 0, 180)]],
  K: [[[0, 0], [0, 6]], [[4, 0], [0, 4]], [[1.3, 2.8], [4, 6]]],
  L: [[[0, 0], [0, 6], [4, 6]]],
  M: [[[0, 6], [0, 0], [2, 4], [4, 0], [4, 6]]],
  N: [[[0, 6], [0, 0], [4, 6], [4, 0]]],
  O: [arc(2, 3, 2.1, 3, 0, 360)],
  P: [[[0, 6], [0, 0], [2.5, 0], ...arc(2.5, 1.6, 1.5, 1.6, -90, 90), [0, 3.2]]],
  Q: [arc(2, 3, 2.1, 3, 0, 360), [[2.5, 4.5], [4.2, 6.3]]],
  R: [[[0, 6], [0, 0], [2.5, 0], ...arc(2.5, 1.6, 1.5, 1.6, -90, 90), [0, 3.2]], [[2, 3.2], [4, 6]]],
  S: [[...arc(2, 1.5, 1.9, 1.5, -25, -270), ...arc(2, 4.5, 2, 1.5, -90, 155)]],
  T: [[[0, 0], [4, 0]], [[2, 0], [2, 6]]],
  U: [[[0, 0], [0, 4], ...arc(2, 4, 2, 2, 180, 0), [4, 0]]],
  V: [[[0, 0], [2, 6], [4, 0]]],
  W: [[[0, 0], [1, 6], [2, 2], [3, 6], [4, 0]]],
  X: [[[0, 0], [4, 6]], [[4, 0], [0, 6]]],
  Y: [[[0, 0], [2, 3], [4, 0]], [[2, 3], [2, 6]]],
  Z: [[[0, 0], [4, 0], [0, 6], [4, 6]]],
  0: [arc(2, 3, 1.8, 3, 0, 360)],
  1: [[[0.8, 1.2], [2.2, 0], [2.2, 6]], [[0.8, 6], [3.6, 6]]],
  2: [[...arc(2, 1.7, 1.9, 1.7, -165, 25), [0, 6], [4, 6]]],
  3: [[...arc(2, 1.5, 1.8, 1.5, -150, 90), ...arc(2, 4.5, 2, 1.5, -90, 150)]],
  4: [[[3, 6], [3, 0], [0, 4.2], [4.2, 4.2]]],
  5: [[[3.8, 0], [0.5, 0], [0.3, 2.8]], arc(2, 4.2, 2, 1.8, -125, 150)],
  6: [arc(2, 4.2, 2, 1.8, 0, 360), [[0.1, 3.8], [0.8, 1.6], [2.8, 0]]],
  7: [[[0, 0], [4, 0], [1.5, 6]]],
  8: [arc(2, 1.5, 1.7, 1.5, 0, 360), arc(2, 4.5, 2, 1.5, 0, 360)],
  9: [arc(2, 1.8, 2, 1.8, 0, 360), [[3.9, 2.3], [3.2, 4.4], [1.2, 6]]],
  '.': [[[2, 5.8], [2, 6]]],
  ',': [[[2, 5.6], [1.5, 6.8]]],
  ':': [[[2, 1.8], [2, 2]], [[2, 5.8], [2, 6]]],
  '-': [[[0.8, 3.5], [3.2, 3.5]]],
  '/': [[[4, 0], [0, 6]]],
};

const distanceToSegment = (px: number, py: number, [ax, ay]: Point, [bx, by]: Point) => {
  const dx = bx - ax;
  const dy = by - ay;
  const length = dx * dx + dy * dy;
  const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
};

/** Black anti-aliased text on white, one grey byte per pixel; `unit` pixels per font grid step. */
export function renderText(lines: string[], unit = 5): { width: number; height: number; pixels: Buffer } {
  const advance = 5.6;
  const lineHeight = 10;
  const margin = 4;
  const weight = 0.55;
  const columns = Math.max(1, ...lines.map((l) => l.length));
  const width = Math.ceil((margin * 2 + columns * advance) * unit);
  const height = Math.ceil((margin * 2 + Math.max(1, lines.length) * lineHeight) * unit);
  const pixels = Buffer.alloc(width * height, 255);
  lines.forEach((line, row) => [...line.toUpperCase()].forEach((char, column) => {
    const ox = margin + column * advance;
    const oy = margin + row * lineHeight;
    const segments = (strokeFont[char] ?? []).flatMap((stroke) => stroke.length === 1 ? [[stroke[0]!, stroke[0]!]] : stroke.slice(1).map((p, i) => [stroke[i]!, p]));
    for (let y = Math.floor((oy - 1) * unit); y < Math.ceil((oy + 8) * unit); y++) {
      for (let x = Math.floor((ox - 1) * unit); x < Math.ceil((ox + 5.5) * unit); x++) {
        let distance = Infinity;
        for (const [a, b] of segments) distance = Math.min(distance, distanceToSegment((x + 0.5) / unit - ox, (y + 0.5) / unit - oy, a!, b!));
        const ink = Math.max(0, Math.min(1, (weight / 2 - distance) * unit + 0.5));
        if (ink > 0) pixels[y * width + x] = Math.min(pixels[y * width + x]!, Math.round(255 * (1 - ink)));
      }
    }
  }));
  return { width, height, pixels };
}

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A greyscale PNG (PNG spec: IHDR, zlib-deflated IDAT with filter 0 rows, IEND). */
export function encodePng(width: number, height: number, pixels: Buffer): Buffer {
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) pixels.copy(raw, y * (width + 1) + 1, y * width, (y + 1) * width);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
}

/** A PNG of the given lines of text (capitals, digits, . , : - /), for OCR. */
export function makeTextPng(lines: string[], unit = 5): Buffer {
  const { width, height, pixels } = renderText(lines, unit);
  return encodePng(width, height, pixels);
}

/**
 * A GIF89a of the given lines, 256 greys. Its LZW stream sends a clear code before the code table
 * would need 10-bit codes, so every pixel is one 9-bit code: valid, just not compressed.
 */
export function makeTextGif(lines: string[], unit = 5): Buffer {
  const { width, height, pixels } = renderText(lines, unit);
  const codes: number[] = [256];
  let sinceClear = 0;
  for (const pixel of pixels) {
    if (sinceClear === 254) {
      codes.push(256);
      sinceClear = 0;
    }
    codes.push(pixel);
    sinceClear += 1;
  }
  codes.push(257);
  const packed: number[] = [];
  let bits = 0;
  let count = 0;
  for (const code of codes) {
    bits |= code << count;
    count += 9;
    while (count >= 8) {
      packed.push(bits & 255);
      bits >>>= 8;
      count -= 8;
    }
  }
  if (count > 0) packed.push(bits & 255);
  const blocks: Buffer[] = [];
  for (let i = 0; i < packed.length; i += 255) {
    const slice = packed.slice(i, i + 255);
    blocks.push(Buffer.from([slice.length, ...slice]));
  }
  const screen = Buffer.alloc(7);
  screen.writeUInt16LE(width, 0);
  screen.writeUInt16LE(height, 2);
  screen[4] = 0xf7;
  const palette = Buffer.alloc(768);
  for (let i = 0; i < 256; i++) palette.fill(i, i * 3, i * 3 + 3);
  const descriptor = Buffer.alloc(10);
  descriptor[0] = 0x2c;
  descriptor.writeUInt16LE(width, 5);
  descriptor.writeUInt16LE(height, 7);
  return Buffer.concat([Buffer.from('GIF89a', 'latin1'), screen, palette, descriptor, Buffer.from([8]), ...blocks, Buffer.from([0, 0x3b])]);
}

/**
 * A Compound File Binary container (MS-CFB, version 3, 512-byte sectors) holding the given streams,
 * each at least 4096 bytes so that they live in regular sectors. Password-protected .docx/.xlsx
 * files are this container with EncryptionInfo and EncryptedPackage streams; legacy .doc and .xls
 * files are it with WordDocument or Workbook streams.
 */
export function makeCompoundFile(streams: { name: string; data: Buffer }[]): Buffer {
  const sector = 512;
  const free = 0xffffffff;
  const endOfChain = 0xfffffffe;
  const sized = streams.map((s) => ({ name: s.name, data: s.data.length >= 4096 ? s.data : Buffer.concat([s.data, Buffer.alloc(4096 - s.data.length)]) }));
  const directorySectors = Math.ceil((sized.length + 1) / 4);
  const fat: number[] = [0xfffffffd];
  for (let i = 1; i <= directorySectors; i++) fat.push(i === directorySectors ? endOfChain : i + 1);
  const starts = sized.map((s) => {
    const start = fat.length;
    const count = Math.ceil(s.data.length / sector);
    for (let i = 0; i < count; i++) fat.push(i === count - 1 ? endOfChain : start + i + 1);
    return start;
  });
  if (fat.length > 128) throw new Error('makeCompoundFile: streams too large for one FAT sector');
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(1, 44);
  header.writeUInt32LE(1, 48);
  header.writeUInt32LE(4096, 56);
  header.writeUInt32LE(endOfChain, 60);
  header.writeUInt32LE(endOfChain, 68);
  header.fill(0xff, 76);
  header.writeUInt32LE(0, 76);
  const fatSector = Buffer.alloc(sector, 0xff);
  fat.forEach((entry, i) => fatSector.writeUInt32LE(entry, i * 4));
  const directory = Buffer.alloc(directorySectors * sector);
  const entry = (index: number, name: string, type: number, child: number, right: number, start: number, size: number) => {
    const at = index * 128;
    const encoded = Buffer.from(`${name}\0`, 'utf16le');
    encoded.copy(directory, at);
    directory.writeUInt16LE(encoded.length, at + 64);
    directory[at + 66] = type;
    directory[at + 67] = 1;
    directory.writeUInt32LE(free, at + 68);
    directory.writeUInt32LE(right, at + 72);
    directory.writeUInt32LE(child, at + 76);
    directory.writeUInt32LE(start, at + 116);
    directory.writeUInt32LE(size, at + 120);
  };
  entry(0, 'Root Entry', 5, sized.length > 0 ? 1 : free, free, endOfChain, 0);
  sized.forEach((s, i) => entry(i + 1, s.name, 2, free, i + 2 <= sized.length ? i + 2 : free, starts[i]!, s.data.length));
  const data = sized.map((s) => Buffer.concat([s.data, Buffer.alloc((sector - (s.data.length % sector)) % sector)]));
  return Buffer.concat([header, fatSector, directory, ...data]);
}

/** What Office writes when a .docx or .xlsx is saved with a password. */
export function makeEncryptedOfficeFile(): Buffer {
  return makeCompoundFile([
    { name: 'EncryptionInfo', data: seededBytes(4096, 1) },
    { name: 'EncryptedPackage', data: seededBytes(8192, 2) },
  ]);
}

/** A legacy Word 97-2003 container (.doc), which Foundry does not read. */
export function makeLegacyWordFile(): Buffer {
  return makeCompoundFile([{ name: 'WordDocument', data: seededBytes(4096, 3) }, { name: '1Table', data: seededBytes(4096, 4) }]);
}

/** Pseudo-random bytes that are the same on every run (xorshift32). */
export function seededBytes(length: number, seed = 42): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed || 1;
  for (let i = 0; i < length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    bytes[i] = state & 255;
  }
  return bytes;
}

/** The first `fraction` of a file, as a transfer cut short leaves it. */
export function truncated(bytes: Buffer, fraction = 0.5): Buffer {
  return Buffer.from(bytes.subarray(0, Math.max(1, Math.floor(bytes.length * fraction))));
}

const words = ('supplier quote price order case phone black matte silicone shipping sample delivery invoice tooling mould colour ' +
  'pantone logo print packaging carton pallet warranty material thickness dimension budget deadline approval revision drawing')
  .split(' ');

/** Deterministic English-like prose: `sentences` sentences of 8 to 20 words, for sizing and benchmarks. */
export function prose(sentences: number, seed = 7): string {
  const random = seededBytes(sentences * 24, seed);
  let at = 0;
  const out: string[] = [];
  for (let s = 0; s < sentences; s++) {
    const length = 8 + (random[at++]! % 13);
    const sentence = Array.from({ length }, () => words[random[at++]! % words.length]!);
    out.push(`${sentence.join(' ').replace(/^./, (c) => c.toUpperCase())}.`);
  }
  return out.join(' ');
}
