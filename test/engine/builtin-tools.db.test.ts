import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunView } from '../../src/engine/index.ts';
import { as, createTestFoundry, signUpUser, type Account, type TestFoundry } from '../support/test-foundry.ts';

let foundry: TestFoundry;
let owner: Account;
let server: Server;
let base: string;
const received: { key: string | undefined; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ key: req.headers['idempotency-key'] as string | undefined, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ accepted: JSON.parse(body || 'null') }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  foundry = await createTestFoundry({ ssrfAllow: ['127.0.0.0/8'] });
  owner = await signUpUser(foundry, 'Tool User');
});
afterAll(async () => {
  await foundry?.dispose();
  await new Promise((resolve) => server?.close(resolve));
});

async function runToEnd(definition: Record<string, unknown>, input: Record<string, unknown>): Promise<RunView> {
  const started = await foundry.app.inject({ method: 'POST', url: '/api/runs', headers: as(owner), payload: { definition, input } });
  expect(started.statusCode, started.body).toBe(202);
  for (let i = 0; i < 400; i++) {
    const run = (await foundry.app.inject({ method: 'GET', url: `/api/runs/${started.json().id}`, headers: as(owner) })).json<RunView>();
    if (['succeeded', 'failed', 'compensated', 'cancelled'].includes(run.status)) return run;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('run did not end');
}

const call = (input: Record<string, string>) => ({
  name: 'Notify', nodes: [
    { id: 'start', type: 'trigger', name: 'Start' },
    { id: 'post', type: 'action', name: 'Post', config: { tool: 'http.request', input } },
    { id: 'out', type: 'output', name: 'Out', config: { value: 'steps.post.body.accepted' } },
  ],
  edges: [{ from: 'start', to: 'post' }, { from: 'post', to: 'out' }],
});

describe('built-in http.request tool in workflows', () => {
  it('posts the mapped input with the step idempotency key and hands the parsed answer on', async () => {
    const run = await runToEnd(call({ url: '"' + base + '/orders"', method: '"POST"', body: '{"sku": input.sku}' }), { sku: 'CASE-14' });
    expect([run.status, run.output]).toEqual(['succeeded', { out: { sku: 'CASE-14' } }]);
    const attempt = run.steps.find((s) => s.nodeId === 'post')!.attempts[0]!;
    expect(received.at(-1)).toEqual({ key: attempt.idempotencyKey, body: '{"sku":"CASE-14"}' });
  });

  it('fails at once, without retries, on a refused address or an invalid input', async () => {
    const metadata = await runToEnd(call({ url: '"http://169.254.169.254/latest/meta-data/"' }), {});
    expect(metadata.status).toBe('failed');
    expect(metadata.error).toMatchObject({ code: 'OUTBOUND_URL_REFUSED', nodeId: 'post' });
    expect(metadata.steps.find((s) => s.nodeId === 'post')!.attempts).toHaveLength(1);
    const invalid = await runToEnd(call({ url: '"' + base + '"', method: '"TRACE"' }), {});
    expect(invalid.error).toMatchObject({ code: 'TOOL_INPUT_INVALID' });
  });

  it('is listed among the tools a workflow may use', async () => {
    const tools = await foundry.app.inject({ method: 'GET', url: '/api/plugins', headers: as(owner) });
    expect(tools.body).toContain('http.request');
  });
});
