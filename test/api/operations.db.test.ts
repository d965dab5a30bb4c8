import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isId } from '../../src/kernel/index.ts';
import { as, createTestFoundry, signUpUser, type TestFoundry } from '../support/test-foundry.ts';

let foundry: TestFoundry;
beforeAll(async () => {
  foundry = await createTestFoundry();
});
afterAll(async () => {
  await foundry?.dispose();
});

describe('health', () => {
  it('/healthz answers 200 without authentication', async () => {
    const response = await foundry.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('/readyz answers 200 while the database answers', async () => {
    const response = await foundry.app.inject({ method: 'GET', url: '/readyz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ready' });
  });

  it('/readyz answers 503 (not 500) once the database is gone, while /healthz stays 200', async () => {
    const doomed = await createTestFoundry();
    try {
      await doomed.database.pool.end();
      const ready = await doomed.app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({ status: 'unavailable', reason: 'database unreachable' });
      expect((await doomed.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await doomed.dispose();
    }
  });
});

describe('metrics', () => {
  it('/metrics is Prometheus text with request counts by route and status', async () => {
    await foundry.app.inject({ method: 'GET', url: '/healthz' });
    await foundry.app.inject({ method: 'GET', url: '/api/projects' });
    const response = await foundry.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.body;
    expect(text).toContain('# TYPE foundry_http_requests_total counter');
    expect(text).toMatch(/^foundry_http_requests_total\{method="GET",route="\/healthz",status="200"\} [1-9]\d*$/m);
    expect(text).toMatch(/^foundry_http_requests_total\{method="GET",route="\/api\/projects",status="401"\} [1-9]\d*$/m);
    expect(text).toContain('# TYPE foundry_http_request_duration_seconds histogram');
    expect(text).toMatch(/^foundry_process_cpu_seconds_total /m);
    for (const line of text.split('\n').filter((l) => l && !l.startsWith('#'))) {
      expect(line, 'every sample is `name{labels} value`').toMatch(/^[a-zA-Z_:][a-zA-Z0-9_:]*(\{.*\})? -?[0-9.e+-]+|NaN|[+-]Inf$/);
    }
  });
});

describe('API documentation', () => {
  it('/api/openapi.json is an OpenAPI 3 document of the API, served without authentication', async () => {
    const response = await foundry.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const doc = response.json<{ openapi: string; info: { title: string }; paths: Record<string, Record<string, unknown>>; components: { securitySchemes: Record<string, unknown> } }>();
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info.title).toBe('Foundry API');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/projects', '/api/auth/signup', '/api/projects/{id}', '/api/credentials']));
    expect(Object.keys(doc.paths['/api/projects']!)).toEqual(expect.arrayContaining(['get', 'post']));
    expect(Object.keys(doc.paths['/api/auth/signup']!)).toEqual(['post']);
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearer', 'session']);
    const signup = doc.paths['/api/auth/signup']!.post as { requestBody?: { content?: Record<string, { schema?: { properties?: Record<string, unknown> } }> } };
    expect(Object.keys(signup.requestBody?.content?.['application/json']?.schema?.properties ?? {})).toEqual(expect.arrayContaining(['email', 'password']));
    expect(doc.paths['/api/openapi.json']).toBeUndefined();
  });

  it('/api/docs serves the HTML documentation page', async () => {
    const response = await foundry.app.inject({ method: 'GET', url: '/api/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toMatch(/<html/i);
    // The page loads its script and the document without credentials too.
    const script = await foundry.app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' });
    expect(script.statusCode).toBe(200);
    const json = await foundry.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(json.statusCode).toBe(200);
    expect(json.json<{ paths: Record<string, unknown> }>().paths).toHaveProperty(['/api/projects']);
  });
});

describe('request ids', () => {
  it('every response carries an x-request-id, whatever its status', async () => {
    const alice = await signUpUser(foundry);
    const requests: { label: string; method: 'GET' | 'POST'; url: string; headers?: Record<string, string>; payload?: string | object; status: number }[] = [
      { label: 'health', method: 'GET', url: '/healthz', status: 200 },
      { label: 'readiness', method: 'GET', url: '/readyz', status: 200 },
      { label: 'metrics', method: 'GET', url: '/metrics', status: 200 },
      { label: 'openapi', method: 'GET', url: '/api/openapi.json', status: 200 },
      { label: 'docs', method: 'GET', url: '/api/docs', status: 200 },
      { label: 'authenticated', method: 'GET', url: '/api/projects', headers: as(alice), status: 200 },
      { label: 'created', method: 'POST', url: '/api/projects', headers: as(alice), payload: { name: 'Ids', studio: 'brand' }, status: 201 },
      { label: 'unauthenticated', method: 'GET', url: '/api/projects', status: 401 },
      { label: 'validation', method: 'POST', url: '/api/projects', headers: as(alice), payload: { name: '' }, status: 400 },
      { label: 'malformed JSON', method: 'POST', url: '/api/projects', headers: { ...as(alice), 'content-type': 'application/json' }, payload: '{"name":', status: 400 },
      { label: 'unknown API route', method: 'GET', url: '/api/nothing-here', headers: as(alice), status: 404 },
      { label: 'unknown page', method: 'GET', url: '/nothing-here', status: 404 },
      { label: 'missing project', method: 'GET', url: `/api/projects/${randomUUID()}`, headers: as(alice), status: 404 },
      { label: 'bad percent-encoding', method: 'GET', url: '/api/projects/%E0%A4%A', headers: as(alice), status: 400 },
    ];
    const seen = new Set<string>();
    for (const r of requests) {
      const response = await foundry.app.inject({ method: r.method, url: r.url, headers: r.headers, payload: r.payload });
      expect(response.statusCode, `${r.label}: ${response.body.slice(0, 200)}`).toBe(r.status);
      const id = response.headers['x-request-id'];
      expect(typeof id === 'string' && isId(id), `${r.label} has x-request-id ${String(id)}`).toBe(true);
      seen.add(id as string);
    }
    expect(seen.size).toBe(requests.length);
  });

  it('echoes a caller-supplied UUID and replaces anything else', async () => {
    const mine = randomUUID();
    const echoed = await foundry.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': mine } });
    expect(echoed.headers['x-request-id']).toBe(mine);
    for (const bad of ['not-a-uuid', 'x'.repeat(500), `${mine}\r\nx-injected: 1`.replace(/[\r\n]/g, ' ')]) {
      const replaced = await foundry.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': bad } });
      const id = replaced.headers['x-request-id'] as string;
      expect(isId(id)).toBe(true);
      expect(id).not.toBe(mine);
    }
  });
});
