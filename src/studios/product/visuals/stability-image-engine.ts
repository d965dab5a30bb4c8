// API: https://platform.stability.ai/docs/api-reference (v2beta stable-image generate/{core|ultra|sd3} and edit/inpaint; multipart, Accept: image/*).
import type { SsrfGuardOptions } from '../../../tools/index.ts';
import type { ImageEditRequest, ImageEngine, ImageKind, ImageRequest } from './image-engine.ts';
import { alphaMaskToGreyscale } from './mask-convert.ts';
import { pngBlob, pngBody, providerFetch } from './provider-error.ts';
import { FoundryError } from '../../../kernel/index.ts';

export interface StabilityImageOptions {
  apiKey: string;
  /** 'core', 'ultra', or an SD3 model such as 'sd3.5-large'. @default 'core' */
  model?: string;
  /** @default 'https://api.stability.ai' */
  baseUrl?: string;
  guard: SsrfGuardOptions;
  timeoutMs?: number;
}

const provider = 'stability';

function aspectRatio(kind: ImageKind): string {
  return kind === 'concept' ? '3:2' : kind === 'flat' ? '2:3' : '1:1';
}

/** Stability AI's Stable Image API: text-to-image, and inpainting for edits. */
export function stabilityImageEngine(options: StabilityImageOptions): ImageEngine {
  const model = options.model ?? 'core';
  const base = (options.baseUrl ?? 'https://api.stability.ai').replace(/\/+$/, '');
  const headers = { authorization: `Bearer ${options.apiKey}`, accept: 'image/*' };
  const send = async (path: string, form: FormData, signal?: AbortSignal) => {
    const response = await providerFetch(provider, `${base}${path}`, { method: 'POST', headers, body: form, guard: options.guard }, { signal, timeoutMs: options.timeoutMs });
    // A filtered result still answers 200, flagged in this header.
    if (response.headers.get('finish-reason') === 'CONTENT_FILTERED') {
      throw new FoundryError({ code: 'IMAGE_PROVIDER_REJECTED', status: 422, category: 'user', message: 'stability filtered the image for content.', details: { provider } });
    }
    return pngBody(provider, response);
  };
  return {
    id: provider,
    model,
    async generate(req: ImageRequest, signal?: AbortSignal) {
      const form = new FormData();
      form.append('prompt', req.prompt);
      form.append('output_format', 'png');
      form.append('aspect_ratio', aspectRatio(req.kind));
      const sd3 = model.startsWith('sd3');
      if (sd3) form.append('model', model);
      const png = await send(`/v2beta/stable-image/generate/${sd3 ? 'sd3' : model}`, form, signal);
      return { png, engine: { provider, model } };
    },
    async edit(req: ImageEditRequest, signal?: AbortSignal) {
      const form = new FormData();
      form.append('image', pngBlob(req.image), 'image.png');
      if (req.mask) form.append('mask', pngBlob(await alphaMaskToGreyscale(req.mask)), 'mask.png');
      form.append('prompt', `${req.prompt}. ${req.instruction}`);
      form.append('output_format', 'png');
      const png = await send('/v2beta/stable-image/edit/inpaint', form, signal);
      return { png, engine: { provider, model: 'inpaint' } };
    },
  };
}
