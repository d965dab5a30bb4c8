import { describe, expect, it } from 'vitest';
import {
  makeCsv, makeDocx, makeEncryptedOfficeFile, makeEncryptedPdf, makeLegacyWordFile, makePdf, makeScannedPdf, makeXlsx,
  prose, seededBytes, truncated,
} from '../../../test/support/knowledge-fixtures.ts';
import type { ExtractedDocument } from '../extracted-document.ts';
import { extractDocument, type ExtractDocumentInput } from './extract-document.ts';
import { sniffFileType } from './sniff-file-type.ts';

const kinds = (doc: ExtractedDocument) => doc.blocks.map((b) => b.kind);
const texts = (doc: ExtractedDocument) => doc.blocks.map((b) => b.text);

async function failure(input: ExtractDocumentInput): Promise<{ code: string; status: number; details: unknown }> {
  try {
    await extractDocument(input);
  } catch (error) {
    return error as { code: string; status: number; details: unknown };
  }
  throw new Error(`${input.filename} was read without an error`);
}

describe('extractDocument: PDF', () => {
  it('reads the text of every page with its page number, headings by font size, and the title and page count', async () => {
    const bytes = await makePdf([
      { heading: 'Scope of supply', paragraphs: ['The supplier delivers 10,000 phone cases in matte black.', 'Samples are due within two weeks.'] },
      { heading: 'Prices', paragraphs: [prose(12)] },
      'The last page has no heading.',
    ], { title: 'Phone case RFQ' });
    const doc = await extractDocument({ bytes, filename: 'rfq.pdf' });
    expect(doc.metadata).toMatchObject({ title: 'Phone case RFQ', pages: 3, parser: 'unpdf', format: 'pdf' });
    expect(doc.blocks.slice(0, 3)).toEqual([
      { kind: 'heading', text: 'Scope of supply', level: 1, page: 1 },
      { kind: 'paragraph', text: 'The supplier delivers 10,000 phone cases in matte black.', page: 1 },
      { kind: 'paragraph', text: 'Samples are due within two weeks.', page: 1 },
    ]);
    expect(doc.blocks[3]).toEqual({ kind: 'heading', text: 'Prices', level: 1, page: 2 });
    expect(doc.blocks[4]).toMatchObject({ kind: 'paragraph', text: prose(12), page: 2 });
    expect(doc.blocks.at(-1)).toEqual({ kind: 'paragraph', text: 'The last page has no heading.', page: 3 });
  });

  it('fails a scanned PDF without a text layer with FILE_EMPTY', async () => {
    const bytes = await makeScannedPdf(['SCANNED PAGE']);
    expect(await failure({ bytes, filename: 'scan.pdf' })).toMatchObject({ code: 'FILE_EMPTY', status: 422 });
  });

  it('fails a password-protected PDF with ENCRYPTED_FILE', async () => {
    expect(await failure({ bytes: makeEncryptedPdf(), filename: 'secret.pdf' })).toMatchObject({ code: 'ENCRYPTED_FILE', status: 422 });
  });

  it('refuses more pages than the limit with FILE_TOO_LARGE', async () => {
    const bytes = await makePdf(['one', 'two', 'three']);
    expect(await failure({ bytes, filename: 'long.pdf', limits: { maxPdfPages: 2 } }))
      .toMatchObject({ code: 'FILE_TOO_LARGE', status: 413, details: { limit: 'maxPdfPages', max: 2 } });
  });
});

describe('extractDocument: DOCX', () => {
  it('keeps headings with their levels, paragraphs, lists and tables', async () => {
    const bytes = await makeDocx([
      { heading: 'Product brief', level: 1, paragraphs: ['A rugged case for the Pixel 9.'] },
      { heading: 'Materials', level: 2, bullets: ['TPU shell', 'Polycarbonate back'] },
      { heading: 'Quantities', level: 2, table: [['Item', 'Quantity'], ['Case', '10000'], ['Screen guard', '5000']] },
    ]);
    const doc = await extractDocument({ bytes, filename: 'brief.docx' });
    expect(doc.metadata).toMatchObject({ title: 'Product brief', parser: 'mammoth', format: 'docx' });
    expect(doc.blocks).toEqual([
      { kind: 'heading', text: 'Product brief', level: 1 },
      { kind: 'paragraph', text: 'A rugged case for the Pixel 9.' },
      { kind: 'heading', text: 'Materials', level: 2 },
      { kind: 'list', text: '- TPU shell\n- Polycarbonate back' },
      { kind: 'heading', text: 'Quantities', level: 2 },
      { kind: 'table', text: 'Item | Quantity\nCase | 10000\nScreen guard | 5000' },
    ]);
  });

  it('refuses a document that would inflate past maxUnzippedBytes with FILE_TOO_LARGE', async () => {
    const bytes = await makeDocx([{ paragraphs: Array.from({ length: 200 }, () => 'the same words again and again') }]);
    expect(await failure({ bytes, filename: 'bomb.docx', limits: { maxUnzippedBytes: 20_000 } }))
      .toMatchObject({ code: 'FILE_TOO_LARGE', details: { limit: 'maxUnzippedBytes', max: 20_000 } });
    expect((await extractDocument({ bytes, filename: 'fine.docx' })).blocks).toHaveLength(200);
  });

  it('fails a password-protected DOCX with ENCRYPTED_FILE and a legacy .doc with UNSUPPORTED_FILE_TYPE', async () => {
    expect(await failure({ bytes: makeEncryptedOfficeFile(), filename: 'locked.docx' })).toMatchObject({ code: 'ENCRYPTED_FILE', status: 422 });
    expect(await failure({ bytes: makeEncryptedOfficeFile(), filename: 'upload.bin' })).toMatchObject({ code: 'ENCRYPTED_FILE' });
    expect(await failure({ bytes: makeLegacyWordFile(), filename: 'old.doc' })).toMatchObject({ code: 'UNSUPPORTED_FILE_TYPE', status: 415 });
  });
});

describe('extractDocument: XLSX', () => {
  it('reads each sheet as a heading and rows that name their columns, skipping empty rows', async () => {
    const bytes = await makeXlsx([
      { name: 'Prices', rows: [['Item', 'Price', 'Valid from'], ['Widget', 3.5, new Date(Date.UTC(2025, 0, 31))], [], ['Gadget', 0.1 + 0.2, null]] },
      { name: 'Suppliers', rows: [['Name', 'Country', 'Certified'], ['Acme', 'DE', true]] },
      { name: 'Empty', rows: [] },
    ], { title: 'Price list' });
    const doc = await extractDocument({ bytes, filename: 'prices.xlsx' });
    expect(doc.metadata).toMatchObject({ title: 'Price list', sheets: ['Prices', 'Suppliers', 'Empty'], parser: 'exceljs', format: 'xlsx' });
    expect(doc.blocks).toEqual([
      { kind: 'heading', text: 'Prices', level: 2, sheet: 'Prices' },
      { kind: 'table', text: 'Item: Widget | Price: 3.5 | Valid from: 2025-01-31\nItem: Gadget | Price: 0.3', sheet: 'Prices' },
      { kind: 'heading', text: 'Suppliers', level: 2, sheet: 'Suppliers' },
      { kind: 'table', text: 'Name: Acme | Country: DE | Certified: TRUE', sheet: 'Suppliers' },
    ]);
  });

  it('cuts long cells, and refuses too many rows or sheets with FILE_TOO_LARGE', async () => {
    const bytes = await makeXlsx([{ name: 'Notes', rows: [['Note'], ['x'.repeat(50)], ['short']] }]);
    const doc = await extractDocument({ bytes, filename: 'notes.xlsx', limits: { maxCellChars: 10 } });
    expect(doc.blocks[1]!.text).toBe(`Note: ${'x'.repeat(9)}…\nNote: short`);
    expect(await failure({ bytes, filename: 'notes.xlsx', limits: { maxRows: 2 } })).toMatchObject({ code: 'FILE_TOO_LARGE', details: { limit: 'maxRows' } });
    const two = await makeXlsx([{ name: 'A', rows: [['a']] }, { name: 'B', rows: [['b']] }]);
    expect(await failure({ bytes: two, filename: 'two.xlsx', limits: { maxSheets: 1 } })).toMatchObject({ code: 'FILE_TOO_LARGE', details: { limit: 'maxSheets' } });
  });

  it('fails a password-protected XLSX with ENCRYPTED_FILE', async () => {
    expect(await failure({ bytes: makeEncryptedOfficeFile(), filename: 'locked.xlsx' })).toMatchObject({ code: 'ENCRYPTED_FILE' });
  });
});

describe('extractDocument: CSV', () => {
  it('reads a semicolon-delimited file with a BOM, quoted fields and a header, the file name as the sheet', async () => {
    const bytes = makeCsv([['Artikel', 'Preis', 'Notiz'], ['Hülle', '3,50', 'matt; schwarz'], ['Glas', '1,20', 'say "hi"']], { delimiter: ';', bom: true });
    const doc = await extractDocument({ bytes, filename: 'preise.csv', contentType: 'text/csv' });
    expect(doc.metadata).toMatchObject({ sheets: ['preise.csv'], delimiter: ';', encoding: 'utf-8', format: 'csv' });
    expect(doc.blocks).toEqual([{ kind: 'table', sheet: 'preise.csv', text: 'Artikel: Hülle | Preis: 3,50 | Notiz: matt; schwarz\nArtikel: Glas | Preis: 1,20 | Notiz: say "hi"' }]);
  });

  it('sniffs tabs, reads Windows-1252 and joins the cells of a file without a header', async () => {
    const bytes = makeCsv([['1', 'café', '2.5'], ['2', 'crème', '3']], { delimiter: '\t', encoding: 'latin1' });
    const doc = await extractDocument({ bytes, filename: 'data.tsv' });
    expect(doc.metadata).toMatchObject({ delimiter: '\t', encoding: 'windows-1252' });
    expect(texts(doc)).toEqual(['1 | café | 2.5\n2 | crème | 3']);
  });
});

describe('extractDocument: HTML', () => {
  const page = `<!doctype html><html><head><title>Case  catalogue</title><style>p{color:red}</style><script>var x = "<p>no</p>";</script></head>
  <body><nav><a href="/">Home</a> <a href="/shop">Shop</a></nav>
  <main><h1>Cases &amp; covers</h1><p>Our cases are made of <strong>TPU</strong>,
  a flexible plastic.<br>They ship in 5 days.</p>
  <div hidden>Secret</div>
  <h2>Colours</h2><ul><li>Black<ul><li>Matte</li></ul></li><li>Clear</li></ul>
  <ol start="3"><li>Third</li><li>Fourth</li></ol>
  <table><thead><tr><th>Model</th><th>Price</th></tr></thead><tbody><tr><td>Pixel 9</td><td>€12</td></tr></tbody></table>
  <pre><code>npm install
  foundry</code></pre></main>
  <footer>© 2025 Case Co</footer></body></html>`;

  it('keeps the content: headings, paragraphs, lists, tables and code; drops scripts, styles, navigation, footers and hidden elements', async () => {
    const doc = await extractDocument({ bytes: Buffer.from(page), filename: 'catalogue.html' });
    expect(doc.metadata).toMatchObject({ title: 'Case catalogue', parser: 'node-html-parser', format: 'html' });
    expect(doc.blocks).toEqual([
      { kind: 'heading', text: 'Cases & covers', level: 1 },
      { kind: 'paragraph', text: 'Our cases are made of TPU, a flexible plastic.\nThey ship in 5 days.' },
      { kind: 'heading', text: 'Colours', level: 2 },
      { kind: 'list', text: '- Black\n  - Matte\n- Clear' },
      { kind: 'list', text: '3. Third\n4. Fourth' },
      { kind: 'table', text: 'Model | Price\nPixel 9 | €12' },
      { kind: 'code', text: 'npm install\n  foundry' },
    ]);
  });

  it('decodes the charset its meta tag names', async () => {
    const bytes = Buffer.from('<html><head><meta charset="windows-1252"></head><body><p>Prix : 12 € TTC, façade</p></body></html>', 'latin1');
    bytes[bytes.indexOf('12 ') + 3] = 0x80;
    const doc = await extractDocument({ bytes, filename: 'prix.html' });
    expect(texts(doc)).toEqual(['Prix : 12 € TTC, façade']);
  });
});

describe('extractDocument: Markdown and text', () => {
  it('reads Markdown headings, paragraphs, nested lists, fenced code and tables, without inline markup', async () => {
    const markdown = [
      '---', 'title: ignored front matter', '---',
      '# Case *spec*', '', 'A **rugged** case, see [the drawing](https://example.com/d.pdf)', 'and `v2`.', '',
      '## Options', '', '- Colour: black', '  - matte', '- Size: 150 x 75 mm', '', '1. First', '2. Second', '',
      '```ts', 'const x = 1;', '', 'console.log(x);', '```', '',
      '| Part | Material |', '|---|:---:|', '| Shell | TPU |', '| Back | PC |', '',
      'Setext heading', '--------------', '', '> A quote', '> on two lines.',
    ].join('\n');
    const doc = await extractDocument({ bytes: Buffer.from(markdown), filename: 'spec.md' });
    expect(doc.metadata).toMatchObject({ title: 'Case spec', parser: 'markdown', format: 'markdown' });
    expect(doc.blocks).toEqual([
      { kind: 'heading', text: 'Case spec', level: 1 },
      { kind: 'paragraph', text: 'A rugged case, see the drawing and v2.' },
      { kind: 'heading', text: 'Options', level: 2 },
      { kind: 'list', text: '- Colour: black\n  - matte\n- Size: 150 x 75 mm' },
      { kind: 'list', text: '1. First\n2. Second' },
      { kind: 'code', text: 'const x = 1;\n\nconsole.log(x);' },
      { kind: 'table', text: 'Part | Material\nShell | TPU\nBack | PC' },
      { kind: 'heading', text: 'Setext heading', level: 2 },
      { kind: 'paragraph', text: 'A quote on two lines.' },
    ]);
  });

  it('reads Windows-1252 text as such, UTF-8 with a BOM, and splits paragraphs at blank lines', async () => {
    const latin1 = Buffer.from('Crème brûlée\r\nfür 5 €\r\n\r\n\r\nZweiter Absatz', 'latin1');
    latin1[latin1.indexOf('5 ') + 2] = 0x80;
    const doc = await extractDocument({ bytes: latin1, filename: 'menu.txt' });
    expect(doc.metadata).toMatchObject({ encoding: 'windows-1252', format: 'text' });
    expect(texts(doc)).toEqual(['Crème brûlée\nfür 5 €', 'Zweiter Absatz']);
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('naïve  text\n')]);
    expect(texts(await extractDocument({ bytes: bom, filename: 'notes.txt' }))).toEqual(['naïve text']);
  });

  it('refuses more text than maxChars with FILE_TOO_LARGE, and a file over its format size limit', async () => {
    const bytes = Buffer.from(prose(50));
    expect(await failure({ bytes, filename: 'long.txt', limits: { maxChars: 100 } })).toMatchObject({ code: 'FILE_TOO_LARGE', details: { limit: 'maxChars' } });
    expect(await failure({ bytes, filename: 'long.txt', limits: { maxBytes: { text: 100 } } })).toMatchObject({ code: 'FILE_TOO_LARGE', status: 413, details: { limit: 'maxBytes', max: 100 } });
  });
});

describe('extractDocument: type detection and bad files', () => {
  it('trusts the bytes over the name and the name over a vague content type', async () => {
    const pdf = await makePdf(['Really a PDF.']);
    expect(sniffFileType({ bytes: pdf, filename: 'report.txt', contentType: 'text/plain' })).toBe('pdf');
    const docx = await makeDocx([{ paragraphs: ['x'] }]);
    expect(sniffFileType({ bytes: docx, filename: 'upload', contentType: 'application/octet-stream' })).toBe('docx');
    const xlsx = await makeXlsx([{ name: 'S', rows: [['a']] }]);
    expect(sniffFileType({ bytes: xlsx.subarray(0, 4096), filename: 'upload', contentType: 'application/octet-stream' }), 'from its first 4 KiB').toBe('xlsx');
    expect(sniffFileType({ bytes: docx.subarray(0, 4096), filename: 'upload' })).toBe('docx');
    expect(sniffFileType({ bytes: Buffer.from('# Title'), filename: 'readme.md', contentType: 'text/plain' })).toBe('markdown');
    expect(sniffFileType({ bytes: Buffer.from('a;b'), filename: 'x', contentType: 'text/csv' })).toBe('csv');
    expect(sniffFileType({ bytes: Buffer.from('<!DOCTYPE html><p>x'), filename: 'page' })).toBe('html');
    expect(sniffFileType({ bytes: Buffer.from('just words'), filename: 'notes' })).toBe('text');
    expect((await extractDocument({ bytes: pdf, filename: 'report.txt' })).metadata.format).toBe('pdf');
  });

  it('fails an empty file with FILE_EMPTY', async () => {
    expect(await failure({ bytes: Buffer.alloc(0), filename: 'nothing.pdf' })).toMatchObject({ code: 'FILE_EMPTY', status: 422 });
  });

  it('refuses unsupported types with UNSUPPORTED_FILE_TYPE', async () => {
    for (const [bytes, filename, contentType] of [
      [seededBytes(2000), 'program.exe', 'application/octet-stream'],
      [Buffer.from('{"a":1}'), 'data.json', 'application/json'],
      [Buffer.from('PK\u0003\u0004 not an office file'), 'bundle.zip', undefined],
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'logo.svg', 'image/svg+xml'],
    ] as const) {
      expect(await failure({ bytes: Buffer.from(bytes), filename, ...(contentType ? { contentType } : {}) })).toMatchObject({ code: 'UNSUPPORTED_FILE_TYPE', status: 415 });
    }
  });

  it('fails blank documents with FILE_EMPTY', async () => {
    expect(await failure({ bytes: Buffer.from('\n \n\t\n'), filename: 'blank.txt' })).toMatchObject({ code: 'FILE_EMPTY' });
    expect(await failure({ bytes: Buffer.from('<html><body><script>x()</script></body></html>'), filename: 'blank.html' })).toMatchObject({ code: 'FILE_EMPTY' });
    expect(await failure({ bytes: await makeXlsx([{ name: 'Empty', rows: [] }]), filename: 'blank.xlsx' })).toMatchObject({ code: 'FILE_EMPTY' });
  });

  it('fails truncated and random files of every format with FILE_CORRUPT, without hanging', async () => {
    const pdf = await makePdf([prose(30), prose(30)]);
    const docx = await makeDocx([{ heading: 'H', paragraphs: [prose(40)] }]);
    const xlsx = await makeXlsx([{ name: 'S', rows: [['a', 'b'], ['1', '2']] }]);
    const cases: Array<[string, Buffer]> = [
      ['truncated.pdf', truncated(pdf, 0.3)],
      ['random.pdf', seededBytes(5000, 1)],
      ['header-only.pdf', Buffer.from('%PDF-1.7\n%garbage')],
      ['truncated.docx', truncated(docx, 0.5)],
      ['random.docx', seededBytes(5000, 2)],
      ['truncated.xlsx', truncated(xlsx, 0.5)],
      ['random.xlsx', seededBytes(5000, 3)],
      ['random.csv', seededBytes(5000, 4)],
      ['random.html', seededBytes(5000, 5)],
      ['random.md', seededBytes(5000, 6)],
      ['random.txt', seededBytes(5000, 7)],
      ['unclosed.csv', Buffer.from('a,b\n"1,2\n3,4')],
    ];
    for (const [filename, bytes] of cases) {
      const error = await failure({ bytes, filename, limits: { timeoutMs: 20_000 } });
      expect({ filename, code: error.code, status: error.status }).toEqual({ filename, code: 'FILE_CORRUPT', status: 422 });
    }
  });

  it('stops when its signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled by the user'));
    await expect(extractDocument({ bytes: Buffer.from('text'), filename: 'a.txt', signal: controller.signal })).rejects.toThrow('cancelled by the user');
  });

  it('gives documents whose blocks are tidy: no surrounding whitespace, no blank lines outside code', async () => {
    const doc = await extractDocument({ bytes: Buffer.from('  a  \n\n\n   b   c  \n'), filename: 'x.txt' });
    expect(kinds(doc)).toEqual(['paragraph', 'paragraph']);
    expect(texts(doc)).toEqual(['a', 'b c']);
  });
});
