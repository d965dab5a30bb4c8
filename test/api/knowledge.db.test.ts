import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FoundryEvent } from '../../src/kernel/index.ts';
import type { KnowledgeEmbedder, KnowledgeSourceView } from '../../src/knowledge/index.ts';
import type { Passage } from '../../src/models/index.ts';
import { waitForIngestion } from '../support/knowledge-api.ts';
import {
  makeCsv, makeDocx, makeEncryptedOfficeFile, makeEncryptedPdf, makeLegacyWordFile, makePdf, makeXlsx, prose, seededBytes, truncated,
} from '../support/knowledge-fixtures.ts';
import { encodeMultipart, type MultipartPart } from '../support/route-fixtures.ts';
import { as, createTestFoundry, signUpUser, type Account, type TestFoundry } from '../support/test-foundry.ts';
import { runCli } from '../support/cli-process.ts';

/**
 * Knowledge through the HTTP API: real files generated here are uploaded, read by ingestion runs
 * on the workflow engine and found by search with their citations; URLs are fetched from a local
 * server through the SSRF guard.
 */

const maxBytes = 200_000;

let foundry: TestFoundry;
let alice: Account;
let bob: Account;
let projectId: string;
let site: Server;
let siteUrl: string;
const hits = new Map<string, number>();

const pdfPages = async () => makePdf([
  { heading: 'Introduction', paragraphs: [prose(10, 1)] },
  { heading: 'Hinges', paragraphs: ['The titanium hinge carries a lifetime guarantee.', prose(8, 2)] },
  { heading: 'Logistics', paragraphs: ['Pallets leave the Rotterdam warehouse every Thursday.', prose(8, 3)] },
], { title: 'Handbook' });

beforeAll(async () => {
  site = createServer((request, response) => {
    const path = request.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    if (path === '/guide.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><html><head><title>Care guide</title></head><body><h1>Care guide</h1><p>${prose(6, 4)}</p>`
        + `<h2>Cleaning</h2><p>Wipe the lens with a microfibre cloth and lukewarm water.</p><p>${prose(6, 5)}</p></body></html>`);
    } else if (path === '/manual.pdf') {
      void pdfPages().then((pdf) => {
        response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': pdf.length });
        response.end(pdf);
      });
    } else if (path === '/flaky.html' && hits.get(path) === 1) {
      response.writeHead(503, { 'content-type': 'text/plain' });
      response.end('busy');
    } else if (path === '/flaky.html') {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html><body><h1>Opening hours</h1><p>The showroom in Eindhoven opens at nine.</p></body></html>');
    } else if (path === '/redirect') {
      response.writeHead(302, { location: `${siteUrl.replace('127.0.0.1', 'localhost')}/guide.html` });
      response.end();
    } else if (path === '/huge.txt') {
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end('x'.repeat(maxBytes + 1));
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not here');
    }
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  foundry = await createTestFoundry({ ssrfAllow: ['127.0.0.1'], knowledgeMaxBytes: maxBytes });
  alice = await signUpUser(foundry, 'Alice');
  bob = await signUpUser(foundry, 'Bob');
  projectId = await createProject(alice, 'Phone cases');
});
afterAll(async () => {
  await foundry?.dispose();
  await new Promise((resolve) => site?.close(resolve));
});

async function createProject(account: Account, name: string): Promise<string> {
  const response = await foundry.app.inject({ method: 'POST', url: '/api/projects', headers: as(account), payload: { name, studio: 'product' } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

function upload(parts: MultipartPart[], { account = alice, project = projectId, workspace }: { account?: Account; project?: string; workspace?: string } = {}) {
  const body = encodeMultipart(parts);
  return foundry.app.inject({ method: 'POST', url: `/api/projects/${project}/knowledge`, headers: { ...as(account, workspace), ...body.headers }, payload: body.payload });
}

const file = (filename: string, content: Buffer | string, contentType = 'application/octet-stream'): MultipartPart => ({ name: 'file', filename, contentType, content });

async function uploadOk(filename: string, content: Buffer | string, options: Parameters<typeof upload>[1] = {}): Promise<KnowledgeSourceView> {
  const response = await upload([file(filename, content)], options);
  expect(response.statusCode, response.body).toBe(202);
  return response.json<KnowledgeSourceView>();
}

function getter(account: Account, workspace?: string) {
  return async (url: string) => {
    const response = await foundry.app.inject({ method: 'GET', url, headers: as(account, workspace) });
    if (response.statusCode !== 200) throw new Error(`GET ${url} answered ${response.statusCode}: ${response.body}`);
    return response.json() as unknown;
  };
}
const ingested = (source: { id: string }, account = alice) => waitForIngestion(getter(account), source.id);

async function search(query: string, { account = alice, project = projectId, limit = 5 } = {}): Promise<Passage[]> {
  const response = await foundry.app.inject({
    method: 'GET', url: `/api/projects/${project}/knowledge/search?${new URLSearchParams({ q: query, limit: String(limit) })}`, headers: as(account),
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ results: Passage[] }>().results;
}

async function chunkCount(sourceId: string): Promise<number> {
  const { rows } = await foundry.database.pool.query<{ n: string }>('select count(*) as n from knowledge_chunks where source_id = $1', [sourceId]);
  return Number(rows[0]!.n);
}

/** Rows enough for a sheet to make a passage of its own (tiny sheets share one with the next sheet). */
const filler = (label: string, count: number) => Array.from({ length: count }, (_, i) => [`${label} ${i + 1}`, prose(1, 20 + i)]);

describe('knowledge files', () => {
  const sources: Record<string, KnowledgeSourceView> = {};

  beforeAll(async () => {
    const uploads: [string, Buffer][] = [
      ['handbook.pdf', await pdfPages()],
      ['spec.docx', await makeDocx([
        { heading: 'Overview', paragraphs: [prose(8, 6)] },
        { heading: 'Materials', paragraphs: ['The case shell is moulded from recycled polycarbonate.', prose(8, 7)] },
        { heading: 'Packaging', paragraphs: [prose(8, 8)] },
      ], { title: 'Case specification' })],
      ['prices.xlsx', await makeXlsx([
        { name: 'Overview', rows: [['Price list'], ...prose(6, 17).split('. ').map((sentence) => [sentence])] },
        { name: 'Prices', rows: [['Item', 'Price (EUR)'], ['Graphite sleeve', 14.5], ...filler('Case model', 8)] },
        { name: 'Suppliers', rows: [['Name', 'City'], ['Nordwind Plastics', 'Hamburg'], ...filler('Moulding partner', 8)] },
      ])],
      ['contacts.csv', makeCsv([['Name', 'Role'], ['Mireille Okafor', 'Procurement lead'], ['Tomas Berg', 'Quality engineer']])],
      ['faq.md', Buffer.from(`# FAQ\n\n## Returns\n\nRefunds arrive within fourteen days of the return. ${prose(8, 9)}\n\n## Warranty\n\n${prose(8, 10)}\n`)],
    ];
    for (const [name, bytes] of uploads) sources[name] = await uploadOk(name, bytes);
    for (const [name] of uploads) sources[name] = await ingested(sources[name]!);
  });

  it('reads every format into passages', () => {
    for (const [name, source] of Object.entries(sources)) {
      expect(source.status, `${name}: ${source.errorCode} ${source.errorMessage}`).toBe('ready');
      expect(source.progress).toBe(1);
      expect(source.chunkCount, name).toBeGreaterThan(0);
      expect(source.runId).not.toBeNull();
    }
    expect(sources['handbook.pdf']).toMatchObject({ kind: 'file', contentType: 'application/pdf', metadata: { pages: 3 } });
    expect(sources['prices.xlsx']!.metadata.sheets).toEqual(['Overview', 'Prices', 'Suppliers']);
    expect(sources['faq.md']!.contentType).toBe('text/markdown');
  });

  it('finds the right passage with the page of a PDF', async () => {
    const [top] = await search('titanium hinge');
    expect(top).toBeDefined();
    expect(top!.text).toContain('titanium hinge');
    expect(top!.citation).toMatchObject({ sourceId: sources['handbook.pdf']!.id, sourceName: 'handbook.pdf', page: 2 });
    expect(top!.citation.charEnd - top!.citation.charStart).toBe(top!.text.length);
    expect(top!.score).toBeGreaterThan(0);
    const [rotterdam] = await search('Rotterdam warehouse');
    expect(rotterdam!.citation.page).toBe(3);
  });

  it('finds the right passage with the heading of a DOCX and of Markdown', async () => {
    const [docx] = await search('recycled polycarbonate');
    expect(docx!.citation.sourceName).toBe('spec.docx');
    expect(docx!.citation.heading).toContain('Materials');
    expect(docx!.text).toContain('recycled polycarbonate');
    const [markdown] = await search('refunds within fourteen days');
    expect(markdown!.citation.sourceName).toBe('faq.md');
    expect(markdown!.citation.heading).toContain('Returns');
  });

  it('finds the right passage with the sheet of an XLSX and of a CSV', async () => {
    const [sleeve] = await search('graphite sleeve');
    expect(sleeve!.citation).toMatchObject({ sourceName: 'prices.xlsx', sheet: 'Prices' });
    expect(sleeve!.text).toContain('14.5');
    const [supplier] = await search('Nordwind');
    expect(supplier!.citation).toMatchObject({ sourceName: 'prices.xlsx', sheet: 'Suppliers' });
    const [contact] = await search('Okafor procurement');
    expect(contact!.citation.sourceName).toBe('contacts.csv');
    expect(contact!.text).toContain('Mireille Okafor');
  });

  it('understands word forms, phrases and exclusions, and finds nothing for an empty query or unknown words', async () => {
    expect((await search('hinges'))[0]?.citation.page).toBe(2);
    expect((await search('"lifetime guarantee"')).map((p) => p.citation.sourceName)).toEqual(['handbook.pdf']);
    expect(await search('"guarantee lifetime"')).toEqual([]);
    expect(await search('titanium -hinge')).toEqual([]);
    expect(await search('   ')).toEqual([]);
    expect(await search('zyxwvut')).toEqual([]);
    expect((await search('the', { limit: 50 }))).toEqual([]);
  });

  it('lists the sources newest first and shows one', async () => {
    const list = await getter(alice)(`/api/projects/${projectId}/knowledge`) as { items: KnowledgeSourceView[] };
    const names = list.items.map((s) => s.name);
    expect(names.indexOf('faq.md')).toBeLessThan(names.indexOf('handbook.pdf'));
    expect(await getter(alice)(`/api/knowledge/${sources['faq.md']!.id}`)).toMatchObject({ id: sources['faq.md']!.id, status: 'ready' });
  });

  it('re-ingests a source, replacing its passages rather than adding to them', async () => {
    const source = sources['faq.md']!;
    const before = await chunkCount(source.id);
    const response = await foundry.app.inject({ method: 'POST', url: `/api/knowledge/${source.id}/reingest`, headers: as(alice) });
    expect(response.statusCode, response.body).toBe(202);
    const started = response.json<KnowledgeSourceView>();
    expect(started).toMatchObject({ status: 'processing', progress: 0 });
    expect(started.runId).not.toBe(source.runId);
    const again = await ingested(started);
    expect(again).toMatchObject({ status: 'ready', chunkCount: source.chunkCount });
    expect(await chunkCount(source.id)).toBe(before);
    expect((await search('refunds fourteen'))[0]!.citation.sourceId).toBe(source.id);
  });
});

describe('ingestion runs', () => {
  it('publishes status and progress events, and runs as a workflow run of the engine', async () => {
    const seen: FoundryEvent[] = [];
    const unsubscribe = foundry.deps.events.subscribe(alice.workspaceId, (event) => {
      if (event.type.startsWith('knowledge.')) seen.push(event);
    });
    const source = await ingested(await uploadOk('notes.txt', `Notes\n\nThe zinc alloy frame weighs forty grams. ${prose(20, 11)}`));
    unsubscribe();
    const mine = seen.filter((e) => (e.data.source as KnowledgeSourceView | undefined)?.id === source.id).map((e) => e.data.source as KnowledgeSourceView);
    expect(mine.map((s) => s.status)).toEqual(expect.arrayContaining(['uploading', 'processing', 'ready']));
    expect(mine.at(-1)).toMatchObject({ status: 'ready', progress: 1 });
    const progress = mine.filter((s) => s.status === 'processing').map((s) => s.progress);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(seen.every((e) => e.projectId === projectId)).toBe(true);

    const run = await getter(alice)(`/api/runs/${source.runId}`) as { status: string; trigger: { kind: string }; steps: { nodeId: string; status: string }[] };
    expect(run.status).toBe('succeeded');
    expect(run.trigger.kind).toBe('system');
    expect(run.steps.map((s) => [s.nodeId, s.status])).toEqual(expect.arrayContaining([['ingest', 'succeeded'], ['settle', 'succeeded']]));
  });

  it('fails a corrupt file on its own, with the parser\'s code, and leaves the others alone', async () => {
    const good = await uploadOk('good.md', `# Good\n\nThe copper antenna is tuned to 868 MHz. ${prose(6, 12)}`);
    const broken = await uploadOk('broken.pdf', truncated(await pdfPages(), 0.4));
    const locked = await uploadOk('locked.pdf', makeEncryptedPdf());
    const [goodDone, brokenDone, lockedDone] = await Promise.all([ingested(good), ingested(broken), ingested(locked)]);
    expect(goodDone.status).toBe('ready');
    expect(brokenDone).toMatchObject({ status: 'error', errorCode: 'FILE_CORRUPT', chunkCount: 0 });
    expect(brokenDone.errorMessage).toContain('broken.pdf');
    expect(lockedDone).toMatchObject({ status: 'error', errorCode: 'ENCRYPTED_FILE' });
    const run = await getter(alice)(`/api/runs/${brokenDone.runId}`) as { status: string; error: { code: string } };
    expect(run).toMatchObject({ status: 'failed', error: { code: 'FILE_CORRUPT' } });
    expect((await search('copper antenna'))[0]!.citation.sourceId).toBe(good.id);
    const health = await foundry.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
  });
});

describe('upload limits', () => {
  const count = async () => ((await getter(alice)(`/api/projects/${projectId}/knowledge`)) as { items: unknown[] }).items.length;

  it('refuses oversized, unsupported, empty and encrypted files with a clear code and keeps no source', async () => {
    const before = await count();
    const cases: { parts: MultipartPart[]; status: number; code: string }[] = [
      { parts: [file('big.txt', 'x'.repeat(maxBytes + 1), 'text/plain')], status: 413, code: 'FILE_TOO_LARGE' },
      { parts: [file('huge.txt', 'x'.repeat(maxBytes * 20), 'text/plain')], status: 413, code: 'FILE_TOO_LARGE' },
      { parts: [file('setup.exe', Buffer.concat([Buffer.from('MZ'), seededBytes(500)]), 'application/x-msdownload')], status: 415, code: 'UNSUPPORTED_FILE_TYPE' },
      { parts: [file('old.doc', makeLegacyWordFile(), 'application/msword')], status: 415, code: 'UNSUPPORTED_FILE_TYPE' },
      { parts: [file('secret.docx', makeEncryptedOfficeFile())], status: 422, code: 'ENCRYPTED_FILE' },
      { parts: [file('empty.txt', '', 'text/plain')], status: 422, code: 'FILE_EMPTY' },
      { parts: [{ name: 'name', value: 'nothing' }], status: 400, code: 'FILE_MISSING' },
      { parts: [{ name: 'parentVersionId', value: 'x' }, file('a.txt', 'hello', 'text/plain')], status: 400, code: 'VALIDATION_FAILED' },
      { parts: [{ name: 'name', value: 'n'.repeat(300) }, file('a.txt', 'hello', 'text/plain')], status: 400, code: 'VALIDATION_FAILED' },
    ];
    for (const c of cases) {
      const response = await upload(c.parts);
      expect(response.statusCode, `${JSON.stringify(c.parts.map((p) => ('filename' in p ? p.filename : p.name)))}: ${response.body}`).toBe(c.status);
      expect(response.json().error.code).toBe(c.code);
    }
    const json = await foundry.app.inject({ method: 'POST', url: `/api/projects/${projectId}/knowledge`, headers: as(alice), payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    expect(await count()).toBe(before);
  });

  it(`accepts a file of exactly ${maxBytes} bytes and names it as asked`, async () => {
    const response = await upload([{ name: 'name', value: 'Edge notes' }, file('edge.txt', `edge ${'y'.repeat(maxBytes - 5)}`, 'text/plain')]);
    expect(response.statusCode, response.body).toBe(202);
    expect(response.json()).toMatchObject({ name: 'Edge notes', size: maxBytes, contentType: 'text/plain' });
  });
});

describe('knowledge from URLs', () => {
  const addUrl = (url: string, account = alice) =>
    foundry.app.inject({ method: 'POST', url: `/api/projects/${projectId}/knowledge/urls`, headers: as(account), payload: { url } });

  it('fetches a web page and a PDF through the SSRF guard and makes them searchable', async () => {
    const page = await addUrl(`${siteUrl}/guide.html`);
    expect(page.statusCode, page.body).toBe(202);
    expect(page.json()).toMatchObject({ kind: 'url', status: 'uploading', url: `${siteUrl}/guide.html`, name: `${siteUrl}/guide.html` });
    const pdf = await addUrl(`${siteUrl}/manual.pdf`);
    const [pageDone, pdfDone] = await Promise.all([ingested(page.json()), ingested(pdf.json())]);
    expect(pageDone).toMatchObject({ status: 'ready', contentType: 'text/html' });
    expect(pdfDone).toMatchObject({ status: 'ready', contentType: 'application/pdf', metadata: { pages: 3 } });
    const [cleaning] = await search('microfibre cloth');
    expect(cleaning!.citation).toMatchObject({ sourceId: pageDone.id });
    expect(cleaning!.citation.heading).toContain('Cleaning');
    const rotterdam = await search('Rotterdam', { limit: 10 });
    expect(rotterdam.find((p) => p.citation.sourceId === pdfDone.id)?.citation.page).toBe(3);
  });

  it('retries a transient failure through the engine\'s retry policy', async () => {
    const response = await addUrl(`${siteUrl}/flaky.html`);
    const done = await ingested(response.json());
    expect(done).toMatchObject({ status: 'ready', errorCode: null });
    expect(hits.get('/flaky.html')).toBe(2);
    expect((await search('showroom Eindhoven'))[0]!.citation.sourceId).toBe(done.id);
  });

  it('ends a source in error for a missing page, a body over the limit and a redirect to a refused address', async () => {
    const [missing, huge, redirected] = await Promise.all(['/missing.html', '/huge.txt', '/redirect'].map(async (path) => ingested((await addUrl(`${siteUrl}${path}`)).json())));
    expect(missing).toMatchObject({ status: 'error', errorCode: 'HTTP_STATUS' });
    expect(missing!.errorMessage).toContain('404');
    expect(huge).toMatchObject({ status: 'error', errorCode: 'FILE_TOO_LARGE' });
    expect(redirected).toMatchObject({ status: 'error', errorCode: 'OUTBOUND_URL_REFUSED' });
    expect(hits.get('/guide.html')).toBe(1);
  });

  it('refuses at once a URL the SSRF guard does not allow, and anything but http(s)', async () => {
    for (const url of [`${siteUrl.replace('127.0.0.1', 'localhost')}/guide.html`, 'http://10.0.0.1/', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]/']) {
      const response = await addUrl(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.code, url).toBe('OUTBOUND_URL_REFUSED');
    }
    for (const url of ['ftp://example.com/file.pdf', 'not a url', 'javascript:alert(1)']) {
      const response = await addUrl(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.code, url).toBe('VALIDATION_FAILED');
    }
    expect(hits.get('/guide.html')).toBe(1);
  });
});

describe('access', () => {
  let bobProject: string;
  let aliceSource: KnowledgeSourceView;

  beforeAll(async () => {
    bobProject = await createProject(bob, 'Bob cases');
    aliceSource = await ingested(await uploadOk('alice.md', `# Secret\n\nThe prototype uses a beryllium spring. ${prose(4, 13)}`));
    await ingested(await uploadOk('bob.md', `# Bob\n\nBob's design uses a beryllium clip. ${prose(4, 14)}`, { account: bob, project: bobProject }), bob);
  });

  it("keeps each workspace's knowledge to itself", async () => {
    const aliceHits = await search('beryllium');
    expect(aliceHits.map((p) => p.citation.sourceName)).toEqual(['alice.md']);
    const bobHits = await search('beryllium', { account: bob, project: bobProject });
    expect(bobHits.map((p) => p.citation.sourceName)).toEqual(['bob.md']);
    const attempts = [
      ['GET', `/api/projects/${projectId}/knowledge`], ['GET', `/api/projects/${projectId}/knowledge/search?q=beryllium`],
      ['GET', `/api/knowledge/${aliceSource.id}`], ['POST', `/api/knowledge/${aliceSource.id}/reingest`], ['DELETE', `/api/knowledge/${aliceSource.id}`],
    ] as const;
    for (const [method, url] of attempts) {
      const response = await foundry.app.inject({ method, url, headers: as(bob) });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.body).not.toContain('beryllium');
    }
    const stolen = await upload([file('x.md', '# x')], { account: bob });
    expect(stolen.statusCode).toBe(404);
    const url = await foundry.app.inject({ method: 'POST', url: `/api/projects/${projectId}/knowledge/urls`, headers: as(bob), payload: { url: `${siteUrl}/guide.html` } });
    expect(url.statusCode).toBe(404);
    expect(await getter(alice)(`/api/knowledge/${aliceSource.id}`)).toMatchObject({ status: 'ready' });
  });

  it('lets viewers read and search, and only editors add, re-read and delete', async () => {
    const carol = await signUpUser(foundry, 'Carol');
    const added = await foundry.app.inject({ method: 'POST', url: '/api/workspace/members', headers: as(alice), payload: { email: carol.email, role: 'viewer' } });
    expect(added.statusCode, added.body).toBe(201);
    const headers = as(carol, alice.workspaceId);
    const list = await foundry.app.inject({ method: 'GET', url: `/api/projects/${projectId}/knowledge`, headers });
    expect(list.statusCode).toBe(200);
    const found = await foundry.app.inject({ method: 'GET', url: `/api/projects/${projectId}/knowledge/search?q=beryllium`, headers });
    expect(found.json().results).toHaveLength(1);
    const body = encodeMultipart([file('carol.md', '# Carol')]);
    const attempts = [
      await foundry.app.inject({ method: 'POST', url: `/api/projects/${projectId}/knowledge`, headers: { ...headers, ...body.headers }, payload: body.payload }),
      await foundry.app.inject({ method: 'POST', url: `/api/projects/${projectId}/knowledge/urls`, headers, payload: { url: `${siteUrl}/guide.html` } }),
      await foundry.app.inject({ method: 'POST', url: `/api/knowledge/${aliceSource.id}/reingest`, headers }),
      await foundry.app.inject({ method: 'DELETE', url: `/api/knowledge/${aliceSource.id}`, headers }),
    ];
    expect(attempts.map((r) => [r.statusCode, r.json().error.code])).toEqual(Array(4).fill([403, 'FORBIDDEN']));
  });

  it('deletes a source with its passages', async () => {
    const response = await foundry.app.inject({ method: 'DELETE', url: `/api/knowledge/${aliceSource.id}`, headers: as(alice) });
    expect(response.statusCode).toBe(204);
    expect(await chunkCount(aliceSource.id)).toBe(0);
    expect(await search('beryllium')).toEqual([]);
    const gone = await foundry.app.inject({ method: 'GET', url: `/api/knowledge/${aliceSource.id}`, headers: as(alice) });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().error.code).toBe('KNOWLEDGE_SOURCE_NOT_FOUND');
  });
});

/**
 * A stand-in embedding model for the test: character trigrams hashed into 256 dimensions, so words
 * that share spelling ("anodised", "anodized") get similar vectors where full text sees different words.
 */
const dimensions = 256;
const trigramEmbedder: KnowledgeEmbedder = async (_scope, texts) => {
  const vectors = texts.map((text) => {
    const vector = new Array<number>(dimensions).fill(0);
    const padded = ` ${text.toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `;
    for (let i = 0; i + 3 <= padded.length; i++) {
      let hash = 0;
      for (const ch of padded.slice(i, i + 3)) hash = (hash * 31 + ch.charCodeAt(0)) % 9973;
      vector[hash % dimensions]! += 1;
    }
    return vector;
  });
  return { vectors, model: 'test-trigram' };
};

describe('hybrid search with an embedding model', () => {
  let hybridProject: string;
  let configured: KnowledgeEmbedder | undefined;

  beforeAll(async () => {
    configured = foundry.deps.knowledge.embed;
    foundry.deps.knowledge.embed = trigramEmbedder;
    hybridProject = await createProject(alice, 'Hybrid');
  });
  afterAll(() => {
    foundry.deps.knowledge.embed = configured;
  });

  it('stores a vector per passage and fuses vector and full-text rankings', async () => {
    const finishes = 'Every case is anodised by hand in small batches, then polished. The anodised finish resists scratches and fingerprints, '
      + 'and each anodised batch is inspected under daylight lamps before it is packed. Brushed, bead-blasted and mirror finishes are offered.';
    const source = await ingested(await uploadOk('finishes.md', `# Finishes\n\n${finishes}\n\n# Sizes\n\n${prose(30, 15)}`, { project: hybridProject }));
    expect(source.metadata.embeddingModel).toBe('test-trigram');
    expect(source.chunkCount).toBeGreaterThan(1);
    const { rows } = await foundry.database.pool.query<{ model: string; dims: number }>(
      'select embedding_model as model, array_length(embedding, 1) as dims from knowledge_chunks where source_id = $1', [source.id]);
    expect(rows.length).toBe(source.chunkCount);
    expect(rows.every((r) => r.model === 'test-trigram' && r.dims === dimensions)).toBe(true);

    // The US spelling stems differently ("anod" against "anodis"): full text alone finds nothing.
    foundry.deps.knowledge.embed = undefined;
    expect(await search('anodized', { project: hybridProject })).toEqual([]);
    foundry.deps.knowledge.embed = trigramEmbedder;
    const [top] = await search('anodized', { project: hybridProject });
    expect(top?.citation.heading).toBe('Finishes');
    expect(top!.score).toBeCloseTo(1 / 61, 6);
    const [both] = await search('anodised finish', { project: hybridProject });
    expect(both?.citation.heading).toBe('Finishes');
    expect(both!.score).toBeCloseTo(2 / 61, 6);
  });
});

describe('foundry knowledge (CLI)', () => {
  let dir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'foundry-knowledge-cli-'));
    const address = await foundry.app.listen({ port: 0, host: '127.0.0.1' });
    const token = await foundry.app.inject({ method: 'POST', url: '/api/tokens', headers: as(alice), payload: { name: 'cli' } });
    env = { PATH: process.env.PATH ?? '', FOUNDRY_URL: address, FOUNDRY_TOKEN: token.json().token };
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const foundryCli = (args: string[]) => runCli(args, env);

  it('adds a file and waits for it, lists the sources and searches', async () => {
    const path = join(dir, 'lenses.md');
    await writeFile(path, `# Lenses\n\nThe sapphire lens resists scratches. ${prose(5, 16)}`);
    const added = await foundryCli(['--json', 'knowledge', 'add', projectId, path, '--wait']);
    expect(added.code, added.stderr).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ name: 'lenses.md', status: 'ready' });

    const list = await foundryCli(['knowledge', 'list', projectId]);
    expect(list.stdout).toMatch(/lenses\.md\s+ready/);

    const found = await foundryCli(['knowledge', 'search', projectId, 'sapphire lens']);
    expect(found.stdout).toContain('1. lenses.md · § Lenses');
    const json = await foundryCli(['--json', 'knowledge', 'search', projectId, 'sapphire']);
    expect((JSON.parse(json.stdout) as Passage[])[0]!.citation.sourceName).toBe('lenses.md');

    const broken = await foundryCli(['knowledge', 'add', projectId, join(dir, 'missing.pdf')]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain('FILE_UNREADABLE');
  }, 300_000);
});
