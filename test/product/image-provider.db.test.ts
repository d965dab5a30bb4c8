import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTextPng } from '../support/knowledge-fixtures.ts';
import { createTestFoundry, signUpUser, type TestFoundry } from '../support/test-foundry.ts';
import { productApi } from './product-journey-support.ts';

/** OpenAI's Images API at the HTTP boundary: it answers generations and edits with a PNG and records what it was sent. */
const calls: { path: string; contentType: string; body: Buffer; auth: string }[] = [];
let provider: Server;
let foundry: TestFoundry;

const read = async (request: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

beforeAll(async () => {
  provider = createServer((request, response) => {
    void read(request).then((body) => {
      calls.push({ path: request.url ?? '', contentType: request.headers['content-type'] ?? '', body, auth: request.headers.authorization ?? '' });
      const png = makeTextPng([request.url?.includes('edits') ? 'EDITED' : 'CONCEPT']).toString('base64');
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ created: 1_764_000_000, data: [{ b64_json: png, revised_prompt: 'a minimalist phone case' }] }));
    });
  });
  await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(provider.address() as AddressInfo).port}/v1`;
  foundry = await createTestFoundry({}, { env: { FOUNDRY_IMAGE_PROVIDER: 'openai', OPENAI_API_KEY: 'sk-test-images', FOUNDRY_IMAGE_BASE_URL: base } });
});
afterAll(async () => {
  await foundry?.dispose();
  await new Promise((resolve) => provider?.close(resolve));
});

describe('a configured image provider', () => {
  it('draws the concept sketches and inpaints the chosen one when the design is changed in words; flats stay built-in line art', async () => {
    const api = productApi(foundry, await signUpUser(foundry));
    const projectId = await api.createProject('Provider cases');
    await api.chat(projectId, 'Custom phone cases for the iPhone 15');
    await api.chat(projectId, 'Go ahead');
    let dpg = await api.dpg(projectId);
    expect(dpg.visualAssets.concept_sketches.map((a) => a.engine)).toEqual(Array(3).fill({ provider: 'openai', model: 'gpt-image-1' }));
    expect(dpg.visualAssets.flat_views.front[0]!.engine.provider).toBe('builtin');
    const generations = calls.filter((c) => c.path === '/v1/images/generations');
    expect(generations).toHaveLength(3);
    expect(generations[0]!.auth).toBe('Bearer sk-test-images');
    expect(JSON.parse(generations[0]!.body.toString())).toMatchObject({ model: 'gpt-image-1', n: 1 });

    await api.chat(projectId, 'I like #2 but the logo should be smaller');
    dpg = await api.dpg(projectId);
    const edits = calls.filter((c) => c.path === '/v1/images/edits');
    expect(edits).toHaveLength(1);
    expect(edits[0]!.contentType).toMatch(/^multipart\/form-data/);
    expect(edits[0]!.body.toString('latin1')).toContain('name="image"; filename="image.png"');
    expect(edits[0]!.body.toString('latin1')).toContain('logo should be smaller');
    const second = dpg.visualAssets.concept_sketches.filter((a) => a.view === '2');
    expect(second.map((a) => a.version)).toEqual([1, 2]);
    expect(second[1]!.parentId).toBe(second[0]!.id);
    expect(second[1]!.engine.provider).toBe('openai');
    expect(dpg.visualAssets.flat_views.front.map((a) => a.version)).toEqual([1, 2]);
  });
});
