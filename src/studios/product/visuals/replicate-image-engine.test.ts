import { afterEach, describe, expect, it } from 'vitest';
import { designParamsFor } from './design-params.ts';
import { replicateImageEngine } from './replicate-image-engine.ts';
import { startFakeProvider, tinyPng } from './provider-test-server.ts';

const params = designParamsFor({ title: 'Tote', category: 'bag', summary: '', data: {} });
let server: Awaited<ReturnType<typeof startFakeProvider>> | undefined;
afterEach(async () => { await server?.close(); server = undefined; });

/** A prediction object as the API returns it (fields per replicate.com/docs/topics/predictions). */
function prediction(base: string, status: string, output: unknown) {
  return {
    id: 'gm3qorzdhgbfurvjtvhg6dckhu', model: 'black-forest-labs/flux-schnell', version: 'dp-4d0bcc010b3049749a251855f12800be',
    input: { prompt: 'p' }, logs: '', output, data_removed: false, error: null, status, created_at: '2025-01-01T00:00:00.000Z',
    urls: { get: `${base}/v1/predictions/gm3qorzdhgbfurvjtvhg6dckhu`, cancel: `${base}/v1/predictions/gm3qorzdhgbfurvjtvhg6dckhu/cancel` },
  };
}

describe('replicateImageEngine', () => {
  it('creates a prediction on the official model with Prefer: wait, then downloads the output without the token', async () => {
    server = await startFakeProvider((req, base) => req.path.startsWith('/v1/') ? { status: 201, body: prediction(base, 'succeeded', [`${base}/xezq/out-0.png`]) } : { body: tinyPng });
    const engine = replicateImageEngine({ apiToken: 'r8_test', baseUrl: server.base, guard: server.guard });
    const image = await engine.generate({ prompt: 'a tote bag flat', kind: 'flat', view: 'front', params });
    expect(image.png.equals(tinyPng)).toBe(true);
    expect(image.engine).toEqual({ provider: 'replicate', model: 'black-forest-labs/flux-schnell' });
    const [create, download] = server.seen;
    expect(create).toMatchObject({ method: 'POST', path: '/v1/models/black-forest-labs/flux-schnell/predictions' });
    expect(create!.headers.authorization).toBe('Bearer r8_test');
    expect(create!.headers.prefer).toBe('wait');
    expect(JSON.parse(create!.body.toString())).toEqual({ input: { prompt: 'a tote bag flat', aspect_ratio: '2:3', output_format: 'png', num_outputs: 1 } });
    expect(download).toMatchObject({ method: 'GET', path: '/xezq/out-0.png' });
    expect(download!.headers.authorization).toBeUndefined();
  });

  it('polls a prediction still running after the wait', async () => {
    let polls = 0;
    server = await startFakeProvider((req, base) => {
      if (req.method === 'POST') return { status: 201, body: prediction(base, 'processing', null) };
      if (req.path.startsWith('/v1/predictions/')) return { body: prediction(base, ++polls < 2 ? 'processing' : 'succeeded', `${base}/out.png`) };
      return { body: tinyPng };
    });
    const image = await replicateImageEngine({ apiToken: 't', baseUrl: server.base, guard: server.guard, pollMs: 5 }).generate({ prompt: 'p', kind: 'concept', view: '1', params });
    expect(image.png.equals(tinyPng)).toBe(true);
    expect(server.seen.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /v1/models/black-forest-labs/flux-schnell/predictions', 'GET /v1/predictions/gm3qorzdhgbfurvjtvhg6dckhu', 'GET /v1/predictions/gm3qorzdhgbfurvjtvhg6dckhu', 'GET /out.png',
    ]);
  });

  it('uses a pinned version through /v1/predictions and edits with the fill model and data URIs', async () => {
    server = await startFakeProvider((req, base) => req.method === 'POST' ? { body: prediction(base, 'succeeded', `${base}/o.png`) } : { body: tinyPng });
    const engine = replicateImageEngine({ apiToken: 't', model: 'stability-ai/sdxl:7762fd07', baseUrl: server.base, guard: server.guard });
    await engine.generate({ prompt: 'p', kind: 'callout', view: 'logo', params });
    expect(server.seen[0]!.path).toBe('/v1/predictions');
    expect(JSON.parse(server.seen[0]!.body.toString())).toMatchObject({ version: '7762fd07', input: { prompt: 'p', aspect_ratio: '1:1' } });
    await engine.edit({ prompt: 'tote', kind: 'flat', view: 'front', params, image: tinyPng, mask: tinyPng, instruction: 'add a zip' });
    const edit = server.seen[2]!;
    expect(edit.path).toBe('/v1/models/black-forest-labs/flux-fill-pro/predictions');
    const input = JSON.parse(edit.body.toString()).input;
    expect(input.prompt).toBe('tote. add a zip');
    expect(input.image).toBe(`data:image/png;base64,${tinyPng.toString('base64')}`);
    expect(input.mask).toMatch(/^data:image\/png;base64,/);
  });

  it('reports a failed prediction and a refused request', async () => {
    server = await startFakeProvider((req, base) => req.path.includes('bad') ? { status: 422, body: { title: 'Input validation failed', detail: '- input.prompt: Invalid type.' } } : { body: { ...prediction(base, 'failed', null), error: 'CUDA out of memory' } });
    await expect(replicateImageEngine({ apiToken: 't', baseUrl: server.base, guard: server.guard }).generate({ prompt: 'p', kind: 'flat', view: 'front', params }))
      .rejects.toThrow(/failed: CUDA out of memory/);
    await expect(replicateImageEngine({ apiToken: 't', model: 'x/bad', baseUrl: server.base, guard: server.guard }).generate({ prompt: 'p', kind: 'flat', view: 'front', params }))
      .rejects.toMatchObject({ code: 'IMAGE_PROVIDER_REJECTED', details: { providerMessage: '- input.prompt: Invalid type.' } });
  });

  it('refuses an output URL that the guard refuses', async () => {
    server = await startFakeProvider(() => ({ body: prediction('http://169.254.169.254', 'succeeded', 'http://169.254.169.254/latest/meta-data') }));
    await expect(replicateImageEngine({ apiToken: 't', baseUrl: server.base, guard: server.guard }).generate({ prompt: 'p', kind: 'flat', view: 'front', params }))
      .rejects.toMatchObject({ code: 'OUTBOUND_URL_REFUSED' });
  });
});
