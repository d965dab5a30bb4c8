import { afterEach, describe, expect, it } from 'vitest';
import { comfyUiImageEngine } from './comfyui-image-engine.ts';
import { comfyWorkflow } from './comfyui-workflow.ts';
import { designParamsFor } from './design-params.ts';
import { fileBytes, formOf, startFakeProvider, tinyPng } from './provider-test-server.ts';

const params = designParamsFor({ title: 'Hoodie', category: 'apparel', summary: '', data: { garment_type: 'hoodie' } });
let server: Awaited<ReturnType<typeof startFakeProvider>> | undefined;
afterEach(async () => { await server?.close(); server = undefined; });

const promptId = '9c2e5f0a-1b2c-4d3e-8f90-123456789abc';
/** A finished /history/{id} entry as ComfyUI records it. */
const history = {
  [promptId]: {
    prompt: [3, promptId, {}, {}, ['9']],
    outputs: { '9': { images: [{ filename: 'foundry_00001_.png', subfolder: '', type: 'output' }] } },
    status: { status_str: 'success', completed: true, messages: [['execution_start', { prompt_id: promptId }]] },
  },
};

describe('comfyUiImageEngine', () => {
  it('queues the workflow, polls the history and downloads the image', async () => {
    let polls = 0;
    server = await startFakeProvider((req) => {
      if (req.path === '/prompt') return { body: { prompt_id: promptId, number: 3, node_errors: {} } };
      if (req.path.startsWith('/history/')) return { body: ++polls < 2 ? {} : history };
      return { body: tinyPng };
    });
    const engine = comfyUiImageEngine({ baseUrl: server.base, guard: server.guard, pollMs: 5, checkpoint: 'model.safetensors' });
    const image = await engine.generate({ prompt: 'technical flat of a hoodie', kind: 'flat', view: 'front', params });
    expect(image.png.equals(tinyPng)).toBe(true);
    expect(image.engine).toEqual({ provider: 'comfyui', model: 'model.safetensors' });
    expect(server.seen.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /prompt', `GET /history/${promptId}`, `GET /history/${promptId}`, 'GET /view?filename=foundry_00001_.png&subfolder=&type=output',
    ]);
    const body = JSON.parse(server.seen[0]!.body.toString());
    expect(body.client_id).toBe('foundry');
    expect(body.prompt['4'].inputs.ckpt_name).toBe('model.safetensors');
    expect(body.prompt['6'].inputs.text).toBe('technical flat of a hoodie');
    expect(body.prompt['5'].inputs).toEqual({ width: 832, height: 1216, batch_size: 1 });
    expect(body.prompt['3'].inputs.latent_image).toEqual(['5', 0]);
  });

  it('uploads the image and mask for an edit and inpaints them', async () => {
    server = await startFakeProvider((req) => {
      if (req.path === '/upload/image') return { body: { name: req.body.includes('mask') ? 'foundry-edit-mask.png' : 'foundry-edit.png', subfolder: '', type: 'input' } };
      if (req.path === '/prompt') return { body: { prompt_id: promptId, number: 1, node_errors: {} } };
      if (req.path.startsWith('/history/')) return { body: history };
      return { body: tinyPng };
    });
    await comfyUiImageEngine({ baseUrl: server.base, guard: server.guard, pollMs: 5 }).edit({ prompt: 'hoodie', kind: 'flat', view: 'front', params, image: tinyPng, mask: tinyPng, instruction: 'add a zip' });
    const uploads = server.seen.filter((r) => r.path === '/upload/image');
    expect(uploads).toHaveLength(2);
    const form = await formOf(uploads[0]!);
    expect((await fileBytes(form, 'image'))?.equals(tinyPng)).toBe(true);
    expect(form.get('type')).toBe('input');
    const graph = JSON.parse(server.seen.find((r) => r.path === '/prompt')!.body.toString()).prompt;
    expect(graph['10'].inputs.image).toBe('foundry-edit.png');
    expect(graph['11']).toEqual({ class_type: 'LoadImageMask', inputs: { image: 'foundry-edit-mask.png', channel: 'alpha' } });
    expect(graph['12'].class_type).toBe('VAEEncodeForInpaint');
    expect(graph['6'].inputs.text).toBe('hoodie. add a zip');
  });

  it('reports a workflow the server refuses and one that fails', async () => {
    server = await startFakeProvider((req) => req.path === '/prompt'
      ? { status: 400, body: { error: { type: 'prompt_outputs_failed_validation', message: 'Prompt outputs failed validation', details: '' }, node_errors: {} } }
      : { body: {} });
    await expect(comfyUiImageEngine({ baseUrl: server.base, guard: server.guard }).generate({ prompt: 'p', kind: 'flat', view: 'front', params }))
      .rejects.toMatchObject({ code: 'IMAGE_PROVIDER_REJECTED', details: { providerMessage: 'Prompt outputs failed validation' } });
    await server.close();
    server = await startFakeProvider((req) => req.path === '/prompt' ? { body: { prompt_id: promptId } } : { body: { [promptId]: { outputs: {}, status: { status_str: 'error', completed: false } } } });
    await expect(comfyUiImageEngine({ baseUrl: server.base, guard: server.guard }).generate({ prompt: 'p', kind: 'flat', view: 'front', params })).rejects.toThrow(/workflow failed/);
  });

  it('starts img2img from the image without a mask', () => {
    const graph = comfyWorkflow({ prompt: 'p', kind: 'concept', checkpoint: 'c', image: 'in.png' });
    expect(graph['12']!.class_type).toBe('VAEEncode');
    expect(graph['3']!.inputs.denoise).toBe(0.55);
    expect(graph['5']).toBeUndefined();
  });
});
