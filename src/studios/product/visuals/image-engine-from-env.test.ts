import { describe, expect, it } from 'vitest';
import { imageEngineFromEnv } from './image-engine-from-env.ts';

const guard = { allow: [] as string[] };

describe('imageEngineFromEnv', () => {
  it('returns undefined when no provider is named (the built-in engine is used)', () => {
    expect(imageEngineFromEnv({}, guard)).toBeUndefined();
    expect(imageEngineFromEnv({ FOUNDRY_IMAGE_PROVIDER: 'builtin', OPENAI_API_KEY: 'sk' }, guard)).toBeUndefined();
  });

  it('builds the named provider with its key and model', () => {
    expect(imageEngineFromEnv({ FOUNDRY_IMAGE_PROVIDER: 'openai', OPENAI_API_KEY: 'sk' }, guard)).toMatchObject({ id: 'openai', model: 'gpt-image-1' });
    expect(imageEngineFromEnv({ FOUNDRY_IMAGE_PROVIDER: 'openai', FOUNDRY_OPENAI_API_KEY: 'sk', FOUNDRY_IMAGE_MODEL: 'dall-e-3' }, guard)).toMatchObject({ model: 'dall-e-3' });
    expect(imageEngineFromEnv({ FOUNDRY_IMAGE_PROVIDER: 'Stability', STABILITY_API_KEY: 'k' }, guard)).toMatchObject({ id: 'stability', model: 'core' });
    expect(imageEngineFromEnv({ FOUNDRY_IMAGE_PROVIDER: 'replicate', REPLICATE_API_TOKEN: 'r8', FOUNDRY_IMAGE_MODEL: 'owner/model' }, guard)).toMatchObject({ id: 'replicate', model: 'owner/model' });
    expect(imageEngineFromEnv({ FOUNDRY_IMAGE_PROVIDER: 'comfyui', FOUNDRY_COMFYUI_URL: 'http://comfy.lan:8188' }, { allow: { cidrs: ['10.0.0.0/8'] } })).toMatchObject({ id: 'comfyui' });
  });

  it('throws a configuration error naming the missing key', () => {
    expect(() => imageEngineFromEnv({ FOUNDRY_IMAGE_PROVIDER: 'openai' }, guard)).toThrow('FOUNDRY_IMAGE_PROVIDER=openai needs OPENAI_API_KEY or FOUNDRY_OPENAI_API_KEY to be set.');
    expect(() => imageEngineFromEnv({ FOUNDRY_IMAGE_PROVIDER: 'stability', STABILITY_API_KEY: ' ' }, guard)).toThrow(/STABILITY_API_KEY/);
    expect(() => imageEngineFromEnv({ FOUNDRY_IMAGE_PROVIDER: 'replicate' }, guard)).toThrow(expect.objectContaining({ code: 'IMAGE_PROVIDER_KEY_MISSING', category: 'system' }));
    expect(() => imageEngineFromEnv({ FOUNDRY_IMAGE_PROVIDER: 'midjourney' }, guard)).toThrow(/not supported; use openai, stability, replicate, comfyui/);
    expect(() => imageEngineFromEnv({ FOUNDRY_IMAGE_PROVIDER: 'comfyui', FOUNDRY_COMFYUI_URL: 'not a url' }, guard)).toThrow(/not a valid URL/);
  });
});
