import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { receiveWebhook, reencryptWebhookSecrets, signWebhook } from '../../src/engine/index.ts';
import type { MasterKeys } from '../../src/vault/index.ts';
import { createTestFoundry, signUpUser, type Account, type TestFoundry } from '../support/test-foundry.ts';
import { apiAs, createTrigger, createWorkflow, recordingStartRun, waitForRunEnd } from '../triggers/trigger-kit.ts';

let foundry: TestFoundry;
let owner: Account;
let call: ReturnType<typeof apiAs>;

beforeAll(async () => {
  foundry = await createTestFoundry();
  owner = await signUpUser(foundry, 'Trigger Owner');
  call = apiAs(foundry, owner);
});
afterAll(async () => {
  await foundry?.dispose();
});

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** POSTs a webhook delivery signed with `secret` (or with the given headers). */
function deliver(path: string, body: string, o: { secret?: string; timestamp?: number; headers?: Record<string, string>; contentType?: string } = {}) {
  const timestamp = o.timestamp ?? nowSeconds();
  const signature = o.secret === undefined ? {} : { 'x-foundry-timestamp': String(timestamp), 'x-foundry-signature': signWebhook(o.secret, timestamp, body) };
  return foundry.app.inject({ method: 'POST', url: path, payload: body, headers: { 'content-type': o.contentType ?? 'application/json', ...signature, ...o.headers } });
}

const errorOf = (response: { statusCode: number; json: <T>() => T }) => `${response.statusCode} ${response.json<{ error: { code: string } }>().error.code}`;

describe('triggers API', () => {
  it('creates, lists, pauses, resumes, reconfigures and deletes a schedule trigger, with audit records', async () => {
    const workflowId = await createWorkflow(foundry, owner, 'Nightly report');
    const created = await call('POST', `/api/workflows/${workflowId}/triggers`, { kind: 'schedule', name: 'Every morning', config: { cron: '0 7 * * *', timezone: 'Europe/Berlin' } });
    expect(created.statusCode, created.body).toBe(201);
    const trigger = created.json();
    expect(trigger).toMatchObject({
      workflowId, kind: 'schedule', name: 'Every morning', status: 'active', config: { cron: '0 7 * * *', timezone: 'Europe/Berlin', missed: 'run_once' },
      lastFiredAt: null, lastRunId: null, lastError: null,
    });
    expect(trigger.webhook).toBeUndefined();
    expect(new Date(trigger.nextFireAt).getTime()).toBeGreaterThan(Date.now());
    expect(new Date(trigger.nextFireAt).toLocaleTimeString('en-GB', { timeZone: 'Europe/Berlin' })).toBe('07:00:00');

    expect((await call('GET', `/api/workflows/${workflowId}/triggers`)).json().items.map((t: { id: string }) => t.id)).toEqual([trigger.id]);
    expect((await call('GET', `/api/triggers/${trigger.id}`)).json()).toEqual(trigger);

    const paused = (await call('PATCH', `/api/triggers/${trigger.id}`, { status: 'paused' })).json();
    expect(paused).toMatchObject({ status: 'paused', nextFireAt: null });
    const resumed = (await call('PATCH', `/api/triggers/${trigger.id}`, { status: 'active', name: 'Mornings' })).json();
    expect(resumed).toMatchObject({ status: 'active', name: 'Mornings', nextFireAt: trigger.nextFireAt });

    const bad = await call('PATCH', `/api/triggers/${trigger.id}`, { config: { cron: 'at dawn' } });
    expect(errorOf(bad)).toBe('400 VALIDATION_FAILED');
    expect(bad.json().error.details).toEqual([expect.objectContaining({ in: 'body', path: 'config.cron' })]);
    const hourly = (await call('PATCH', `/api/triggers/${trigger.id}`, { config: { cron: '0 * * * *', missed: 'skip' } })).json();
    expect(hourly.config).toEqual({ cron: '0 * * * *', timezone: 'UTC', missed: 'skip' });
    expect(new Date(hourly.nextFireAt).getUTCMinutes()).toBe(0);
    expect(new Date(hourly.nextFireAt).getTime() - Date.now()).toBeLessThanOrEqual(3_600_000);

    expect((await call('DELETE', `/api/triggers/${trigger.id}`)).statusCode).toBe(204);
    expect(errorOf(await call('GET', `/api/triggers/${trigger.id}`))).toBe('404 TRIGGER_NOT_FOUND');

    const audit = (await call('GET', '/api/audit?limit=200')).json<{ items: { action: string; targetId: string | null }[] }>().items;
    expect(audit.filter((e) => e.targetId === trigger.id).map((e) => e.action).sort())
      .toEqual(['trigger.created', 'trigger.deleted', 'trigger.updated', 'trigger.updated', 'trigger.updated']);
  });

  it('refuses bad configs with the field that is wrong, and triggers of unknown workflows', async () => {
    const workflowId = await createWorkflow(foundry, owner, 'Config checks');
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'schedule', name: 'x', config: { cron: '0 7 * * *', timezone: 'Moon/Base' } }, 'config.timezone'],
      [{ kind: 'file', name: 'x', config: { path: '../../etc' } }, 'config.path'],
      [{ kind: 'email', name: 'x', config: { address: 'orders@example.com' } }, 'config.address'],
      [{ kind: 'webhook', name: 'x', config: { inputSchema: { type: 12 } } }, 'config.inputSchema'],
    ];
    for (const [body, path] of cases) {
      const response = await call('POST', `/api/workflows/${workflowId}/triggers`, body);
      expect(errorOf(response), JSON.stringify(body)).toBe('400 VALIDATION_FAILED');
      expect(response.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
    }
    const unknown = await call('POST', '/api/workflows/00000000-0000-4000-8000-000000000000/triggers', { kind: 'webhook', name: 'x' });
    expect(errorOf(unknown)).toBe('404 WORKFLOW_NOT_FOUND');
  });

  it('lets viewers read triggers but not change them', async () => {
    const workflowId = await createWorkflow(foundry, owner, 'Viewer checks');
    const trigger = await createTrigger(foundry, owner, workflowId, { kind: 'webhook', name: 'Hook' });
    const viewer = await signUpUser(foundry, 'Trigger Viewer');
    expect((await call('POST', '/api/workspace/members', { email: viewer.email, role: 'viewer' })).statusCode).toBe(201);
    const asViewer = apiAs(foundry, viewer, owner.workspaceId);
    expect((await asViewer('GET', `/api/workflows/${workflowId}/triggers`)).statusCode).toBe(200);
    const read = await asViewer('GET', `/api/triggers/${trigger.id}`);
    expect(read.json().webhook).toEqual({ path: `/api/hooks/${trigger.id}` });
    for (const [method, url, body] of [
      ['POST', `/api/workflows/${workflowId}/triggers`, { kind: 'webhook', name: 'Mine' }],
      ['PATCH', `/api/triggers/${trigger.id}`, { status: 'paused' }],
      ['POST', `/api/triggers/${trigger.id}/rotate-secret`, undefined],
      ['DELETE', `/api/triggers/${trigger.id}`, undefined],
    ] as const) {
      expect(errorOf(await asViewer(method, url, body)), `${method} ${url}`).toBe('403 FORBIDDEN');
    }
  });

  it('gives one workspace each mail address and watched folder', async () => {
    const other = await signUpUser(foundry, 'Other Tenant');
    const mine = await createWorkflow(foundry, owner, 'Mail A');
    const theirs = await createWorkflow(foundry, other, 'Mail B');
    await createTrigger(foundry, owner, mine, { kind: 'email', name: 'Orders', config: { address: 'orders' } });
    await createTrigger(foundry, owner, mine, { kind: 'email', name: 'Orders again', config: { address: 'Orders' } });
    await createTrigger(foundry, owner, mine, { kind: 'file', name: 'Drop', config: { path: 'drop/in' } });
    const asOther = apiAs(foundry, other);
    expect(errorOf(await asOther('POST', `/api/workflows/${theirs}/triggers`, { kind: 'email', name: 'Steal', config: { address: 'ORDERS' } }))).toBe('409 EMAIL_ADDRESS_TAKEN');
    expect(errorOf(await asOther('POST', `/api/workflows/${theirs}/triggers`, { kind: 'file', name: 'Peek', config: { path: './drop//in/' } }))).toBe('409 WATCH_PATH_TAKEN');
    const own = await createTrigger(foundry, other, theirs, { kind: 'email', name: 'Billing', config: { address: 'billing' } });
    expect(errorOf(await asOther('PATCH', `/api/triggers/${own.id}`, { config: { address: 'orders' } }))).toBe('409 EMAIL_ADDRESS_TAKEN');
  });
});

describe('webhooks', () => {
  it('shows the secret only when made, stores it encrypted, and rotates it', async () => {
    const workflowId = await createWorkflow(foundry, owner, 'Secret keeping');
    const trigger = await createTrigger(foundry, owner, workflowId, { kind: 'webhook', name: 'Hook' });
    const secret = trigger.webhook!.secret!;
    expect(trigger.webhook).toEqual({ path: `/api/hooks/${trigger.id}`, secret: expect.stringMatching(/^whsec_[\w-]{40,}$/) });
    expect((await call('GET', `/api/triggers/${trigger.id}`)).body).not.toContain(secret);
    expect((await call('GET', `/api/workflows/${workflowId}/triggers`)).body).not.toContain(secret);
    const { rows } = await foundry.database.pool.query('select to_jsonb(t)::text as row from workflow_triggers t where id = $1', [trigger.id]);
    expect(rows[0].row).not.toContain(secret);
    expect(rows[0].row).toContain(foundry.deps.keys.active.id);

    const rotated = (await call('POST', `/api/triggers/${trigger.id}/rotate-secret`)).json();
    const fresh = rotated.webhook.secret as string;
    expect(fresh).not.toBe(secret);
    expect(errorOf(await deliver(trigger.webhook!.path, '{}', { secret }))).toBe('401 WEBHOOK_SIGNATURE_INVALID');
    expect((await deliver(trigger.webhook!.path, '{}', { secret: fresh })).statusCode).toBe(202);

    const schedule = await createTrigger(foundry, owner, workflowId, { kind: 'schedule', name: 'Tick', config: { cron: '0 0 * * *' } });
    expect(errorOf(await call('POST', `/api/triggers/${schedule.id}/rotate-secret`))).toBe('409 TRIGGER_KIND_MISMATCH');
  });

  it('keeps secrets working when the master key is rotated and the secrets re-encrypted', async () => {
    const workflowId = await createWorkflow(foundry, owner, 'Key rotation');
    const trigger = await createTrigger(foundry, owner, workflowId, { kind: 'webhook', name: 'Rotated' });
    const old = foundry.deps.keys;
    const fresh = { id: 'k-rotated', key: randomBytes(32) };
    const rotated: MasterKeys = { active: fresh, byId: new Map([...old.byId, [fresh.id, fresh.key]]), source: old.source };
    expect(await reencryptWebhookSecrets({ db: foundry.deps.db, keys: rotated })).toBeGreaterThanOrEqual(1);
    expect(await reencryptWebhookSecrets({ db: foundry.deps.db, keys: rotated })).toBe(0);
    const { rows } = await foundry.database.pool.query('select secret_key_id from workflow_triggers where id = $1', [trigger.id]);
    expect(rows[0].secret_key_id).toBe('k-rotated');
    // This process still has the old keys only: it cannot read the re-encrypted secret, and says so without leaking.
    const refused = await deliver(trigger.webhook!.path, '{}', { secret: trigger.webhook!.secret! });
    expect(refused.statusCode).toBe(500);
    expect(refused.body).not.toContain('k-rotated');
    // A process with the new keys accepts the unchanged secret.
    const timestamp = nowSeconds();
    const headers = { 'x-foundry-timestamp': String(timestamp), 'x-foundry-signature': signWebhook(trigger.webhook!.secret!, timestamp, '{}') };
    const { startRun } = recordingStartRun(foundry);
    const started = await receiveWebhook({ db: foundry.deps.db, clock: foundry.deps.clock, keys: rotated, startRun }, { triggerId: trigger.id, headers, body: Buffer.from('{}') });
    expect((await waitForRunEnd(foundry, owner, started.runId)).trigger).toEqual({ kind: 'webhook', id: trigger.id });
    // Back under the old key, for the tests that follow.
    await reencryptWebhookSecrets({ db: foundry.deps.db, keys: { ...rotated, active: old.active } });
  });

  it('starts a run with the signed payload, records it on the trigger, and answers a replay with the same run', async () => {
    const workflowId = await createWorkflow(foundry, owner, 'Order received');
    const trigger = await createTrigger(foundry, owner, workflowId, {
      kind: 'webhook', name: 'Shop', config: { inputSchema: { type: 'object', required: ['orderId'], properties: { orderId: { type: 'integer' }, email: { type: 'string', format: 'email' } } } },
    });
    const body = JSON.stringify({ orderId: 42, email: 'ada@example.com' });
    const timestamp = nowSeconds();
    const response = await deliver(trigger.webhook!.path, body, { secret: trigger.webhook!.secret!, timestamp });
    expect(response.statusCode, response.body).toBe(202);
    const { runId } = response.json<{ runId: string }>();

    const run = await waitForRunEnd(foundry, owner, runId);
    expect(run).toMatchObject({ status: 'succeeded', input: { orderId: 42, email: 'ada@example.com' }, trigger: { kind: 'webhook', id: trigger.id } });
    expect(run.output).toEqual({ result: { orderId: 42, email: 'ada@example.com' } });
    const seen = (await call('GET', `/api/triggers/${trigger.id}`)).json();
    expect(seen).toMatchObject({ lastRunId: runId, lastError: null });
    expect(seen.lastFiredAt).not.toBeNull();

    const replay = await deliver(trigger.webhook!.path, body, { secret: trigger.webhook!.secret!, timestamp });
    expect(replay.json()).toEqual({ runId });
    const keyed = { 'idempotency-key': 'order-42' };
    const first = (await deliver(trigger.webhook!.path, body, { secret: trigger.webhook!.secret!, timestamp, headers: keyed })).json<{ runId: string }>();
    const again = (await deliver(trigger.webhook!.path, body, { secret: trigger.webhook!.secret!, timestamp: timestamp + 1, headers: keyed })).json<{ runId: string }>();
    expect(first.runId).not.toBe(runId);
    expect(again.runId).toBe(first.runId);
  });

  it('reads the raw body whatever its content type, and takes an empty body as {}', async () => {
    const workflowId = await createWorkflow(foundry, owner, 'Raw bodies');
    const trigger = await createTrigger(foundry, owner, workflowId, { kind: 'webhook', name: 'Raw' });
    const secret = trigger.webhook!.secret!;
    // Whitespace and key order are kept byte for byte, so the signature over them holds.
    const spaced = '{ "b" : 1,\n  "a": [1, 2] }';
    const plain = await deliver(trigger.webhook!.path, spaced, { secret, contentType: 'text/plain' });
    expect(plain.statusCode, plain.body).toBe(202);
    expect((await waitForRunEnd(foundry, owner, plain.json().runId)).input).toEqual({ b: 1, a: [1, 2] });
    const empty = await deliver(trigger.webhook!.path, '', { secret });
    expect(empty.statusCode, empty.body).toBe(202);
    expect((await waitForRunEnd(foundry, owner, empty.json().runId)).input).toEqual({});
  });

  it('refuses bad signatures, stale or future timestamps, unknown and paused triggers, and invalid payloads with stable codes', async () => {
    const workflowId = await createWorkflow(foundry, owner, 'Refusals', { type: 'object', required: ['sku'] });
    const trigger = await createTrigger(foundry, owner, workflowId, { kind: 'webhook', name: 'Strict', config: { inputSchema: { type: 'object', required: ['qty'], properties: { qty: { type: 'integer', minimum: 1 } } } } });
    const secret = trigger.webhook!.secret!;
    const path = trigger.webhook!.path;
    const good = JSON.stringify({ sku: 'A-1', qty: 2 });

    expect(errorOf(await deliver(path, good))).toBe('401 WEBHOOK_SIGNATURE_INVALID');
    expect(errorOf(await deliver(path, good, { secret: 'whsec_guessed' }))).toBe('401 WEBHOOK_SIGNATURE_INVALID');
    const ts = nowSeconds();
    const tampered = await deliver(path, good.replace('2', '200'), { headers: { 'x-foundry-timestamp': String(ts), 'x-foundry-signature': signWebhook(secret, ts, good) } });
    expect(errorOf(tampered)).toBe('401 WEBHOOK_SIGNATURE_INVALID');
    expect(errorOf(await deliver(path, good, { secret, timestamp: nowSeconds() - 301 }))).toBe('401 WEBHOOK_TIMESTAMP_STALE');
    expect(errorOf(await deliver(path, good, { secret, timestamp: nowSeconds() + 400 }))).toBe('401 WEBHOOK_TIMESTAMP_STALE');
    expect(errorOf(await deliver('/api/hooks/00000000-0000-4000-8000-000000000000', good, { secret }))).toBe('404 TRIGGER_NOT_FOUND');
    const schedule = await createTrigger(foundry, owner, workflowId, { kind: 'schedule', name: 'Not a hook', config: { cron: '0 0 1 1 *' } });
    expect(errorOf(await deliver(`/api/hooks/${schedule.id}`, good, { secret }))).toBe('404 TRIGGER_NOT_FOUND');

    const invalid = await deliver(path, JSON.stringify({ sku: 'A-1', qty: 0 }), { secret });
    expect(errorOf(invalid)).toBe('400 WEBHOOK_PAYLOAD_INVALID');
    expect(invalid.json().error.details.problems).toEqual([{ path: '/qty', message: 'must be >= 1' }]);
    expect(errorOf(await deliver(path, '{"qty": 1', { secret }))).toBe('400 WEBHOOK_PAYLOAD_INVALID');
    expect(errorOf(await deliver(path, '{"qty": 1, "__proto__": {"admin": true}}', { secret }))).toBe('400 WEBHOOK_PAYLOAD_INVALID');
    expect(errorOf(await deliver(path, JSON.stringify({ sku: 'x'.repeat(2 * 1024 * 1024), qty: 1 }), { secret }))).toBe('413 PAYLOAD_TOO_LARGE');

    // The trigger's schema passes but the workflow's does not: the engine refuses, and the trigger shows why.
    const refused = await deliver(path, JSON.stringify({ qty: 3 }), { secret });
    expect(errorOf(refused)).toBe('400 RUN_INPUT_INVALID');
    expect((await call('GET', `/api/triggers/${trigger.id}`)).json().lastError).toMatch(/^RUN_INPUT_INVALID: /);

    await call('PATCH', `/api/triggers/${trigger.id}`, { status: 'paused' });
    expect(errorOf(await deliver(path, good, { secret }))).toBe('409 TRIGGER_PAUSED');
    expect(errorOf(await deliver(path, good, { secret: 'whsec_guessed' }))).toBe('401 WEBHOOK_SIGNATURE_INVALID');
    await call('PATCH', `/api/triggers/${trigger.id}`, { status: 'active' });
    const accepted = await deliver(path, good, { secret });
    expect(accepted.statusCode, accepted.body).toBe(202);
    expect((await call('GET', `/api/triggers/${trigger.id}`)).json()).toMatchObject({ lastRunId: accepted.json().runId, lastError: null });
  });
});
