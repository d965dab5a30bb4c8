import { randomUUID } from 'node:crypto';
import { tables } from '../../src/db/index.ts';
import type { Foundry, RouteInfo } from '../../src/server/index.ts';
import { waitForIngestion } from './knowledge-api.ts';
import { as, signUpUser, type Account } from './test-foundry.ts';

/**
 * Fixtures for the tests that walk every registered route (tenant isolation, bad input).
 *
 * Both walks fail closed: a route whose parameters or body this file cannot fill makes them fail
 * with a message saying what to add here, so a new route is never skipped silently.
 */

export interface Person {
  userId: string;
  email: string;
  name: string;
}

/** One tenant's data: a workspace with a second member, a project with a message and an artifact, a token and a credential. */
export interface RouteFixture {
  owner: Account & { name: string };
  member: Person;
  workspace: { id: string; name: string };
  project: { id: string; name: string };
  message: { id: string; content: string };
  artifact: { id: string; name: string; versionId: string };
  token: { id: string; name: string; secret: string };
  credential: { id: string; name: string; secret: string };
  workflow: { id: string; name: string };
  /** A webhook trigger of the workflow (nothing fires it unless a signed request comes). */
  trigger: { id: string; name: string; secret: string };
  run: { id: string };
  /** A Markdown knowledge source, fully ingested. */
  knowledge: { id: string; name: string };
  /** The product project's DPG (designing, with visuals), an RFQ of it with one quote, and a supplier. */
  dpg: { id: string };
  asset: { id: string };
  rfq: { id: string; code: string };
  quote: { id: string; supplierName: string };
}

/** A valid workflow needing no tool (none are registered yet): a trigger and an output. */
export function workflowDefinition(name: string): Record<string, unknown> {
  return {
    name,
    nodes: [
      { id: 'start', type: 'trigger', name: 'Start' },
      { id: 'result', type: 'output', name: 'Result', config: { value: 'input' } },
    ],
    edges: [{ from: 'start', to: 'result' }],
  };
}

export type MultipartPart =
  | { name: string; value: string }
  | { name: string; filename: string; contentType: string; content: Buffer | string };

export type RouteBody = { json: Record<string, unknown> | unknown[] } | { multipart: MultipartPart[] };

/** Who sends a body and whose resources it names (for the isolation walk: the attacker and the victim). */
export interface BodyContext {
  target: RouteFixture;
  caller: Person;
}

type Inject = Foundry['app']['inject'];
type InjectResponse = Awaited<ReturnType<Inject>>;

/** `METHOD /url/:pattern`, the key of the maps below. */
export const routeKey = (route: Pick<RouteInfo, 'method' | 'url'>) => `${route.method} ${route.url}`;

const fixtureHint = 'add it to test/support/route-fixtures.ts so the tenant-isolation and bad-input walks cover it';

/** `:id` means a different resource under each prefix. */
const idByPrefix: Record<string, (f: RouteFixture) => string> = {
  '/api/projects/:id': (f) => f.project.id,
  '/api/artifacts/:id': (f) => f.artifact.id,
  '/api/tokens/:id': (f) => f.token.id,
  '/api/credentials/:id': (f) => f.credential.id,
  '/api/workflows/:id': (f) => f.workflow.id,
  '/api/triggers/:id': (f) => f.trigger.id,
  '/api/hooks/:id': (f) => f.trigger.id,
  '/api/runs/:id': (f) => f.run.id,
  '/api/knowledge/:id': (f) => f.knowledge.id,
  '/api/workspaces/:id': (f) => f.workspace.id,
  '/api/dpgs/:id': (f) => f.dpg.id,
  '/api/assets/:id': (f) => f.asset.id,
  '/api/rfqs/:id': (f) => f.rfq.id,
};

/** Parameters other than `:id`, and what their values look like (bad-input picks bad values by kind). */
const namedParams: Record<string, { kind: ParamKind; value: (f: RouteFixture) => string }> = {
  userId: { kind: 'uuid', value: (f) => f.member.userId },
  version: { kind: 'positive-int', value: () => '1' },
  scope: { kind: 'keyword', value: () => 'project' },
  scopeId: { kind: 'uuid', value: (f) => f.project.id },
  role: { kind: 'keyword', value: () => 'chat' },
};

/** `keyword`: one of a fixed set of words (a budget scope, a model role). */
export type ParamKind = 'uuid' | 'positive-int' | 'keyword';

export class MissingRouteFixtureError extends Error {}

/** The parameter names of a URL pattern, in order: `/api/projects/:id/members/:userId` → `['id', 'userId']`. */
export function routeParams(pattern: string): string[] {
  return pattern.split('/').filter((s) => s.startsWith(':')).map((s) => s.slice(1));
}

export function paramKind(name: string): ParamKind {
  if (name === 'id') return 'uuid';
  const known = namedParams[name];
  if (!known) throw new MissingRouteFixtureError(`No fixture for the URL parameter ":${name}": ${fixtureHint} (namedParams).`);
  return known.kind;
}

/**
 * The concrete URL of a route pattern for a fixture: `/api/projects/:id/members/:userId` → the
 * project's id and the member's user id. `overrides` replace parameters by name, verbatim (already
 * encoded). Throws MissingRouteFixtureError for a parameter or `:id` prefix it does not know.
 */
export function resolveUrl(pattern: string, fixture: RouteFixture, overrides: Record<string, string> = {}): string {
  const segments = pattern.split('/');
  return segments.map((segment, index) => {
    if (segment.includes('*') || (segment.startsWith(':') && !/^:[A-Za-z]\w*$/.test(segment))) {
      throw new MissingRouteFixtureError(`The route ${pattern} has a wildcard or pattern parameter "${segment}": ${fixtureHint}.`);
    }
    if (!segment.startsWith(':')) return segment;
    const name = segment.slice(1);
    const override = overrides[name];
    if (override !== undefined) return override;
    if (name === 'id') {
      const prefix = segments.slice(0, index + 1).join('/');
      const resolve = idByPrefix[prefix];
      if (!resolve) throw new MissingRouteFixtureError(`No fixture for ":id" under ${prefix} (route ${pattern}): ${fixtureHint} (idByPrefix).`);
      return resolve(fixture);
    }
    const known = namedParams[name];
    if (!known) throw new MissingRouteFixtureError(`No fixture for ":${name}" in ${pattern}: ${fixtureHint} (namedParams).`);
    return known.value(fixture);
  }).join('/');
}

const textFile = (filename: string, content: string): MultipartPart => ({ name: 'file', filename, contentType: 'text/plain', content });

/**
 * A plausible, valid body per route with a body. The isolation walk sends them as the attacker
 * against the victim's resources, so each names the victim's ids or grants the caller access
 * where the route allows it.
 */
const bodies: Record<string, (c: BodyContext) => RouteBody> = {
  'POST /api/auth/signup': ({ caller }) => ({ json: { email: caller.email, password: 'correct horse battery', name: caller.name } }),
  'POST /api/auth/login': ({ caller }) => ({ json: { email: caller.email, password: 'not the password' } }),
  'POST /api/workspaces': () => ({ json: { name: 'Walked workspace' } }),
  'POST /api/workspace/members': ({ caller }) => ({ json: { email: caller.email, role: 'owner' } }),
  'PATCH /api/workspace/members/:userId': () => ({ json: { role: 'viewer' } }),
  'POST /api/tokens': () => ({ json: { name: 'walked token' } }),
  'POST /api/projects': ({ target }) => ({ json: { name: 'Walked project', studio: 'software', parentId: target.project.id } }),
  'PATCH /api/projects/:id': () => ({ json: { name: 'Taken over', status: 'archived' } }),
  'POST /api/projects/:id/members': ({ caller }) => ({ json: { email: caller.email, role: 'owner' } }),
  'PATCH /api/projects/:id/members/:userId': () => ({ json: { role: 'viewer' } }),
  'POST /api/projects/:id/messages': ({ target }) => ({
    json: { content: 'Injected message', attachments: [{ artifactId: target.artifact.id, versionId: target.artifact.versionId }] },
  }),
  'POST /api/projects/:id/artifacts': () => ({ multipart: [{ name: 'name', value: 'walked.txt' }, textFile('walked.txt', 'injected file')] }),
  'POST /api/artifacts/:id/versions': ({ target }) => ({
    multipart: [{ name: 'parentVersionId', value: target.artifact.versionId }, textFile('walked.txt', 'injected version')],
  }),
  'POST /api/credentials': () => ({ json: { name: 'walked credential', kind: 'api_key', secret: 'sk-walked-456' } }),
  'PATCH /api/credentials/:id': () => ({ json: { name: 'stolen', secret: 'sk-replaced-789' } }),
  'POST /api/workflows': () => ({ json: { definition: workflowDefinition('walked workflow') } }),
  'PUT /api/workflows/:id': () => ({ json: { definition: workflowDefinition('hijacked workflow') } }),
  'POST /api/workflows/validate': () => ({ json: { definition: workflowDefinition('checked workflow') } }),
  'POST /api/workflows/:id/triggers': () => ({ json: { kind: 'webhook', name: 'walked hook', config: {} } }),
  'PATCH /api/triggers/:id': () => ({ json: { name: 'hijacked hook', status: 'paused' } }),
  'POST /api/runs': ({ target }) => ({ json: { workflowId: target.workflow.id, input: { walked: true } } }),
  'POST /api/workflows/:id/runs': () => ({ json: { input: { walked: true } } }),
  'POST /api/runs/:id/approve': () => ({ json: { nodeId: 'result', comment: 'walked' } }),
  'POST /api/runs/:id/reject': () => ({ json: { nodeId: 'result', comment: 'walked' } }),
  'POST /api/projects/:id/knowledge': () => ({ multipart: [{ name: 'name', value: 'walked.md' }, textFile('walked.md', '# Walked\n\ninjected knowledge')] }),
  'POST /api/projects/:id/knowledge/urls': () => ({ json: { url: 'https://example.com/walked.html', name: 'walked page' } }),
  'PUT /api/workspaces/:id/budgets': ({ target }) => ({ json: { scope: 'project', scopeId: target.project.id, limitUsd: 5, period: 'month' } }),
  'PUT /api/workspaces/:id/models/:role': ({ target }) => ({ json: { provider: 'openai', model: 'gpt-4.1-mini', credentialId: target.credential.id } }),
  'POST /api/projects/:id/files': () => ({ multipart: [textFile('walked-guide.txt', 'injected brand guide')] }),
  'PATCH /api/dpgs/:id': () => ({ json: { title: 'Hijacked', data: { packaging: { type: 'walked box' } } } }),
  'POST /api/dpgs/:id/rfqs': () => ({ json: { responseDays: 7 } }),
  'POST /api/rfqs/:id/quotes': ({ caller }) => ({ json: [{ supplierName: `${caller.name} Works`, tiers: [{ quantity: 1000, unitPrice: 2.5 }], leadTimeDays: 20, moq: 500 }] }),
  'POST /api/rfqs/:id/order': ({ target }) => ({ json: { quoteId: target.quote.id } }),
  'POST /api/suppliers': ({ caller }) => ({ json: [{ name: `${caller.name} Supply`, country: 'VN', categories: ['phone_accessory'], capabilities: ['injection moulding'], certifications: ['ISO 9001'], moq: 500, leadTimeDays: 25, rating: 4 }] }),
};

/** The fixture body of a route with a body; throws MissingRouteFixtureError when there is none. */
export function bodyFor(route: RouteInfo, context: BodyContext): RouteBody {
  const make = bodies[routeKey(route)];
  if (!make) throw new MissingRouteFixtureError(`No fixture body for ${routeKey(route)}: ${fixtureHint} (bodies).`);
  return make(context);
}

/** Route keys the body map knows, to check it names no route that is gone. */
export const bodyFixtureKeys = (): string[] => Object.keys(bodies);

/** Encodes a multipart/form-data body by hand (app.inject takes no FormData). */
export function encodeMultipart(parts: MultipartPart[], boundary = `foundry-test-${randomUUID()}`): { payload: Buffer; headers: Record<string, string> } {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const head = 'filename' in part
      ? `Content-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: ${part.contentType}`
      : `Content-Disposition: form-data; name="${part.name}"`;
    const content = 'filename' in part ? part.content : part.value;
    chunks.push(Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`), Buffer.from(content), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

async function waitForReply(get: (url: string) => Promise<Record<string, unknown>>, projectId: string, messageId: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const { items } = (await get(`/api/projects/${projectId}/messages?limit=200`)) as { items: { metadata: Record<string, unknown> }[] };
    if (items.some((m) => m.metadata.replyTo === messageId)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`fixture set-up: no reply to message ${messageId}`);
}

/** The payload and content-type header of a body. */
export function encodeBody(body: RouteBody): { payload: string | Buffer; headers: Record<string, string> } {
  if ('multipart' in body) return encodeMultipart(body.multipart);
  return { payload: JSON.stringify(body.json), headers: { 'content-type': 'application/json' } };
}

export interface ApiError {
  code: string;
  message: string;
  details?: unknown;
}

/** The `{"error":{code,message}}` of a response, or undefined when the body has another shape. */
export function apiError(response: InjectResponse): ApiError | undefined {
  let body: unknown;
  try {
    body = JSON.parse(response.body);
  } catch {
    return undefined;
  }
  const error = (body as { error?: unknown } | null)?.error as Partial<ApiError> | undefined;
  if (typeof error !== 'object' || error === null || typeof error.code !== 'string' || typeof error.message !== 'string') return undefined;
  return error as ApiError;
}

/** Every string of a fixture another tenant must never see: ids, emails, names, contents and secrets. */
export function fixtureSecrets(f: RouteFixture): string[] {
  return [
    f.owner.userId, f.owner.email, f.owner.name, f.owner.token, f.owner.workspaceId,
    f.member.userId, f.member.email, f.member.name,
    f.workspace.id, f.workspace.name, f.project.id, f.project.name, f.message.id, f.message.content,
    f.artifact.id, f.artifact.name, f.artifact.versionId, f.token.id, f.token.name, f.token.secret,
    f.credential.id, f.credential.name, f.credential.secret, f.workflow.id, f.workflow.name, f.run.id,
    f.trigger.id, f.trigger.name, f.trigger.secret, f.knowledge.id, f.knowledge.name,
  ];
}

export interface CreateRouteFixtureOptions {
  /** Distinguishes this tenant's names, e.g. "Tenant A". */
  label: string;
  credentialSecret?: string;
  /** Sees every response of the set-up (to check none leaks a secret). */
  observe?: (response: InjectResponse) => void;
}

/** Creates a tenant through the API: owner, second member, project, artifact, message, API token, credential. */
export async function createRouteFixture(foundry: Foundry, { label, credentialSecret = 'sk-test-123', observe }: CreateRouteFixtureOptions): Promise<RouteFixture> {
  const ownerName = `${label} Owner`;
  const memberName = `${label} Member`;
  const owner = await signUpUser(foundry, ownerName);
  const memberAccount = await signUpUser(foundry, memberName);
  const call = async (method: 'POST' | 'GET', url: string, expected: number, body?: RouteBody) => {
    const encoded = body ? encodeBody(body) : undefined;
    const response = await foundry.app.inject({ method, url, headers: { ...as(owner), ...encoded?.headers }, ...(encoded ? { payload: encoded.payload } : {}) });
    observe?.(response);
    if (response.statusCode !== expected) throw new Error(`fixture set-up: ${method} ${url} answered ${response.statusCode}: ${response.body}`);
    return response.json<Record<string, unknown>>();
  };

  const workspace = (await call('GET', '/api/workspace', 200)) as { id: string; name: string };
  await call('POST', '/api/workspace/members', 201, { json: { email: memberAccount.email, role: 'editor' } });
  const projectName = `${label} secret project`;
  const project = (await call('POST', '/api/projects', 201, { json: { name: projectName, studio: 'product', description: `${label} plans` } })) as { id: string };
  await call('POST', `/api/projects/${project.id}/members`, 201, { json: { email: memberAccount.email, role: 'editor' } });
  const artifactName = `${label} blueprint.txt`;
  const uploaded = (await call('POST', `/api/projects/${project.id}/artifacts`, 201, {
    multipart: [{ name: 'name', value: artifactName }, textFile('blueprint.txt', `${label} blueprint contents`)],
  })) as { artifact: { id: string }; version: { id: string } };
  const content = `${label} private message`;
  const posted = (await call('POST', `/api/projects/${project.id}/messages`, 201, {
    json: { content, attachments: [{ artifactId: uploaded.artifact.id, versionId: uploaded.version.id }] },
  })) as { message: { id: string } };
  const tokenName = `${label} deploy token`;
  const token = (await call('POST', '/api/tokens', 201, { json: { name: tokenName } })) as { id: string; token: string };
  const credentialName = `${label} model key`;
  const credential = (await call('POST', '/api/credentials', 201, { json: { name: credentialName, kind: 'api_key', secret: credentialSecret } })) as { id: string };
  const workflowName = `${label} onboarding flow`;
  const workflow = (await call('POST', '/api/workflows', 201, { json: { definition: workflowDefinition(workflowName) } })) as { id: string };
  const triggerName = `${label} order hook`;
  const trigger = (await call('POST', `/api/workflows/${workflow.id}/triggers`, 201, { json: { kind: 'webhook', name: triggerName } })) as { id: string; webhook: { secret: string } };
  const knowledgeName = `${label} price notes`;
  const source = (await call('POST', `/api/projects/${project.id}/knowledge`, 202, {
    multipart: [{ name: 'name', value: knowledgeName }, { name: 'file', filename: 'prices.md', contentType: 'text/markdown', content: `# Prices\n\n${label} sells the widget at 12 euros.` }],
  })) as { id: string };
  // Ingestion runs in the background: wait for it to end so the tenant's rows hold still.
  await waitForIngestion((url) => call('GET', url, 200), source.id);
  // So does the agent's reply to the message.
  await waitForReply((url) => call('GET', url, 200), project.id, posted.message.id);

  const product = await productFixture(foundry, owner, project.id, label);

  return {
    ...product,
    owner: { ...owner, name: ownerName },
    member: { userId: memberAccount.userId, email: memberAccount.email, name: memberName },
    workspace: { id: workspace.id, name: workspace.name },
    project: { id: project.id, name: projectName },
    message: { id: posted.message.id, content },
    artifact: { id: uploaded.artifact.id, name: artifactName, versionId: uploaded.version.id },
    token: { id: token.id, name: tokenName, secret: token.token },
    credential: { id: credential.id, name: credentialName, secret: credentialSecret },
    workflow: { id: workflow.id, name: workflowName },
    trigger: { id: trigger.id, name: triggerName, secret: trigger.webhook.secret },
    knowledge: { id: source.id, name: knowledgeName },
    run: { id: ((await call('POST', `/api/workflows/${workflow.id}/runs`, 202, { json: { input: { label } } })) as { id: string }).id },
  };
}

/**
 * The product studio's resources of a tenant: the DPG the partner started from the project's
 * message, visuals drawn on "go ahead", and (written directly, since an RFQ needs an approved DPG)
 * an RFQ with one quote.
 */
async function productFixture(foundry: Foundry, owner: Account, projectId: string, label: string) {
  const drawn = await foundry.app.inject({ method: 'POST', url: `/api/projects/${projectId}/messages?wait=90`, headers: as(owner), payload: { content: 'No files, go ahead and draw it' } });
  if (drawn.statusCode !== 201 || !drawn.json().reply) throw new Error(`fixture set-up: the design partner did not answer: ${drawn.body}`);
  const dpg = (await foundry.app.inject({ method: 'GET', url: `/api/projects/${projectId}/dpg`, headers: as(owner) })).json<{ id: string; visualAssets: { flat_views: { front: { id: string }[] } } }>();
  const asset = dpg.visualAssets.flat_views.front[0];
  if (!asset) throw new Error(`fixture set-up: no visuals were drawn: ${drawn.body}`);
  const supplier = await foundry.app.inject({
    method: 'POST', url: '/api/suppliers', headers: as(owner),
    payload: [{ name: `${label} Moulding Co.`, country: 'CN', categories: ['hard_good'], capabilities: ['injection moulding'], certifications: ['ISO 9001'], moq: 1000, leadTimeDays: 30, rating: 4.2 }],
  });
  if (supplier.statusCode !== 201) throw new Error(`fixture set-up: POST /api/suppliers answered ${supplier.statusCode}: ${supplier.body}`);
  const db = foundry.deps.db;
  const rfq = { id: randomUUID(), code: `RFQ-${label.replace(/\W/g, '').toUpperCase()}-0001` };
  await db.insert(tables.rfqs).values({
    id: rfq.id, workspaceId: owner.workspaceId, projectId, dpgId: dpg.id, code: rfq.code, issuedAt: new Date(), responseDeadline: '2030-01-15', targetDelivery: '2030-03-01',
    quantityTiers: [100, 500, 1000], document: { code: rfq.code, sections: [] }, matches: [],
  });
  const quote = { id: randomUUID(), supplierName: `${label} Plastics` };
  await db.insert(tables.quotes).values({
    id: quote.id, workspaceId: owner.workspaceId, rfqId: rfq.id, supplierName: quote.supplierName,
    quote: { supplierName: quote.supplierName, tiers: [{ quantity: 1000, unitPrice: 2.1 }], currency: 'USD', toolingCost: 0, leadTimeDays: 21, moq: 500, certifications: ['ISO 9001'], paymentTerms: '', notes: '' },
  });
  return { dpg: { id: dpg.id }, asset: { id: asset.id }, rfq, quote };
}
