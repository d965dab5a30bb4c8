import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteInfo } from '../../src/server/index.ts';
import {
  apiError, bodyFor, createRouteFixture, encodeBody, encodeMultipart, paramKind, resolveUrl, routeKey, routeParams, type MultipartPart, type RouteBody,
  type RouteFixture,
} from '../support/route-fixtures.ts';
import { as, createTestFoundry, type TestFoundry } from '../support/test-foundry.ts';

/**
 * Bad input on every registered route: unknown and malformed ids, broken and oversized bodies,
 * wrong content types, no credentials. Every answer is a 4xx with `{"error":{code,message}}`,
 * never a 500.
 */

const artifactMaxBytes = 1024;
/** FOUNDRY_BODY_LIMIT's default: 1 MiB. */
const bodyLimit = 1024 * 1024;

type Response = Awaited<ReturnType<TestFoundry['app']['inject']>>;
type Expected = { status: number | 'client'; code?: string; detail?: { in: string; path: string } };

let foundry: TestFoundry;
let own: RouteFixture;

beforeAll(async () => {
  foundry = await createTestFoundry({ artifactMaxBytes });
  own = await createRouteFixture(foundry, { label: 'Bad Input' });
  expect(foundry.config.bodyLimitBytes).toBe(bodyLimit);
});
afterAll(async () => {
  await foundry?.dispose();
});

const self = () => ({ userId: own.owner.userId, email: own.owner.email, name: own.owner.name });
const fixtureBody = (route: RouteInfo): RouteBody => bodyFor(route, { target: own, caller: self() });

async function send(method: string, url: string, options: { headers?: Record<string, string>; payload?: string | Buffer } = {}): Promise<Response> {
  return foundry.app.inject({ method: method as InjectOptions['method'], url, headers: options.headers ?? {}, ...(options.payload !== undefined ? { payload: options.payload } : {}) });
}

/** What is wrong with a response, if anything: its status, its code, the shape of its error body. */
function problems(where: string, response: Response, expected: Expected): string[] {
  const found: string[] = [];
  const summary = `${where} → ${response.statusCode} ${response.body.slice(0, 200)}`;
  const status = response.statusCode;
  if (expected.status === 'client' ? status < 400 || status >= 500 : status !== expected.status) {
    found.push(`${summary}: expected ${expected.status === 'client' ? 'a 4xx' : expected.status}`);
  }
  const error = apiError(response);
  if (!error) return [...found, `${summary}: the body is not {"error":{"code":string,"message":string}}`];
  if (expected.code && error.code !== expected.code) found.push(`${summary}: expected the code ${expected.code}`);
  if (expected.detail) {
    const { in: place, path } = expected.detail;
    const details = Array.isArray(error.details) ? (error.details as { in?: string; path?: string }[]) : [];
    if (!details.some((d) => d.in === place && (d.path === path || d.path?.startsWith(`${path}.`)))) {
      found.push(`${summary}: expected details naming ${place} "${path}"`);
    }
  }
  return found;
}

const optionalBodies = new Set(['POST /api/dpgs/:id/rfqs']);

const malformed: { label: string; value: string; expected: Expected | ((param: string) => Expected) }[] = [
  { label: 'not-a-uuid', value: 'not-a-uuid', expected: (param) => ({ status: 400, code: 'VALIDATION_FAILED', detail: { in: 'params', path: param } }) },
  { label: 'encoded ../../etc', value: encodeURIComponent('../../etc'), expected: (param) => ({ status: 400, code: 'VALIDATION_FAILED', detail: { in: 'params', path: param } }) },
  { label: 'encoded SQL', value: encodeURIComponent("1' or '1'='1"), expected: (param) => ({ status: 400, code: 'VALIDATION_FAILED', detail: { in: 'params', path: param } }) },
  // Unencoded, the dots are resolved like any client would, so the request may land on another route.
  { label: 'raw ../../etc', value: '../../etc', expected: { status: 'client' } },
  { label: '300 characters', value: 'x'.repeat(300), expected: { status: 414, code: 'PARAM_TOO_LONG' } },
  { label: 'bad percent-encoding', value: '%E0%A4%A', expected: { status: 400, code: 'BAD_URL' } },
];

describe('bad input', () => {
  it('answers unknown and malformed ids in every URL parameter with a 4xx and a code', async () => {
    const failures: string[] = [];
    let cases = 0;
    const withParams = foundry.routes.filter((r) => routeParams(r.url).length > 0);
    expect(withParams.length).toBeGreaterThanOrEqual(15);
    for (const route of withParams) {
      const body = route.hasBody ? encodeBody(fixtureBody(route)) : undefined;
      for (const param of routeParams(route.url)) {
        const kind = paramKind(param);
        const values: { label: string; value: string; expected: Expected }[] = [
          ...(kind === 'uuid'
            ? [{ label: 'unknown id', value: randomUUID(), expected: { status: 404 } }]
            : kind === 'keyword'
              ? [{ label: 'an unknown word', value: 'unknownword', expected: { status: 400, code: 'VALIDATION_FAILED', detail: { in: 'params', path: param } } }]
              : [
                  { label: 'unknown number', value: '999999', expected: { status: 404 } },
                  { label: 'a UUID', value: randomUUID(), expected: { status: 400, code: 'VALIDATION_FAILED', detail: { in: 'params', path: param } } },
                  { label: 'zero', value: '0', expected: { status: 400, code: 'VALIDATION_FAILED', detail: { in: 'params', path: param } } },
                  { label: 'negative', value: '-1', expected: { status: 400, code: 'VALIDATION_FAILED', detail: { in: 'params', path: param } } },
                ]),
          ...malformed.map((m) => ({ label: m.label, value: m.value, expected: typeof m.expected === 'function' ? m.expected(param) : m.expected })),
        ];
        for (const { label, value, expected } of values) {
          cases += 1;
          const url = resolveUrl(route.url, own, { [param]: value });
          const response = await send(route.method, url, { headers: { ...as(own.owner), ...body?.headers }, ...(body ? { payload: body.payload } : {}) });
          failures.push(...problems(`${routeKey(route)} with :${param} = ${label}`, response, expected));
        }
      }
    }
    expect(failures).toEqual([]);
    expect(cases).toBeGreaterThanOrEqual(100);
  });

  it('answers every non-public route without valid credentials with 401 UNAUTHENTICATED', async () => {
    const failures: string[] = [];
    const guarded = foundry.routes.filter((r) => !r.public);
    expect(guarded.length).toBeGreaterThanOrEqual(25);
    const credentials: { label: string; headers: Record<string, string> }[] = [
      { label: 'no credentials', headers: {} },
      { label: 'a made-up bearer token', headers: { authorization: 'Bearer fdy_not-a-real-token' } },
      { label: 'a made-up session cookie', headers: { cookie: 'foundry_session=fss_not-a-real-session' } },
      { label: 'an empty bearer', headers: { authorization: 'Bearer ' } },
    ];
    for (const route of guarded) {
      for (const { label, headers } of credentials) {
        const body = route.hasBody ? encodeBody(fixtureBody(route)) : undefined;
        const response = await send(route.method, resolveUrl(route.url, own), { headers: { ...headers, ...body?.headers }, ...(body ? { payload: body.payload } : {}) });
        failures.push(...problems(`${routeKey(route)} with ${label}`, response, { status: 401, code: 'UNAUTHENTICATED' }));
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers broken, mistyped, oversized and mislabelled bodies on every route with a body with a 4xx and a code', async () => {
    const failures: string[] = [];
    let cases = 0;
    const withBody = foundry.routes.filter((r) => r.hasBody);
    expect(withBody.length).toBeGreaterThanOrEqual(12);
    const json = { 'content-type': 'application/json' };
    for (const route of withBody) {
      const url = resolveUrl(route.url, own);
      const fixture = fixtureBody(route);
      const isJson = 'json' in fixture;
      // A route whose body is all optional (an RFQ's options) answers {} and no body on its merits: a 4xx here, never a 500.
      const invalid: Expected = isJson && !optionalBodies.has(routeKey(route)) ? { status: 400, code: 'VALIDATION_FAILED' } : { status: 'client' };
      const variants: { label: string; headers: Record<string, string>; payload?: string | Buffer; expected: Expected }[] = [
        { label: 'malformed JSON', headers: json, payload: '{"name":', expected: { status: 400, code: 'MALFORMED_JSON' } },
        { label: 'a prototype-poisoning JSON', headers: json, payload: '{"__proto__":{"admin":true},"name":"x"}', expected: { status: 400 } },
        { label: 'an empty JSON body', headers: json, payload: '', expected: { status: 400, code: 'EMPTY_BODY' } },
        { label: 'no body', headers: {}, expected: invalid },
        { label: '{}', headers: json, payload: '{}', expected: invalid },
        { label: 'a JSON array', headers: json, payload: '[]', expected: invalid },
        { label: 'a JSON number', headers: json, payload: '42', expected: invalid },
        { label: 'JSON null', headers: json, payload: 'null', expected: invalid },
        { label: 'a JSON string', headers: json, payload: '"name"', expected: invalid },
        { label: 'a body twice the limit', headers: json, payload: JSON.stringify({ name: 'x'.repeat(2 * bodyLimit) }), expected: { status: 413, code: 'PAYLOAD_TOO_LARGE' } },
        { label: 'text/plain', headers: { 'content-type': 'text/plain' }, payload: 'name=x', expected: { status: 'client' } },
        { label: 'application/xml', headers: { 'content-type': 'application/xml' }, payload: '<name>x</name>', expected: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' } },
      ];
      // Field-by-field mutations make sense for object bodies; list bodies (quotes, suppliers) are covered by the variants above.
      if (isJson && !Array.isArray(fixture.json)) {
        for (const [field, valid] of Object.entries(fixture.json)) {
          const wrongScalar = typeof valid === 'number' ? ['a string', '12345'] as const : ['a number', 12345] as const;
          for (const [type, value] of [wrongScalar, ['an array', ['x']], ['null', null]] as const) {
            variants.push({
              label: `${field} as ${type}`, headers: json, payload: JSON.stringify({ ...fixture.json, [field]: value }),
              expected: { status: 400, code: 'VALIDATION_FAILED', detail: { in: 'body', path: field } },
            });
          }
        }
      }
      for (const c of variants) {
        cases += 1;
        const response = await send(route.method, url, { headers: { ...as(own.owner), ...c.headers }, ...(c.payload !== undefined ? { payload: c.payload } : {}) });
        failures.push(...problems(`${routeKey(route)} with ${c.label}`, response, c.expected));
      }
    }
    expect(failures).toEqual([]);
    expect(cases).toBeGreaterThanOrEqual(200);
  });

  it('answers unknown routes with 404 ROUTE_NOT_FOUND', async () => {
    const failures: string[] = [];
    for (const [method, url] of [['GET', '/api/nope'], ['POST', '/api/projects/x/y/z'], ['PUT', '/api/projects'], ['DELETE', '/api/workspaces']] as const) {
      const response = await send(method, url, { headers: as(own.owner) });
      failures.push(...problems(`${method} ${url}`, response, { status: 404, code: 'ROUTE_NOT_FOUND' }));
    }
    expect(failures).toEqual([]);
  });

  describe('uploads', () => {
    // Artifact uploads; knowledge uploads check other things (test/api/knowledge.db.test.ts).
    // Project files go through knowledge's checks (test/api/knowledge.db.test.ts and the product journey).
    const uploadRoutes = () => foundry.routes.filter((r) => r.hasBody && 'multipart' in fixtureBody(r) && !r.url.includes('/knowledge') && !r.url.endsWith('/files'));
    const file = (filename: string, contentType: string, content: Buffer | string): MultipartPart => ({ name: 'file', filename, contentType, content });
    const upload = (route: RouteInfo, parts: MultipartPart[]) => {
      const { payload, headers } = encodeMultipart(parts);
      return send(route.method, resolveUrl(route.url, own), { headers: { ...as(own.owner), ...headers }, payload });
    };
    const versionCount = async () => {
      const { rows } = await foundry.database.pool.query<{ n: string }>('select count(*) as n from artifact_versions where workspace_id = $1', [own.workspace.id]);
      return Number(rows[0]?.n);
    };

    it('covers both upload routes', () => {
      expect(uploadRoutes().map(routeKey).sort()).toEqual(['POST /api/artifacts/:id/versions', 'POST /api/projects/:id/artifacts']);
    });

    it('refuses missing, disallowed, mislabelled, oversized and malformed uploads without storing anything', async () => {
      const before = await versionCount();
      const failures: string[] = [];
      const png = (content: string) => file('picture.png', 'image/png', content);
      const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
      for (const route of uploadRoutes()) {
        const cases: { label: string; parts: MultipartPart[]; expected: Expected }[] = [
          { label: 'no file part', parts: [{ name: 'name', value: 'nothing.txt' }], expected: { status: 400, code: 'FILE_MISSING' } },
          { label: 'no parts at all', parts: [], expected: { status: 400, code: 'FILE_MISSING' } },
          { label: 'an .exe', parts: [file('setup.exe', 'application/x-msdownload', exe)], expected: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' } },
          { label: 'an .exe sent as octet-stream', parts: [file('setup.exe', 'application/octet-stream', exe)], expected: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' } },
          { label: 'text declared as PNG', parts: [png('just some text, not an image')], expected: { status: 415, code: 'CONTENT_MISMATCH' } },
          { label: `a file over ${artifactMaxBytes} bytes`, parts: [file('big.txt', 'text/plain', 'x'.repeat(artifactMaxBytes * 2))], expected: { status: 413, code: 'ARTIFACT_TOO_LARGE' } },
          { label: 'a file far over the limit', parts: [file('huge.txt', 'text/plain', 'x'.repeat(artifactMaxBytes * 1024))], expected: { status: 413, code: 'ARTIFACT_TOO_LARGE' } },
          { label: 'the file under another name', parts: [{ name: 'upload', filename: 'a.txt', contentType: 'text/plain', content: 'hello' }], expected: { status: 400, code: 'VALIDATION_FAILED' } },
          {
            label: 'a parentVersionId that is not an id', parts: [{ name: 'parentVersionId', value: 'not-a-uuid' }, file('a.txt', 'text/plain', 'hello')],
            expected: { status: 400, code: 'VALIDATION_FAILED' },
          },
          { label: 'parameters that are not JSON', parts: [{ name: 'parameters', value: '{nope' }, file('a.txt', 'text/plain', 'hello')], expected: { status: 400, code: 'VALIDATION_FAILED' } },
          { label: 'metadata that is a JSON array', parts: [{ name: 'metadata', value: '[1,2]' }, file('a.txt', 'text/plain', 'hello')], expected: { status: 400, code: 'VALIDATION_FAILED' } },
          { label: 'a 300-character name', parts: [{ name: 'name', value: 'n'.repeat(300) }, file('a.txt', 'text/plain', 'hello')], expected: { status: 400, code: 'VALIDATION_FAILED' } },
        ];
        for (const c of cases) {
          failures.push(...problems(`${routeKey(route)} with ${c.label}`, await upload(route, c.parts), c.expected));
        }
        const url = resolveUrl(route.url, own);
        const raw: { label: string; headers: Record<string, string>; payload: string }[] = [
          { label: 'a multipart body cut short', headers: { 'content-type': 'multipart/form-data; boundary=cut' }, payload: '--cut\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhel' },
          { label: 'multipart without a boundary', headers: { 'content-type': 'multipart/form-data' }, payload: '--x\r\n\r\n' },
          { label: 'a multipart body of garbage', headers: { 'content-type': 'multipart/form-data; boundary=x' }, payload: 'not multipart at all' },
          { label: 'a 300-character boundary', headers: { 'content-type': `multipart/form-data; boundary=${'b'.repeat(300)}` }, payload: `--${'b'.repeat(300)}\r\n` },
        ];
        for (const c of raw) {
          const response = await send(route.method, url, { headers: { ...as(own.owner), ...c.headers }, payload: c.payload });
          failures.push(...problems(`${routeKey(route)} with ${c.label}`, response, { status: 400, code: 'MALFORMED_MULTIPART' }));
        }
      }
      expect(failures).toEqual([]);
      expect(await versionCount()).toBe(before);
    });

    it(`accepts a file of exactly ${artifactMaxBytes} bytes, so the size limit is the one refusing larger ones`, async () => {
      const [route] = uploadRoutes().filter((r) => r.url === '/api/projects/:id/artifacts');
      expect(route).toBeDefined();
      const response = await upload(route!, [file('edge.txt', 'text/plain', 'x'.repeat(artifactMaxBytes))]);
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json().version.size).toBe(artifactMaxBytes);
    });
  });
});
