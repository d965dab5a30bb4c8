import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestFoundry, signUpUser, type Account, type TestFoundry } from '../support/test-foundry.ts';

type Part =
  | { name: string; value: string }
  | { name: string; filename: string; contentType?: string; content: Buffer };

/** A multipart/form-data body built by hand, as a browser would send it. */
function multipart(parts: Part[]): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----FoundryTestBoundary${randomUUID().replaceAll('-', '')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if ('value' in part) {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`));
    } else {
      const type = part.contentType === undefined ? '' : `Content-Type: ${part.contentType}\r\n`;
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\n${type}\r\n`));
      chunks.push(part.content, Buffer.from('\r\n'));
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const pngV2 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR42mP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64');
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF'), randomBytes(64)]);
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
const html = Buffer.from('<!doctype html><html><body><script>alert(document.cookie)</script></body></html>');
const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface VersionBody {
  id: string; artifactId: string; version: number; sha256: string; size: number; contentType: string; parentVersionId: string | null;
  producer: string; prompt: string | null; parameters: Record<string, unknown>; metadata: Record<string, unknown>; createdBy: string | null; createdAt: string;
}
interface ArtifactBody { id: string; projectId: string; name: string; kind: string; latestVersion: VersionBody | null }

let foundry: TestFoundry;
let alice: Account;
let projectId: string;

beforeAll(async () => {
  foundry = await createTestFoundry();
  alice = await signUpUser(foundry);
  projectId = await createProject(alice, 'Phone cases');
});
afterAll(async () => {
  await foundry?.dispose();
});

async function createProject(account: Account, name: string, f: TestFoundry = foundry): Promise<string> {
  const response = await f.app.inject({ method: 'POST', url: '/api/projects', headers: as(account), payload: { name, studio: 'product' } });
  expect(response.statusCode).toBe(201);
  return response.json<{ id: string }>().id;
}

function upload(parts: Part[], { account = alice, project = projectId, f = foundry }: { account?: Account; project?: string; f?: TestFoundry } = {}) {
  const body = multipart(parts);
  return f.app.inject({ method: 'POST', url: `/api/projects/${project}/artifacts`, headers: { ...as(account), ...body.headers }, payload: body.payload });
}

async function uploadOk(parts: Part[], options?: Parameters<typeof upload>[1]): Promise<{ artifact: ArtifactBody; version: VersionBody }> {
  const response = await upload(parts, options);
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

function addVersion(artifactId: string, parts: Part[], account: Account = alice) {
  const body = multipart(parts);
  return foundry.app.inject({ method: 'POST', url: `/api/artifacts/${artifactId}/versions`, headers: { ...as(account), ...body.headers }, payload: body.payload });
}

function download(artifactId: string, version: number, account: Account = alice) {
  return foundry.app.inject({ method: 'GET', url: `/api/artifacts/${artifactId}/versions/${version}/content`, headers: as(account) });
}

/** Stored blobs (not the temporary directory) under a data directory. */
async function storedBlobs(dataDir: string): Promise<string[]> {
  const root = join(dataDir, 'artifacts');
  const entries = await readdir(root, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((e) => e.isFile() && !e.parentPath.endsWith(`${join('artifacts', 'tmp')}`)).map((e) => e.name);
}

async function tempFiles(dataDir: string): Promise<string[]> {
  return readdir(join(dataDir, 'artifacts', 'tmp')).catch(() => []);
}

describe('artifact upload and download', () => {
  it('stores an upload as version 1 and serves back identical bytes with safe headers', async () => {
    const { artifact, version } = await uploadOk([{ name: 'file', filename: 'case.png', contentType: 'image/png', content: png }]);
    expect(artifact).toMatchObject({ projectId, name: 'case.png', kind: 'image' });
    expect(version).toMatchObject({
      artifactId: artifact.id, version: 1, sha256: sha256(png), size: png.length, contentType: 'image/png',
      parentVersionId: null, producer: 'upload', prompt: null, parameters: {}, metadata: {}, createdBy: alice.userId,
    });
    expect(artifact.latestVersion).toEqual(version);

    const response = await download(artifact.id, 1);
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(png)).toBe(true);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.headers['content-length']).toBe(String(png.length));
    expect(response.headers.etag).toBe(`"${sha256(png)}"`);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-disposition']).toBe("inline; filename*=UTF-8''case.png");
    expect(response.headers['content-security-policy']).toContain('sandbox');

    const list = await foundry.app.inject({ method: 'GET', url: `/api/projects/${projectId}/artifacts`, headers: as(alice) });
    expect(list.json<{ items: ArtifactBody[] }>().items.map((a) => a.id)).toContain(artifact.id);
  });

  it.each([
    ['drawing.svg', 'image/svg+xml', svg],
    ['page.html', 'text/html', html],
  ])('serves %s as an attachment, never inline', async (filename, contentType, content) => {
    const { artifact, version } = await uploadOk([{ name: 'file', filename, contentType, content }]);
    expect(version.contentType).toBe(contentType);
    const response = await download(artifact.id, 1);
    expect(response.rawPayload.equals(content)).toBe(true);
    expect(response.headers['content-type']).toBe(contentType);
    expect(response.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${filename}`);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('takes the name from the `name` field and infers the type of an octet-stream from its extension', async () => {
    const { artifact, version } = await uploadOk([
      { name: 'name', value: 'Quote from supplier' },
      { name: 'file', filename: 'quote.pdf', contentType: 'application/octet-stream', content: pdf },
    ]);
    expect(artifact).toMatchObject({ name: 'Quote from supplier', kind: 'document' });
    expect(version.contentType).toBe('application/pdf');
    expect((await download(artifact.id, 1)).headers['content-disposition']).toBe("inline; filename*=UTF-8''Quote%20from%20supplier");
  });

  it('stores identical content once: same SHA-256, one blob', async () => {
    const content = Buffer.concat([png, randomBytes(32)]);
    const a = await uploadOk([{ name: 'file', filename: 'a.png', contentType: 'image/png', content }]);
    const b = await uploadOk([{ name: 'file', filename: 'b.png', contentType: 'image/png', content }]);
    expect(a.artifact.id).not.toBe(b.artifact.id);
    expect(a.version.sha256).toBe(b.version.sha256);
    expect((await storedBlobs(foundry.dataDir)).filter((name) => name === sha256(content))).toHaveLength(1);
    expect((await download(b.artifact.id, 1)).rawPayload.equals(content)).toBe(true);
  });

  it('refuses bytes that do not match the declared type with 415 CONTENT_MISMATCH', async () => {
    const response = await upload([{ name: 'file', filename: 'fake.png', contentType: 'image/png', content: jpeg }]);
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('CONTENT_MISMATCH');
  });

  it('refuses types it does not accept with 415', async () => {
    const exe = await upload([{ name: 'file', filename: 'setup.exe', contentType: 'application/x-msdownload', content: Buffer.from('MZ\x90\x00') }]);
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const unknown = await upload([{ name: 'file', filename: 'blob.bin', contentType: 'application/octet-stream', content: randomBytes(16) }]);
    expect(unknown.statusCode).toBe(415);
  });

  it('refuses uploads without a file, with bad fields or that are not multipart', async () => {
    const noFile = await upload([{ name: 'name', value: 'nothing' }]);
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.code).toBe('FILE_MISSING');

    const badJson = await upload([{ name: 'parameters', value: '{not json' }, { name: 'file', filename: 'a.png', contentType: 'image/png', content: png }]);
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().error.code).toBe('VALIDATION_FAILED');

    const badParent = await upload([{ name: 'parentVersionId', value: 'v1' }, { name: 'file', filename: 'a.png', contentType: 'image/png', content: png }]);
    expect(badParent.statusCode).toBe(400);

    const json = await foundry.app.inject({ method: 'POST', url: `/api/projects/${projectId}/artifacts`, headers: as(alice), payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it("answers 404 for another workspace's artifact", async () => {
    const { artifact } = await uploadOk([{ name: 'file', filename: 'private.png', contentType: 'image/png', content: png }]);
    const mallory = await signUpUser(foundry, 'Mallory');
    expect((await download(artifact.id, 1, mallory)).statusCode).toBe(404);
    expect((await foundry.app.inject({ method: 'GET', url: `/api/artifacts/${artifact.id}`, headers: as(mallory) })).statusCode).toBe(404);
    expect((await addVersion(artifact.id, [{ name: 'file', filename: 'x.png', contentType: 'image/png', content: pngV2 }], mallory)).statusCode).toBe(404);
    expect((await download(artifact.id, 2)).statusCode).toBe(404);
  });
});

describe('artifact versions and lineage', () => {
  it('numbers new versions, defaults the parent to the previous version and stores lineage', async () => {
    const { artifact, version: v1 } = await uploadOk([{ name: 'file', filename: 'hero.png', contentType: 'image/png', content: png }]);
    const parameters = { seed: 42, size: '1024x1024', style: { palette: ['#ff0000', '#00ff00'] }, steps: 30 };
    const second = await addVersion(artifact.id, [
      { name: 'producer', value: 'image-model:test' },
      { name: 'prompt', value: 'A red phone case with a mountain, flat style' },
      { name: 'parameters', value: JSON.stringify(parameters) },
      { name: 'metadata', value: JSON.stringify({ reviewed: false }) },
      { name: 'file', filename: 'hero-v2.png', contentType: 'image/png', content: pngV2 },
    ]);
    expect(second.statusCode, second.body).toBe(201);
    const v2 = second.json<VersionBody>();
    expect(v2).toMatchObject({
      artifactId: artifact.id, version: 2, parentVersionId: v1.id, sha256: sha256(pngV2), size: pngV2.length,
      producer: 'image-model:test', prompt: 'A red phone case with a mountain, flat style', parameters, metadata: { reviewed: false },
    });

    const { rows } = await foundry.database.pool.query<{ producer: string; prompt: string; parameters: unknown; parent_version_id: string }>(
      'select producer, prompt, parameters, parent_version_id from artifact_versions where id = $1', [v2.id]);
    expect(rows[0]).toEqual({ producer: 'image-model:test', prompt: 'A red phone case with a mountain, flat style', parameters, parent_version_id: v1.id });

    const third = (await addVersion(artifact.id, [
      { name: 'parentVersionId', value: v1.id },
      { name: 'file', filename: 'hero-v3.png', contentType: 'image/png', content: png },
    ])).json<VersionBody>();
    expect(third).toMatchObject({ version: 3, parentVersionId: v1.id, producer: 'upload' });
    const fourth = (await addVersion(artifact.id, [{ name: 'file', filename: 'hero-v4.png', contentType: 'image/png', content: pngV2 }])).json<VersionBody>();
    expect(fourth).toMatchObject({ version: 4, parentVersionId: third.id });

    const read = (await foundry.app.inject({ method: 'GET', url: `/api/artifacts/${artifact.id}`, headers: as(alice) })).json<{ artifact: ArtifactBody; versions: VersionBody[] }>();
    expect(read.versions.map((v) => [v.version, v.parentVersionId])).toEqual([[1, null], [2, v1.id], [3, v1.id], [4, third.id]]);
    expect(read.artifact.latestVersion?.id).toBe(fourth.id);
    expect(read.artifact.name).toBe('hero.png');

    expect((await download(artifact.id, 1)).rawPayload.equals(png)).toBe(true);
    expect((await download(artifact.id, 2)).rawPayload.equals(pngV2)).toBe(true);
    expect((await download(artifact.id, 5)).statusCode).toBe(404);
  });

  it("refuses a parent that is not a version of this artifact", async () => {
    const a = await uploadOk([{ name: 'file', filename: 'a.png', contentType: 'image/png', content: png }]);
    const b = await uploadOk([{ name: 'file', filename: 'b.png', contentType: 'image/png', content: png }]);
    const response = await addVersion(a.artifact.id, [
      { name: 'parentVersionId', value: b.version.id },
      { name: 'file', filename: 'a2.png', contentType: 'image/png', content: pngV2 },
    ]);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('PARENT_VERSION_NOT_FOUND');
    const read = (await foundry.app.inject({ method: 'GET', url: `/api/artifacts/${a.artifact.id}`, headers: as(alice) })).json<{ versions: VersionBody[] }>();
    expect(read.versions).toHaveLength(1);
  });

  it('deletes an artifact and its versions', async () => {
    const { artifact } = await uploadOk([{ name: 'file', filename: 'gone.png', contentType: 'image/png', content: png }]);
    expect((await foundry.app.inject({ method: 'DELETE', url: `/api/artifacts/${artifact.id}`, headers: as(alice) })).statusCode).toBe(204);
    expect((await foundry.app.inject({ method: 'GET', url: `/api/artifacts/${artifact.id}`, headers: as(alice) })).statusCode).toBe(404);
    expect((await foundry.database.pool.query('select 1 from artifact_versions where artifact_id = $1', [artifact.id])).rowCount).toBe(0);
  });
});

describe('message attachments', () => {
  it('accepts artifact versions of the project and refuses any other with 400 ATTACHMENT_NOT_FOUND', async () => {
    const { artifact, version } = await uploadOk([{ name: 'file', filename: 'brief.png', contentType: 'image/png', content: png }]);
    const post = (attachments: { artifactId: string; versionId: string }[], account = alice, project = projectId) =>
      foundry.app.inject({ method: 'POST', url: `/api/projects/${project}/messages`, headers: as(account), payload: { content: 'See attached', attachments } });

    const accepted = await post([{ artifactId: artifact.id, versionId: version.id }]);
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json().message.attachments).toEqual([{ artifactId: artifact.id, versionId: version.id }]);

    const otherProject = await createProject(alice, 'Other project');
    const elsewhere = await uploadOk([{ name: 'file', filename: 'other.png', contentType: 'image/png', content: png }], { project: otherProject });
    const sibling = await uploadOk([{ name: 'file', filename: 'sibling.png', contentType: 'image/png', content: png }]);
    const mallory = await signUpUser(foundry, 'Mallory');
    const malloryProject = await createProject(mallory, 'Mallory project');
    const foreign = await uploadOk([{ name: 'file', filename: 'foreign.png', contentType: 'image/png', content: png }], { account: mallory, project: malloryProject });

    const refused = [
      [{ artifactId: elsewhere.artifact.id, versionId: elsewhere.version.id }],
      [{ artifactId: artifact.id, versionId: sibling.version.id }],
      [{ artifactId: foreign.artifact.id, versionId: foreign.version.id }],
      [{ artifactId: artifact.id, versionId: version.id }, { artifactId: artifact.id, versionId: randomUUID() }],
    ];
    for (const attachments of refused) {
      const response = await post(attachments);
      expect(response.statusCode, JSON.stringify(attachments)).toBe(400);
      expect(response.json().error.code).toBe('ATTACHMENT_NOT_FOUND');
    }
    expect((await post([{ artifactId: artifact.id, versionId: version.id }], mallory, malloryProject)).json().error.code).toBe('ATTACHMENT_NOT_FOUND');

    const history = (await foundry.app.inject({ method: 'GET', url: `/api/projects/${projectId}/messages`, headers: as(alice) })).json<{ items: { attachments: unknown[] }[] }>();
    expect(history.items.filter((m) => m.attachments.length > 0)).toHaveLength(1);
  });
});

describe('upload size limit', () => {
  it('refuses a file over FOUNDRY_ARTIFACT_MAX_BYTES with 413 and leaves nothing behind', async () => {
    const small = await createTestFoundry({ artifactMaxBytes: 1024 });
    try {
      const bob = await signUpUser(small);
      const project = await createProject(bob, 'Limits', small);
      const exact = Buffer.concat([png, randomBytes(1024 - png.length)]);
      const accepted = await upload([{ name: 'file', filename: 'exact.png', contentType: 'image/png', content: exact }], { account: bob, project, f: small });
      expect(accepted.statusCode, accepted.body).toBe(201);

      const tooBig = Buffer.concat([png, randomBytes(4096)]);
      const response = await upload([{ name: 'file', filename: 'big.png', contentType: 'image/png', content: tooBig }], { account: bob, project, f: small });
      expect(response.statusCode).toBe(413);
      expect(response.json().error.code).toBe('ARTIFACT_TOO_LARGE');
      expect(await tempFiles(small.dataDir)).toEqual([]);
      expect(await storedBlobs(small.dataDir)).toEqual([sha256(exact)]);
      const list = (await small.app.inject({ method: 'GET', url: `/api/projects/${project}/artifacts`, headers: as(bob) })).json<{ items: ArtifactBody[] }>();
      expect(list.items.map((a) => a.name)).toEqual(['exact.png']);
    } finally {
      await small.dispose();
    }
  });
});

describe('upload fields and refused files', () => {
  it('keeps lineage fields sent after the file part', async () => {
    const { version } = await uploadOk([
      { name: 'file', filename: 'after.png', contentType: 'image/png', content: png },
      { name: 'prompt', value: 'sent after the file' },
      { name: 'parameters', value: '{"order":"after"}' },
    ]);
    expect(version.prompt).toBe('sent after the file');
    expect(version.parameters).toEqual({ order: 'after' });
  });

  it('records nothing when a field after the file is invalid', async () => {
    const before = await foundry.database.pool.query('select count(*)::int as n from artifact_versions');
    const response = await upload([
      { name: 'file', filename: 'x.png', contentType: 'image/png', content: png },
      { name: 'parentVersionId', value: 'not-an-id' },
    ]);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
    const after = await foundry.database.pool.query('select count(*)::int as n from artifact_versions');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('does not keep the bytes of a file refused for its content', async () => {
    const content = Buffer.from(`not a png ${randomUUID()}`);
    const response = await upload([{ name: 'file', filename: 'fake.png', contentType: 'image/png', content }]);
    expect(response.statusCode).toBe(415);
    const digest = sha256(content);
    const stored = await readdir(join(foundry.dataDir, 'artifacts', digest.slice(0, 2), digest.slice(2, 4))).catch(() => [] as string[]);
    expect(stored).not.toContain(digest);
  });
});
