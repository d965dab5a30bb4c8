// API: https://docs.comfy.org/development/comfyui-server/comms_routes (POST /prompt, GET /history/{prompt_id}, GET /view, POST /upload/image).
import type { SsrfGuardOptions } from '../../../tools/index.ts';
import { comfyWorkflow } from './comfyui-workflow.ts';
import type { ImageEditRequest, ImageEngine, ImageRequest } from './image-engine.ts';
import { pngBlob, pngBody, providerFailure, providerFetch } from './provider-error.ts';

export interface ComfyUiImageOptions {
  /** @default 'http://127.0.0.1:8188' */
  baseUrl?: string;
  /** Checkpoint file the default workflow loads. @default 'sd_xl_base_1.0.safetensors' */
  checkpoint?: string;
  guard: SsrfGuardOptions;
  timeoutMs?: number;
  /** @default 1000 */
  pollMs?: number;
  /** Sent as client_id with each prompt. @default 'foundry' */
  clientId?: string;
}

interface HistoryEntry {
  status?: { status_str?: string; completed?: boolean; messages?: unknown[] };
  outputs?: Record<string, { images?: { filename: string; subfolder?: string; type?: string }[] }>;
}

const provider = 'comfyui';

/** A local ComfyUI server: queues the workflow, polls its history, downloads the saved image. */
export function comfyUiImageEngine(options: ComfyUiImageOptions): ImageEngine {
  const base = (options.baseUrl ?? 'http://127.0.0.1:8188').replace(/\/+$/, '');
  const checkpoint = options.checkpoint ?? 'sd_xl_base_1.0.safetensors';
  const call = (path: string, init: Omit<Parameters<typeof providerFetch>[2], 'guard'>, signal?: AbortSignal) =>
    providerFetch(provider, `${base}${path}`, { ...init, guard: options.guard }, { signal, timeoutMs: options.timeoutMs });

  const upload = async (png: Buffer, name: string, signal?: AbortSignal): Promise<string> => {
    const form = new FormData();
    form.append('image', pngBlob(png), name);
    form.append('type', 'input');
    form.append('overwrite', 'true');
    const saved = await (await call('/upload/image', { method: 'POST', body: form }, signal)).json() as { name?: string; subfolder?: string };
    if (!saved.name) throw providerFailure(provider, 'the upload returned no file name.');
    return saved.subfolder ? `${saved.subfolder}/${saved.name}` : saved.name;
  };

  const run = async (workflow: ReturnType<typeof comfyWorkflow>, signal?: AbortSignal) => {
    const queued = await (await call('/prompt', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prompt: workflow, client_id: options.clientId ?? 'foundry' }),
    }, signal)).json() as { prompt_id?: string };
    const id = queued.prompt_id;
    if (!id) throw providerFailure(provider, 'the prompt was not queued.');
    const until = Date.now() + (options.timeoutMs ?? 300_000);
    for (;;) {
      const history = await (await call(`/history/${encodeURIComponent(id)}`, {}, signal)).json() as Record<string, HistoryEntry>;
      const entry = history[id];
      if (entry?.status?.status_str === 'error') throw providerFailure(provider, 'the workflow failed.');
      const image = Object.values(entry?.outputs ?? {}).flatMap((o) => o.images ?? [])[0];
      if (image) {
        const query = new URLSearchParams({ filename: image.filename, subfolder: image.subfolder ?? '', type: image.type ?? 'output' });
        return pngBody(provider, await call(`/view?${query.toString()}`, {}, signal));
      }
      if (entry?.status?.completed) throw providerFailure(provider, 'the workflow finished without saving an image.');
      if (Date.now() > until) throw providerFailure(provider, 'the workflow did not finish in time.', true);
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 1000));
      signal?.throwIfAborted();
    }
  };

  return {
    id: provider,
    model: checkpoint,
    async generate(req: ImageRequest, signal?: AbortSignal) {
      const png = await run(comfyWorkflow({ prompt: req.prompt, kind: req.kind, checkpoint }), signal);
      return { png, engine: { provider, model: checkpoint } };
    },
    async edit(req: ImageEditRequest, signal?: AbortSignal) {
      const image = await upload(req.image, 'foundry-edit.png', signal);
      const mask = req.mask ? await upload(req.mask, 'foundry-edit-mask.png', signal) : undefined;
      const png = await run(comfyWorkflow({ prompt: `${req.prompt}. ${req.instruction}`, kind: req.kind, checkpoint, image, mask }), signal);
      return { png, engine: { provider, model: checkpoint } };
    },
  };
}
