import { afterEach, describe, expect, it } from 'vitest';
import { designParamsFor } from './design-params.ts';
import { fileBytes, formOf, startFakeProvider, tinyPng } from './provider-test-server.ts';
import { pngSize } from './png-info.ts';
import { stabilityImageEngine } from './stability-image-engine.ts';

const params = designParamsFor({ title: 'Mug', category: 'drinkware', summary: '', data: {} });
let server: Awaited<ReturnType<typeof startFakeProvider>> | undefined;
afterEach(async () => { await server?.close(); server = undefined; });

describe('stabilityImageEngine', () => {
  it('posts multipart to generate/core asking for image bytes', async () => {
    server = await startFakeProvider(() => ({ body: tinyPng, headers: { 'finish-reason': 'SUCCESS', seed: '343940597' } }));
    const engine = stabilityImageEngine({ apiKey: 'sk-stab', baseUrl: server.base, guard: server.guard });
    const image = await engine.generate({ prompt: 'concept sketch of a mug', kind: 'concept', view: '2', params });
    expect(image.png.equals(tinyPng)).toBe(true);
    expect(image.engine).toEqual({ provider: 'stability', model: 'core' });
    const req = server.seen[0]!;
    expect(req).toMatchObject({ method: 'POST', path: '/v2beta/stable-image/generate/core' });
    expect(req.headers.authorization).toBe('Bearer sk-stab');
    expect(req.headers.accept).toBe('image/*');
    const form = await formOf(req);
    expect(Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v)]))).toEqual({ prompt: 'concept sketch of a mug', output_format: 'png', aspect_ratio: '3:2' });
  });

  it('routes SD3 models through generate/sd3 with the model field', async () => {
    server = await startFakeProvider(() => ({ body: tinyPng }));
    await stabilityImageEngine({ apiKey: 'k', model: 'sd3.5-large', baseUrl: server.base, guard: server.guard }).generate({ prompt: 'p', kind: 'flat', view: 'front', params });
    expect(server.seen[0]!.path).toBe('/v2beta/stable-image/generate/sd3');
    expect((await formOf(server.seen[0]!)).get('model')).toBe('sd3.5-large');
  });

  it('inpaints with the image and a greyscale mask converted from the alpha mask', async () => {
    server = await startFakeProvider(() => ({ body: tinyPng }));
    const engine = stabilityImageEngine({ apiKey: 'k', baseUrl: server.base, guard: server.guard });
    await engine.edit({ prompt: 'mug', kind: 'flat', view: 'front', params, image: tinyPng, mask: tinyPng, instruction: 'add a handle' });
    const req = server.seen[0]!;
    expect(req.path).toBe('/v2beta/stable-image/edit/inpaint');
    const form = await formOf(req);
    expect(form.get('prompt')).toBe('mug. add a handle');
    expect((await fileBytes(form, 'image'))?.equals(tinyPng)).toBe(true);
    expect(pngSize((await fileBytes(form, 'mask'))!)).toEqual({ width: 1, height: 1 });
  });

  it('rejects a content-filtered result and a non-PNG body', async () => {
    let headers: Record<string, string> = { 'finish-reason': 'CONTENT_FILTERED' };
    let body: Buffer | object = tinyPng;
    server = await startFakeProvider(() => ({ body, headers }));
    const engine = stabilityImageEngine({ apiKey: 'k', baseUrl: server.base, guard: server.guard });
    await expect(engine.generate({ prompt: 'p', kind: 'flat', view: 'front', params })).rejects.toMatchObject({ code: 'IMAGE_PROVIDER_REJECTED' });
    headers = {};
    body = { not: 'an image' };
    await expect(engine.generate({ prompt: 'p', kind: 'flat', view: 'front', params })).rejects.toMatchObject({ code: 'IMAGE_PROVIDER_FAILED' });
  });

  it('reads the error list of a 400 response', async () => {
    server = await startFakeProvider(() => ({ status: 400, body: { id: 'a1b2', name: 'bad_request', errors: ['prompt: cannot be empty'] } }));
    await expect(stabilityImageEngine({ apiKey: 'k', baseUrl: server.base, guard: server.guard }).generate({ prompt: '', kind: 'flat', view: 'front', params }))
      .rejects.toMatchObject({ code: 'IMAGE_PROVIDER_REJECTED', details: { providerMessage: 'prompt: cannot be empty' } });
  });
});
