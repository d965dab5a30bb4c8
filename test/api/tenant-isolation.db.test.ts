import type { InjectOptions } from 'fastify';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteInfo } from '../../src/server/index.ts';
import {
  MissingRouteFixtureError, apiError, bodyFixtureKeys, bodyFor, createRouteFixture, encodeBody, fixtureSecrets, resolveUrl,
  routeKey, routeParams, type RouteFixture,
} from '../support/route-fixtures.ts';
import { as, createTestFoundry, type TestFoundry } from '../support/test-foundry.ts';

/**
 * Tenant B walks every registered route against tenant A's resources. The walk reads the route
 * list the app registered, so a new route is covered as soon as it exists (or the walk fails,
 * asking for a fixture).
 */

const credentialSecret = 'sk-test-123';
const streamTimeoutMs = 5_000;

type Response = Awaited<ReturnType<TestFoundry['app']['inject']>>;

let foundry: TestFoundry;
let tenantA: RouteFixture;
let tenantB: RouteFixture;
/** Every response body of the file: none may carry the credential secret. */
const seen: { request: string; body: string }[] = [];

beforeAll(async () => {
  foundry = await createTestFoundry();
  const observe = (response: Response) => seen.push({ request: 'fixture set-up', body: response.body });
  tenantA = await createRouteFixture(foundry, { label: 'Tenant A', credentialSecret, observe });
  tenantB = await createRouteFixture(foundry, { label: 'Tenant B', credentialSecret: 'sk-tenant-b-999', observe });
});
afterAll(async () => {
  await foundry?.dispose();
});

/** app.inject, recorded, and bounded in time: a route that streams A's events would never end. */
async function send(options: { method: string; url: string; headers: Record<string, string>; payload?: string | Buffer }): Promise<Response> {
  const request = `${options.method} ${options.url}`;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${request} did not finish within ${streamTimeoutMs} ms (is it streaming another tenant's events?)`)), streamTimeoutMs);
  });
  try {
    const response = await Promise.race([foundry.app.inject(options as InjectOptions), timeout]);
    seen.push({ request, body: response.body });
    return response;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Every row tenant A owns, table by table: rows with A's workspace_id, A's workspace, and rows of
 * A's users. A table this cannot attribute fails the test, so a new table is never ignored.
 */
async function snapshotTenant(pool: pg.Pool, fixture: RouteFixture): Promise<Record<string, unknown[]>> {
  const { rows: columns } = await pool.query<{ table_name: string; column_name: string }>(
    `select c.table_name, c.column_name from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where c.table_schema = 'public' and t.table_type = 'BASE TABLE' order by c.table_name, c.ordinal_position`,
  );
  const byTable = new Map<string, Set<string>>();
  for (const { table_name, column_name } of columns) {
    const set = byTable.get(table_name) ?? new Set<string>();
    set.add(column_name);
    byTable.set(table_name, set);
  }
  const userIds = [fixture.owner.userId, fixture.member.userId];
  const snapshot: Record<string, unknown[]> = {};
  for (const [table, cols] of byTable) {
    let where: string;
    let params: unknown[];
    if (table === 'workspaces') [where, params] = ['id = $1', [fixture.workspace.id]];
    else if (table === 'users') [where, params] = ['id = any($1::uuid[])', [userIds]];
    else if (cols.has('workspace_id')) [where, params] = ['workspace_id = $1', [fixture.workspace.id]];
    else if (cols.has('user_id')) [where, params] = ['user_id = any($1::uuid[])', [userIds]];
    else throw new Error(`snapshotTenant cannot tell which rows of "${table}" belong to a tenant: teach it (test/api/tenant-isolation.db.test.ts).`);
    const { rows } = await pool.query<{ rows: unknown[] }>(
      `select coalesce(json_agg(to_jsonb(t) order by to_jsonb(t)::text), '[]'::json) as rows from "${table}" t where ${where}`,
      params,
    );
    snapshot[table] = rows[0]?.rows ?? [];
  }
  return snapshot;
}

/** What tenant A sees of its own data through the API. */
async function viewOf(fixture: RouteFixture): Promise<Record<string, unknown>> {
  const urls = [
    '/api/workspace', '/api/workspace/members', '/api/audit?limit=200', '/api/projects', `/api/projects/${fixture.project.id}`,
    `/api/projects/${fixture.project.id}/messages`, `/api/projects/${fixture.project.id}/members`, `/api/projects/${fixture.project.id}/artifacts`,
    `/api/artifacts/${fixture.artifact.id}`, `/api/artifacts/${fixture.artifact.id}/versions/1/content`,
    '/api/credentials', `/api/credentials/${fixture.credential.id}`, '/api/tokens',
  ];
  const view: Record<string, unknown> = {};
  for (const url of urls) {
    const response = await send({ method: 'GET', url, headers: as(fixture.owner) });
    expect(response.statusCode, `tenant A reading ${url}: ${response.body}`).toBe(200);
    view[url] = response.headers['content-type']?.toString().startsWith('application/json') ? response.json() : response.body;
  }
  return view;
}

const person = (f: RouteFixture) => ({ userId: f.owner.userId, email: f.owner.email, name: f.owner.name });

describe('tenant isolation', () => {
  it('walks a route list large enough that an empty walk cannot pass', () => {
    const walked = foundry.routes.filter((r) => !r.public);
    expect(foundry.routes.length).toBeGreaterThanOrEqual(25);
    expect(walked.length).toBeGreaterThanOrEqual(25);
    expect(walked.map((r) => r.method)).toEqual(expect.arrayContaining(['GET', 'POST', 'PATCH', 'DELETE']));
    const lists = ['/api/projects', '/api/credentials', '/api/tokens', '/api/workspace/members', '/api/audit', '/api/workspaces'];
    expect(walked.map(routeKey)).toEqual(expect.arrayContaining(lists.map((url) => `GET ${url}`)));
    expect(walked.filter((r) => routeParams(r.url).length > 0).length).toBeGreaterThanOrEqual(15);
  });

  it('has a fixture for every route, and none for routes that are gone', () => {
    const missing: string[] = [];
    for (const route of foundry.routes) {
      try {
        resolveUrl(route.url, tenantA);
        if (route.hasBody) bodyFor(route, { target: tenantA, caller: person(tenantB) });
      } catch (error) {
        if (!(error instanceof MissingRouteFixtureError)) throw error;
        missing.push(error.message);
      }
    }
    expect(missing).toEqual([]);
    const registered = new Set(foundry.routes.map(routeKey));
    expect(bodyFixtureKeys().filter((key) => !registered.has(key))).toEqual([]);
  });

  it('fails closed on a route the fixture map does not know', () => {
    expect(() => resolveUrl('/api/widgets/:id', tenantA)).toThrow(/No fixture for ":id" under \/api\/widgets\/:id.*route-fixtures\.ts/);
    expect(() => resolveUrl('/api/projects/:id/runs/:runId', tenantA)).toThrow(/":runId".*route-fixtures\.ts/);
    expect(() => resolveUrl('/api/files/*', tenantA)).toThrow(MissingRouteFixtureError);
    const unknown: RouteInfo = { method: 'PUT', url: '/api/widgets', public: false, hasBody: true };
    expect(() => bodyFor(unknown, { target: tenantA, caller: person(tenantB) })).toThrow(/No fixture body for PUT \/api\/widgets.*route-fixtures\.ts/);
  });

  it("lets no route read or change another workspace's data", async () => {
    const pool = foundry.database.pool;
    const rowsBefore = await snapshotTenant(pool, tenantA);
    const viewBefore = await viewOf(tenantA);
    expect(rowsBefore.credentials).toHaveLength(1);
    expect(rowsBefore.artifact_versions).toHaveLength(1);
    expect(rowsBefore.messages).toHaveLength(4);
    expect(rowsBefore.memberships).toHaveLength(2);

    const secretsOfA = fixtureSecrets(tenantA);
    const intruder = tenantB.owner;
    const failures: string[] = [];
    let requests = 0;

    // Destructive routes last, so a delete that got through cannot hide what the others would leak.
    const walked = foundry.routes.filter((r) => !r.public).sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
    for (const route of walked) {
      const url = resolveUrl(route.url, tenantA);
      const body = route.hasBody ? encodeBody(bodyFor(route, { target: tenantA, caller: person(tenantB) })) : undefined;
      const namesA = routeParams(route.url).length > 0 || secretsOfA.some((s) => body?.payload.toString().includes(s));
      const separator = url.includes('?') ? '&' : '?';
      const variants = [
        { label: 'own workspace', url, headers: as(intruder) },
        { label: "A's workspace header", url, headers: as(intruder, tenantA.workspace.id) },
        { label: "A's workspace query", url: `${url}${separator}workspace=${tenantA.workspace.id}`, headers: as(intruder) },
      ];
      for (const variant of variants) {
        requests += 1;
        let response: Response;
        try {
          response = await send({ method: route.method, url: variant.url, headers: { ...variant.headers, ...body?.headers }, ...(body ? { payload: body.payload } : {}) });
        } catch (error) {
          failures.push(`${routeKey(route)} (${variant.label}): ${(error as Error).message}`);
          continue;
        }
        const where = `${routeKey(route)} (${variant.label}) → ${response.statusCode} ${response.body.slice(0, 300)}`;
        const error = apiError(response);
        const leaked = secretsOfA.filter((s) => response.body.includes(s));
        if (leaked.length > 0) failures.push(`${where}: the response contains tenant A's ${leaked.join(', ')}`);
        if (variant.label !== 'own workspace') {
          if (response.statusCode !== 404 || error?.code !== 'WORKSPACE_NOT_FOUND') failures.push(`${where}: expected 404 WORKSPACE_NOT_FOUND`);
        } else if (namesA) {
          if (response.statusCode !== 404 || !error) failures.push(`${where}: expected 404 with an error code for a request naming tenant A's resources`);
        } else if (route.method === 'GET') {
          if (response.statusCode !== 200) failures.push(`${where}: expected 200 for the caller's own list`);
          const items = response.headers['content-type']?.toString().startsWith('application/json') ? (response.json() as { items?: unknown }).items : undefined;
          if (Array.isArray(items) && items.length === 0) failures.push(`${where}: the caller's own list is empty, so the leak check proves nothing`);
        } else if (response.statusCode >= 500) {
          failures.push(`${where}: server error`);
        }
      }
    }

    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThanOrEqual(75);
    expect(await snapshotTenant(pool, tenantA)).toEqual(rowsBefore);
    expect(await viewOf(tenantA)).toEqual(viewBefore);

    // Every response of the file so far (set-up, A's own reads, the walk): no credential secret, to anyone.
    expect(seen.length).toBeGreaterThan(requests);
    expect(seen.filter((r) => r.body.includes(credentialSecret)).map((r) => r.request)).toEqual([]);
    expect(seen.filter((r) => r.body.includes(tenantB.credential.secret)).map((r) => r.request)).toEqual([]);
  });
});
