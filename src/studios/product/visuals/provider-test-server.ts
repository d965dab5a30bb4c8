import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SsrfGuardOptions } from '../../../tools/index.ts';

/** A request the fake provider received. */
export interface SeenRequest { method: string; path: string; headers: IncomingHttpHeaders; body: Buffer }
export interface FakeResponse { status?: number; headers?: Record<string, string>; body?: string | Buffer | object }

/**
 * A local HTTP server standing in for an image provider in adapter tests: records each request
 * and answers from the handler. Tests reach it through the SSRF guard with loopback allowed.
 */
export async function startFakeProvider(handler: (req: SeenRequest, base: string) => FakeResponse | Promise<FakeResponse>) {
  const seen: SeenRequest[] = [];
  let base = '';
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) };
      seen.push(request);
      void Promise.resolve(handler(request, base)).then((answer) => {
        const body = answer.body === undefined ? '' : Buffer.isBuffer(answer.body) || typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
        const type = Buffer.isBuffer(answer.body) ? 'image/png' : typeof answer.body === 'object' ? 'application/json' : 'text/plain';
        res.writeHead(answer.status ?? 200, { 'content-type': type, ...answer.headers }).end(body);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    seen,
    /** Loopback allowed: for tests only. */
    guard: { allow: { cidrs: ['127.0.0.0/8'] } } satisfies SsrfGuardOptions,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** The multipart or urlencoded form of a recorded request, parsed by undici. */
export async function formOf(req: SeenRequest): Promise<FormData> {
  return new Request('http://fake.test/', { method: 'POST', headers: { 'content-type': String(req.headers['content-type']) }, body: new Uint8Array(req.body) }).formData();
}

export async function fileBytes(form: FormData, name: string): Promise<Buffer | undefined> {
  const value = form.get(name);
  return value instanceof Blob ? Buffer.from(await value.arrayBuffer()) : undefined;
}

/** A 1×1 PNG, as providers return base64 or bytes. */
export const tinyPngBase64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
export const tinyPng = Buffer.from(tinyPngBase64, 'base64');
