import type { ImageKind } from './image-engine.ts';

/** A ComfyUI workflow in API format: node id → class and inputs (links are [node id, output index]). */
export type ComfyWorkflow = Record<string, { class_type: string; inputs: Record<string, unknown> }>;

export interface WorkflowInput {
  prompt: string;
  kind: ImageKind;
  checkpoint: string;
  /** Uploaded image name for edits (img2img), and the mask's for inpainting. */
  image?: string;
  mask?: string;
}

const negative = 'photograph, blurry, noisy, watermark, signature, garbled text, extra limbs, cropped';

/** SDXL-friendly sizes per kind: concepts landscape, flats portrait, callouts square. */
export function comfySize(kind: ImageKind): { width: number; height: number } {
  return kind === 'concept' ? { width: 1216, height: 832 } : kind === 'flat' ? { width: 832, height: 1216 } : { width: 1024, height: 1024 };
}

/** A seed from the prompt (FNV-1a), so the same request draws the same picture. */
export function seedFor(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * The default graph: checkpoint → prompts → KSampler → VAE decode → SaveImage. With an image it
 * starts from the image (img2img, denoise 0.55); with a mask too it inpaints (VAEEncodeForInpaint).
 */
export function comfyWorkflow(input: WorkflowInput): ComfyWorkflow {
  const { width, height } = comfySize(input.kind);
  const graph: ComfyWorkflow = {
    '4': { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: input.checkpoint } },
    '6': { class_type: 'CLIPTextEncode', inputs: { text: input.prompt, clip: ['4', 1] } },
    '7': { class_type: 'CLIPTextEncode', inputs: { text: negative, clip: ['4', 1] } },
    '8': { class_type: 'VAEDecode', inputs: { samples: ['3', 0], vae: ['4', 2] } },
    '9': { class_type: 'SaveImage', inputs: { filename_prefix: 'foundry', images: ['8', 0] } },
  };
  let latent: [string, number] = ['5', 0];
  let denoise = 1;
  if (input.image === undefined) {
    graph['5'] = { class_type: 'EmptyLatentImage', inputs: { width, height, batch_size: 1 } };
  } else {
    graph['10'] = { class_type: 'LoadImage', inputs: { image: input.image } };
    if (input.mask !== undefined) {
      // LoadImageMask's alpha channel gives 1 − alpha: transparent pixels are the ones to repaint.
      graph['11'] = { class_type: 'LoadImageMask', inputs: { image: input.mask, channel: 'alpha' } };
      graph['12'] = { class_type: 'VAEEncodeForInpaint', inputs: { pixels: ['10', 0], vae: ['4', 2], mask: ['11', 0], grow_mask_by: 6 } };
    } else {
      graph['12'] = { class_type: 'VAEEncode', inputs: { pixels: ['10', 0], vae: ['4', 2] } };
      denoise = 0.55;
    }
    latent = ['12', 0];
  }
  graph['3'] = {
    class_type: 'KSampler',
    inputs: { seed: seedFor(input.prompt), steps: 25, cfg: 6.5, sampler_name: 'euler', scheduler: 'normal', denoise, model: ['4', 0], positive: ['6', 0], negative: ['7', 0], latent_image: latent },
  };
  return graph;
}
