// API: https://platform.openai.com/docs/api-reference/images (POST /v1/images/generations JSON, /v1/images/edits multipart; GPT image models return b64_json).
import type { SsrfGuardOptions } from '../../../tools/index.ts';
import type { GeneratedImage, ImageEditRequest, ImageEngine, ImageKind, ImageRequest } from './image-engine.ts';
import { pngBlob, pngFromBase64, providerFailure, providerFetch } from './provider-error.ts';

export interface OpenAiImageOptions {
  apiKey: string;
  /** @default 'gpt-image-1' */
  model?: string;
  /** @default 'https://api.openai.com/v1' */
  baseUrl?: string;
  guard: SsrfGuardOptions;
  timeoutMs?: number;
}

const provider = 'openai';

/** Image size per kind of picture: concepts landscape, flats portrait, callouts square. */
export function openAiSize(model: string, kind: ImageKind): string {
  if (model === 'dall-e-2') return '1024x1024';
  const wide = model === 'dall-e-3' ? '1792x1024' : '1536x1024';
  const tall = model === 'dall-e-3' ? '1024x1792' : '1024x1536';
  return kind === 'concept' ? wide : kind === 'flat' ? tall : '1024x1024';
}

interface ImagesResponse { data?: { b64_json?: string; revised_prompt?: string }[] }

/** OpenAI's Images API: generations from the prompt, edits of a PNG with an optional mask. */
export function openAiImageEngine(options: OpenAiImageOptions): ImageEngine {
  const model = options.model ?? 'gpt-image-1';
  const base = (options.baseUrl ?? 'https://api.openai.com/v1').replace(/\/+$/, '');
  const auth = { authorization: `Bearer ${options.apiKey}` };
  // DALL·E models answer with URLs unless asked; GPT image models always return base64 and refuse the field.
  const legacy = model.startsWith('dall-e');
  const result = (json: ImagesResponse): GeneratedImage => {
    const first = json.data?.[0];
    if (!first) throw providerFailure(provider, 'returned no image.');
    return { png: pngFromBase64(provider, first.b64_json), engine: { provider, model }, revisedPrompt: first.revised_prompt };
  };
  return {
    id: provider,
    model,
    async generate(req: ImageRequest, signal?: AbortSignal) {
      const body: Record<string, unknown> = { model, prompt: req.prompt, n: 1, size: openAiSize(model, req.kind) };
      if (legacy) body.response_format = 'b64_json';
      const response = await providerFetch(provider, `${base}/images/generations`, {
        method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(body), guard: options.guard,
      }, { signal, timeoutMs: options.timeoutMs });
      return result(await response.json() as ImagesResponse);
    },
    async edit(req: ImageEditRequest, signal?: AbortSignal) {
      const form = new FormData();
      form.append('model', model);
      form.append('prompt', `${req.prompt}. Change: ${req.instruction}`);
      form.append('image', pngBlob(req.image), 'image.png');
      if (req.mask) form.append('mask', pngBlob(req.mask), 'mask.png');
      form.append('n', '1');
      form.append('size', openAiSize(model, req.kind));
      if (legacy) form.append('response_format', 'b64_json');
      const response = await providerFetch(provider, `${base}/images/edits`, { method: 'POST', headers: auth, body: form, guard: options.guard }, { signal, timeoutMs: options.timeoutMs });
      return result(await response.json() as ImagesResponse);
    },
  };
}
