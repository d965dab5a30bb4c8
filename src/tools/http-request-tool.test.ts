import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ToolCallContext } from '../kernel/index.ts';
import { httpRequestTool, ssrfAllowList } from './http-request-tool.ts';

let server: Server;
let base: string;
const seen: { method: string; url: string; key: string | undefined; type: string | undefined; body: string }[] = [];

const read = (req: IncomingMessage) => new Promise<string>((resolve) => {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString()));
  req.on('end', () => resolve(body));
});

beforeAll(async () => {
  server = createServer(async (req, res) => {
    seen.push({ method: req.method!, url: req.url!, key: req.headers['idempotency-key'] as string | undefined, type: req.headers['content-type'], body: await read(req) });
    if (req.url === '/json') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true }));
    } else if (req.url === '/busy') res.writeHead(503).end('try later');
    else if (req.url === '/missing') res.writeHead(404).end('no such order');
    else res.writeHead(201, { 'content-type': 'text/plain' }).end('created');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const call = (key = 'fdy-test'): ToolCallContext => ({ workspaceId: 'w', runId: 'r', stepId: 's', idempotencyKey: key, signal: new AbortController().signal });
const loopbackAllowed = httpRequestTool({ allow: ['127.0.0.0/8'] });

describe('http.request tool', () => {
  it('returns status, headers and the parsed JSON body', async () => {
    const { output } = await loopbackAllowed.execute!({ url: `${base}/json` }, call());
    expect(output).toMatchObject({ status: 200, body: { ok: true }, truncated: false, headers: { 'content-type': 'application/json' } });
    expect(seen.at(-1)).toMatchObject({ method: 'GET', key: undefined });
  });

  it('sends a JSON body with the step idempotency key on writes', async () => {
    const { output } = await loopbackAllowed.execute!({ url: `${base}/orders`, method: 'POST', body: { qty: 3 } }, call('fdy-abc'));
    expect(output).toMatchObject({ status: 201, body: 'created' });
    expect(seen.at(-1)).toMatchObject({ method: 'POST', key: 'fdy-abc', type: 'application/json', body: '{"qty":3}' });
  });

  it('marks 5xx retryable and other 4xx not', async () => {
    await expect(loopbackAllowed.execute!({ url: `${base}/busy` }, call())).rejects.toMatchObject({ code: 'HTTP_STATUS', retryable: true, details: { status: 503 } });
    await expect(loopbackAllowed.execute!({ url: `${base}/missing` }, call())).rejects.toMatchObject({ code: 'HTTP_STATUS', retryable: false, details: { status: 404 } });
  });

  it('refuses loopback, private, link-local and metadata addresses unless configured', async () => {
    const strict = httpRequestTool({ allow: [], resolve: async () => [{ address: '10.0.0.7', family: 4 }] });
    for (const url of [`${base}/json`, 'http://10.0.0.1/', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]/', 'http://intranet.example/']) {
      await expect(strict.execute!({ url }, call())).rejects.toMatchObject({ code: 'OUTBOUND_URL_REFUSED', retryable: false });
    }
  });

  it('checks its input', () => {
    expect(loopbackAllowed.inputSchema!.safeParse({ url: 'not a url' }).success).toBe(false);
    expect(loopbackAllowed.inputSchema!.safeParse({ url: 'https://example.com', method: 'TRACE' }).success).toBe(false);
  });

  it('splits the allow list into CIDR ranges and host patterns', () => {
    expect(ssrfAllowList(['10.1.0.0/16', 'api.internal', '*.corp.example', 'fd00::/8'])).toEqual({ cidrs: ['10.1.0.0/16', 'fd00::/8'], hosts: ['api.internal', '*.corp.example'] });
  });
});
