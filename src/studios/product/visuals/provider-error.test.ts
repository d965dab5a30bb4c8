import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { providerError, providerFetch } from './provider-error.ts';

const guard = { allow: { cidrs: ['127.0.0.0/8'] } };

describe('providerFetch', () => {
  it('maps an unreachable host to a retryable failure', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    await expect(providerFetch('openai', `http://127.0.0.1:${port}/x`, { guard })).rejects.toMatchObject({ code: 'IMAGE_PROVIDER_FAILED', retryable: true });
  });

  it('times out a provider that does not answer, and rethrows the caller\'s own abort', async () => {
    const server = createServer(() => { /* never answers */ });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slow`;
    try {
      await expect(providerFetch('comfyui', url, { guard }, { timeoutMs: 50 })).rejects.toThrow('comfyui: the request timed out.');
      const controller = new AbortController();
      const pending = providerFetch('comfyui', url, { guard }, { signal: controller.signal, timeoutMs: 5000 });
      controller.abort();
      await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('providerError', () => {
  it('keeps plain-text bodies and truncates long ones', async () => {
    const error = await providerError('stability', new Response('x'.repeat(1000), { status: 413 }));
    expect(error).toMatchObject({ code: 'IMAGE_PROVIDER_REJECTED', status: 422 });
    expect((error.details as { providerMessage: string }).providerMessage).toHaveLength(300);
  });
});
