// API: https://replicate.com/docs/reference/http (models.predictions.create: POST /v1/models/{owner}/{name}/predictions, "Prefer: wait" for sync mode).
import type { SsrfGuardOptions } from '../../../tools/index.ts';
import type { GeneratedImage, ImageEditRequest, ImageEngine, ImageKind, ImageRequest } from './image-engine.ts';
import { alphaMaskToGreyscale } from './mask-convert.ts';
import { pngBody, providerFailure, providerFetch } from './provider-error.ts';

export interface ReplicateImageOptions {
  apiToken: string;
  /** "owner/name" of an official model, or "owner/name:version". @default 'black-forest-labs/flux-schnell' */
  model?: string;
  /** Model for edits with a mask (inpainting). @default 'black-forest-labs/flux-fill-pro' */
  fillModel?: string;
  /** Model for edits without a mask (instruction editing). @default 'black-forest-labs/flux-kontext-pro' */
  editModel?: string;
  /** @default 'https://api.replicate.com' */
  baseUrl?: string;
  guard: SsrfGuardOptions;
  timeoutMs?: number;
  /** Delay between polls of a prediction still running after the synchronous wait. @default 1000 */
  pollMs?: number;
}

interface Prediction {
  id?: string;
  status?: 'starting' | 'processing' | 'succeeded' | 'failed' | 'canceled';
  output?: unknown;
  error?: unknown;
  urls?: { get?: string };
}

const provider = 'replicate';

function aspectRatio(kind: ImageKind): string {
  return kind === 'concept' ? '3:2' : kind === 'flat' ? '2:3' : '1:1';
}

const dataUri = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

/** Replicate: runs a model (sync mode, then polling), then downloads the output file, each request through the SSRF guard. */
export function replicateImageEngine(options: ReplicateImageOptions): ImageEngine {
  const model = options.model ?? 'black-forest-labs/flux-schnell';
  const base = (options.baseUrl ?? 'https://api.replicate.com').replace(/\/+$/, '');
  const auth = { authorization: `Bearer ${options.apiToken}` };
  const deadline = () => Date.now() + (options.timeoutMs ?? 180_000);

  const run = async (modelRef: string, input: Record<string, unknown>, signal?: AbortSignal): Promise<GeneratedImage> => {
    const [ownerName, version] = modelRef.split(':');
    const url = version ? `${base}/v1/predictions` : `${base}/v1/models/${ownerName}/predictions`;
    const body = version ? { version, input } : { input };
    const until = deadline();
    const response = await providerFetch(provider, url, {
      method: 'POST', headers: { ...auth, 'content-type': 'application/json', prefer: 'wait' }, body: JSON.stringify(body), guard: options.guard,
    }, { signal, timeoutMs: options.timeoutMs });
    let prediction = await response.json() as Prediction;
    while (prediction.status === 'starting' || prediction.status === 'processing') {
      const get = prediction.urls?.get ?? (prediction.id ? `${base}/v1/predictions/${prediction.id}` : undefined);
      if (!get || Date.now() > until) throw providerFailure(provider, 'the prediction did not finish in time.', true);
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 1000));
      signal?.throwIfAborted();
      prediction = await (await providerFetch(provider, get, { headers: auth, guard: options.guard }, { signal, timeoutMs: options.timeoutMs })).json() as Prediction;
    }
    if (prediction.status !== 'succeeded') {
      throw providerFailure(provider, `the prediction ${prediction.status ?? 'ended'}: ${typeof prediction.error === 'string' ? prediction.error : 'no output'}.`);
    }
    const output = Array.isArray(prediction.output) ? prediction.output[0] : prediction.output;
    if (typeof output !== 'string' || output === '') throw providerFailure(provider, 'the prediction has no output file.');
    // The output lives on a delivery host: fetched through the guard, without the API token.
    const file = await providerFetch(provider, output, { guard: options.guard }, { signal, timeoutMs: options.timeoutMs });
    return { png: await pngBody(provider, file), engine: { provider, model: modelRef } };
  };

  return {
    id: provider,
    model,
    generate(req: ImageRequest, signal?: AbortSignal) {
      return run(model, { prompt: req.prompt, aspect_ratio: aspectRatio(req.kind), output_format: 'png', num_outputs: 1 }, signal);
    },
    async edit(req: ImageEditRequest, signal?: AbortSignal) {
      const prompt = `${req.prompt}. ${req.instruction}`;
      // FLUX Fill reads white as "repaint" and black as "keep".
      return req.mask
        ? run(options.fillModel ?? 'black-forest-labs/flux-fill-pro', { prompt, image: dataUri(req.image), mask: dataUri(await alphaMaskToGreyscale(req.mask)), output_format: 'png' }, signal)
        : run(options.editModel ?? 'black-forest-labs/flux-kontext-pro', { prompt, input_image: dataUri(req.image), output_format: 'png' }, signal);
    },
  };
}
