import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTextGif, makeTextPng, renderText, seededBytes, truncated } from '../../../test/support/knowledge-fixtures.ts';
import { extractDocument } from './extract-document.ts';
import { terminateOcrWorker } from './ocr-worker.ts';

const lines = ['INVOICE 2024-0117', 'TOTAL DUE: 1,250 EUR', 'BLACK TPU PHONE CASES'];
const words = (text: string) => text.replace(/\s+/g, ' ').trim();

afterAll(() => terminateOcrWorker());

describe('extractDocument: images (OCR)', () => {
  it('reads the text of a PNG and records its size', async () => {
    const doc = await extractDocument({ bytes: makeTextPng(lines), filename: 'invoice.png' });
    const { width, height } = renderText(lines);
    expect(doc.metadata).toMatchObject({ parser: 'tesseract.js', format: 'image', imageType: 'png', width, height, ocrLanguage: 'eng' });
    expect(doc.blocks.every((b) => b.kind === 'paragraph')).toBe(true);
    expect(words(doc.blocks.map((b) => b.text).join(' '))).toBe(lines.join(' '));
  }, 60_000);

  it('reads a GIF', async () => {
    const doc = await extractDocument({ bytes: makeTextGif(['SAMPLE DUE 12 MAY']), filename: 'note.gif', contentType: 'image/gif' });
    expect(doc.metadata).toMatchObject({ imageType: 'gif' });
    expect(words(doc.blocks.map((b) => b.text).join(' '))).toBe('SAMPLE DUE 12 MAY');
  }, 60_000);

  it('gives no blocks, not an error, for an image without text', async () => {
    const doc = await extractDocument({ bytes: makeTextPng(['']), filename: 'blank.png' });
    expect(doc.blocks).toEqual([]);
    expect(doc.metadata).toMatchObject({ format: 'image' });
  }, 60_000);

  it('fails damaged images with FILE_CORRUPT and keeps working afterwards', async () => {
    const png = makeTextPng(lines);
    const damaged = Buffer.from(png);
    seededBytes(200, 11).copy(damaged, 60);
    for (const [filename, bytes] of [
      ['damaged.png', damaged],
      ['cut.png', truncated(png, 0.5)],
      ['header.png', truncated(png, 0.02)],
      ['random.png', seededBytes(4000, 9)],
      ['garbage.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x10]), seededBytes(3000, 10)])],
    ] as const) {
      await expect(extractDocument({ bytes, filename }), filename).rejects.toMatchObject({ code: 'FILE_CORRUPT', status: 422 });
    }
    const doc = await extractDocument({ bytes: makeTextPng(['STILL WORKING']), filename: 'after.png' });
    expect(words(doc.blocks.map((b) => b.text).join(' '))).toBe('STILL WORKING');
  }, 120_000);

  it('refuses an image with more pixels than the limit with FILE_TOO_LARGE', async () => {
    await expect(extractDocument({ bytes: makeTextPng(['BIG']), filename: 'big.png', limits: { maxImagePixels: 1000 } }))
      .rejects.toMatchObject({ code: 'FILE_TOO_LARGE', status: 413, details: { limit: 'maxImagePixels' } });
  });

  it('stops an OCR that runs past its timeout with EXTRACTION_TIMEOUT, then starts a fresh worker', async () => {
    await expect(extractDocument({ bytes: makeTextPng(lines), filename: 'slow.png', limits: { ocrTimeoutMs: 1 } }))
      .rejects.toMatchObject({ code: 'EXTRACTION_TIMEOUT', status: 422 });
    const doc = await extractDocument({ bytes: makeTextPng(['AGAIN']), filename: 'again.png' });
    expect(words(doc.blocks.map((b) => b.text).join(' '))).toBe('AGAIN');
  }, 60_000);

  it('stops when its signal is aborted during OCR', async () => {
    const controller = new AbortController();
    const reading = extractDocument({ bytes: makeTextPng(lines), filename: 'abort.png', signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user cancelled')), 5);
    await expect(reading).rejects.toThrow('user cancelled');
  }, 60_000);

  it('works with the network blocked and the file system read-only (language data from node_modules, nothing cached)', async () => {
    const root = fileURLToPath(new URL('../../..', import.meta.url));
    const blocker = [
      "import net from 'node:net'; import dns from 'node:dns';",
      "const deny = (what) => { process.stderr.write('NETWORK ATTEMPT ' + what + '\\n'); throw new Error('network blocked: ' + what); };",
      "globalThis.fetch = async (url) => deny('fetch ' + url);",
      "net.Socket.prototype.connect = function () { return deny('connect'); };",
      "dns.lookup = () => deny('dns');",
    ].join('\n');
    const script = [
      `import { extractDocument } from ${JSON.stringify(`${root}src/knowledge/extract/extract-document.ts`)};`,
      `import { terminateOcrWorker } from ${JSON.stringify(`${root}src/knowledge/extract/ocr-worker.ts`)};`,
      `import { makeTextPng } from ${JSON.stringify(`${root}test/support/knowledge-fixtures.ts`)};`,
      "await fetch('https://example.com').then(() => console.log('FETCH WORKED'), () => undefined);",
      "const doc = await extractDocument({ bytes: makeTextPng(['OFFLINE OCR']), filename: 'offline.png' });",
      'console.log(JSON.stringify(doc.blocks.map((b) => b.text)));',
      'await terminateOcrWorker();',
    ].join('\n');
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [
      '--permission', '--allow-fs-read=*', '--allow-worker', '--disable-warning=ExperimentalWarning',
      '--import', `data:text/javascript,${encodeURIComponent(blocker)}`, '--eval', script,
    ], { cwd: root, timeout: 60_000 });
    expect(stderr.match(/NETWORK ATTEMPT.*/g), 'only the deliberate fetch that proves the block works').toEqual(['NETWORK ATTEMPT fetch https://example.com']);
    expect(stdout).not.toContain('FETCH WORKED');
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual(['OFFLINE OCR']);
  }, 90_000);
});
