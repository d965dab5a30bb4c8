import { afterEach, describe, expect, it } from 'vitest';
import { designParamsFor } from './design-params.ts';
import { openAiImageEngine, openAiSize } from './openai-image-engine.ts';
import { fileBytes, formOf, startFakeProvider, tinyPng, tinyPngBase64 } from './provider-test-server.ts';

const params = designParamsFor({ title: 'Case', category: 'phone_accessory', summary: '', data: {} });
let server: Awaited<ReturnType<typeof startFakeProvider>> | undefined;
afterEach(async () => { await server?.close(); server = undefined; });

// Shape of a gpt-image-1 response as documented (created, data[].b64_json, usage).
const recorded = { created: 1_745_000_000, data: [{ b64_json: tinyPngBase64 }], usage: { total_tokens: 4200, input_tokens: 50, output_tokens: 4150 } };

describe('openAiImageEngine', () => {
  it('posts a JSON generation request with the bearer key and decodes b64_json', async () => {
    server = await startFakeProvider(() => ({ body: recorded }));
    const engine = openAiImageEngine({ apiKey: 'sk-test', baseUrl: `${server.base}/v1`, guard: server.guard });
    const image = await engine.generate({ prompt: 'a technical flat', kind: 'flat', view: 'front', params });
    expect(image.png.equals(tinyPng)).toBe(true);
    expect(image.engine).toEqual({ provider: 'openai', model: 'gpt-image-1' });
    const [req] = server.seen;
    expect(req).toMatchObject({ method: 'POST', path: '/v1/images/generations' });
    expect(req!.headers.authorization).toBe('Bearer sk-test');
    expect(req!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req!.body.toString())).toEqual({ model: 'gpt-image-1', prompt: 'a technical flat', n: 1, size: '1024x1536' });
  });

  it('sends edits as multipart with the image, the mask and the instruction', async () => {
    server = await startFakeProvider(() => ({ body: { created: 1, data: [{ b64_json: tinyPngBase64, revised_prompt: 'revised' }] } }));
    const engine = openAiImageEngine({ apiKey: 'sk-test', model: 'gpt-image-1', baseUrl: `${server.base}/v1`, guard: server.guard });
    const mask = Buffer.from(tinyPng);
    const image = await engine.edit({ prompt: 'hoodie flat', kind: 'concept', view: '1', params, image: tinyPng, mask, instruction: 'add a kangaroo pocket' });
    expect(image.revisedPrompt).toBe('revised');
    const req = server.seen[0]!;
    expect(req.path).toBe('/v1/images/edits');
    expect(String(req.headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
    const form = await formOf(req);
    expect(form.get('model')).toBe('gpt-image-1');
    expect(form.get('prompt')).toBe('hoodie flat. Change: add a kangaroo pocket');
    expect(form.get('size')).toBe('1536x1024');
    expect((await fileBytes(form, 'image'))?.equals(tinyPng)).toBe(true);
    expect((await fileBytes(form, 'mask'))?.equals(mask)).toBe(true);
    expect((form.get('image') as File).type).toBe('image/png');
    expect(form.get('response_format')).toBeNull();
  });

  it('asks DALL·E models for base64', async () => {
    server = await startFakeProvider(() => ({ body: recorded }));
    await openAiImageEngine({ apiKey: 'k', model: 'dall-e-3', baseUrl: server.base, guard: server.guard }).generate({ prompt: 'p', kind: 'callout', view: 'logo', params });
    expect(JSON.parse(server.seen[0]!.body.toString())).toMatchObject({ response_format: 'b64_json', size: '1024x1024' });
    expect(openAiSize('dall-e-3', 'concept')).toBe('1792x1024');
  });

  it('maps 429 and 5xx to a retryable failure, 400 to a rejection with the provider message', async () => {
    let status = 429;
    server = await startFakeProvider(() => ({ status, body: { error: { message: 'Rate limit reached', type: 'rate_limit' } } }));
    const engine = openAiImageEngine({ apiKey: 'k', baseUrl: server.base, guard: server.guard });
    await expect(engine.generate({ prompt: 'p', kind: 'flat', view: 'front', params })).rejects.toMatchObject({ code: 'IMAGE_PROVIDER_FAILED', retryable: true });
    status = 503;
    await expect(engine.generate({ prompt: 'p', kind: 'flat', view: 'front', params })).rejects.toMatchObject({ code: 'IMAGE_PROVIDER_FAILED', retryable: true });
    status = 400;
    await expect(engine.generate({ prompt: 'p', kind: 'flat', view: 'front', params })).rejects.toMatchObject({
      code: 'IMAGE_PROVIDER_REJECTED', retryable: false, status: 422, details: { provider: 'openai', httpStatus: 400, providerMessage: 'Rate limit reached' },
    });
    status = 401;
    await expect(engine.generate({ prompt: 'p', kind: 'flat', view: 'front', params })).rejects.toMatchObject({ code: 'IMAGE_PROVIDER_REJECTED', category: 'third_party' });
  });

  it('refuses a loopback address unless the guard allows it', async () => {
    server = await startFakeProvider(() => ({ body: recorded }));
    const engine = openAiImageEngine({ apiKey: 'k', baseUrl: server.base, guard: {} });
    await expect(engine.generate({ prompt: 'p', kind: 'flat', view: 'front', params })).rejects.toMatchObject({ code: 'OUTBOUND_URL_REFUSED' });
    expect(server.seen).toHaveLength(0);
  });
});
