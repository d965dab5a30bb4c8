import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { guardedFetch, TooManyRedirectsError } from './guarded-fetch.ts';
import { OutboundUrlRefusedError, type HostResolver, type SsrfGuardOptions } from './ssrf-guard.ts';

interface Seen { method: string; url: string; host: string | undefined; authorization: string | undefined; body: string }

let server: Server;
let port: number;
let seen: Seen[] = [];

async function readBody(req: IncomingMessage): Promise<string> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text;
}

beforeAll(async () => {
  server = createServer((req, res) => {
    void readBody(req).then((body) => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', host: req.headers.host, authorization: req.headers.authorization, body });
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const redirect = (status: number, location: string) => res.writeHead(status, { location }).end();
      if (path === '/hello') return res.end(`hello ${body}`);
      if (path === '/to-metadata') return redirect(302, 'http://169.254.169.254/latest/meta-data/');
      if (path === '/to-loopback-name') return redirect(302, '/hello');
      if (path === '/to-other-host') return redirect(302, `http://other.test:${port}/hello`);
      if (path === '/see-other') return redirect(303, '/hello');
      if (path === '/temporary') return redirect(307, '/hello');
      const loop = /^\/loop\/(\d+)$/.exec(path);
      if (loop) return redirect(302, `/loop/${Number(loop[1]) + 1}`);
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => { seen = []; });

/** A resolver that answers from a table and counts its calls; `service.test` is not real DNS. */
function countingResolver(answers: Record<string, string[]>) {
  const calls: string[] = [];
  const resolve: HostResolver = async (hostname) => {
    calls.push(hostname);
    const list = answers[hostname];
    const address = list?.[Math.min(calls.filter((h) => h === hostname).length, list.length) - 1];
    if (address === undefined) throw Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return [{ address, family: address.includes(':') ? 6 : 4 }];
  };
  return { resolve, calls };
}

const allowLoopback = (resolve: HostResolver): SsrfGuardOptions => ({ resolve, allow: { cidrs: ['127.0.0.0/8'] } });

describe('guardedFetch', () => {
  it('connects to the checked address while sending the original Host header', async () => {
    const { resolve, calls } = countingResolver({ 'service.test': ['127.0.0.1'] });
    const res = await guardedFetch(`http://service.test:${port}/hello`, { method: 'POST', body: 'world', guard: allowLoopback(resolve) });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('hello world');
    expect(seen).toEqual([expect.objectContaining({ method: 'POST', host: `service.test:${port}`, body: 'world' })]);
    expect(calls).toEqual(['service.test']);
  });

  it('resolves once per hop, so DNS rebinding cannot redirect the connection', async () => {
    const { resolve, calls } = countingResolver({ 'service.test': ['127.0.0.1', '169.254.169.254', '10.0.0.1'] });
    const res = await guardedFetch(`http://service.test:${port}/hello`, { guard: allowLoopback(resolve) });
    expect(await res.text()).toBe('hello ');
    expect(calls).toHaveLength(1);
    expect(seen).toHaveLength(1);
  });

  it('refuses before connecting when the host resolves to a refused address', async () => {
    const { resolve } = countingResolver({ 'service.test': ['127.0.0.1'] });
    await expect(guardedFetch(`http://service.test:${port}/hello`, { guard: { resolve } })).rejects.toBeInstanceOf(OutboundUrlRefusedError);
    await expect(guardedFetch('http://127.0.0.1:1/', { guard: {} })).rejects.toMatchObject({ code: 'OUTBOUND_URL_REFUSED' });
    expect(seen).toHaveLength(0);
  });

  it('refuses a redirect to a refused address', async () => {
    const { resolve } = countingResolver({ 'service.test': ['127.0.0.1'] });
    const error = await guardedFetch(`http://service.test:${port}/to-metadata`, { guard: allowLoopback(resolve) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutboundUrlRefusedError);
    expect((error as OutboundUrlRefusedError).details).toMatchObject({ address: '169.254.169.254', reason: 'link_local' });
    expect(seen.map((s) => s.url)).toEqual(['/to-metadata']);
  });

  it('refuses a redirect to a host that rebinds to a refused address on its next resolution', async () => {
    const { resolve, calls } = countingResolver({ 'service.test': ['127.0.0.1', '10.0.0.1'] });
    await expect(guardedFetch(`http://service.test:${port}/to-loopback-name`, { guard: { resolve, allow: { cidrs: ['127.0.0.1/32'] } } }))
      .rejects.toMatchObject({ details: { address: '10.0.0.1', reason: 'private' } });
    expect(calls).toEqual(['service.test', 'service.test']);
  });

  it('follows allowed redirects, re-checking each hop, and drops credentials across origins', async () => {
    const { resolve, calls } = countingResolver({ 'service.test': ['127.0.0.1'], 'other.test': ['127.0.0.1'] });
    const res = await guardedFetch(`http://service.test:${port}/to-other-host`, {
      headers: { authorization: 'Bearer secret' }, guard: allowLoopback(resolve),
    });
    expect(await res.text()).toBe('hello ');
    expect(res.url).toBe(`http://other.test:${port}/hello`);
    expect(seen.map(({ host, authorization }) => [host, authorization])).toEqual([
      [`service.test:${port}`, 'Bearer secret'], [`other.test:${port}`, undefined],
    ]);
    expect(calls).toEqual(['service.test', 'other.test']);
  });

  it('turns POST into GET on 303 and keeps method and body on 307', async () => {
    const { resolve } = countingResolver({ 'service.test': ['127.0.0.1'] });
    await (await guardedFetch(`http://service.test:${port}/see-other`, { method: 'POST', body: 'x', guard: allowLoopback(resolve) })).text();
    expect(await (await guardedFetch(`http://service.test:${port}/temporary`, { method: 'PUT', body: 'y', guard: allowLoopback(resolve) })).text())
      .toBe('hello y');
    expect(seen.map(({ method, url, body }) => [method, url, body])).toEqual([
      ['POST', '/see-other', 'x'], ['GET', '/hello', ''], ['PUT', '/temporary', 'y'], ['PUT', '/hello', 'y'],
    ]);
  });

  it('gives up after maxRedirects with TOO_MANY_REDIRECTS', async () => {
    const { resolve } = countingResolver({ 'service.test': ['127.0.0.1'] });
    const guard = allowLoopback(resolve);
    await expect(guardedFetch(`http://service.test:${port}/loop/0`, { guard })).rejects.toBeInstanceOf(TooManyRedirectsError);
    expect(seen).toHaveLength(6);
    seen = [];
    await expect(guardedFetch(`http://service.test:${port}/loop/0`, { guard, maxRedirects: 2 }))
      .rejects.toMatchObject({ code: 'TOO_MANY_REDIRECTS', status: 400, details: { maxRedirects: 2 } });
    expect(seen).toHaveLength(3);
  });

  it("returns the redirect itself with redirect: 'manual' and refuses it with redirect: 'error'", async () => {
    const { resolve } = countingResolver({ 'service.test': ['127.0.0.1'] });
    const res = await guardedFetch(`http://service.test:${port}/to-metadata`, { redirect: 'manual', guard: allowLoopback(resolve) });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('http://169.254.169.254/latest/meta-data/');
    await expect(guardedFetch(`http://service.test:${port}/loop/0`, { redirect: 'error', guard: allowLoopback(resolve) }))
      .rejects.toBeInstanceOf(TooManyRedirectsError);
  });
});
