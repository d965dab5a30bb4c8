import type { DesignParams } from './design-params.ts';
import type { DesignChange } from './edit-context.ts';

export type ImageKind = 'concept' | 'flat' | 'callout';

export interface ImageRequest {
  prompt: string;
  kind: ImageKind;
  /** 'front' | 'back' | 'side' for flats, '1'..'3' for concepts, the callout's name for callouts. */
  view: string;
  /** The design drawn; the built-in engine draws from it, providers only read the prompt. */
  params: DesignParams;
  widthPx?: number;
}

export type ImageEditRequest = ImageRequest & {
  /** The PNG being changed. */
  image: Buffer;
  /** Optional PNG the size of `image`, transparent where the image may change (OpenAI's convention). */
  mask?: Buffer;
  instruction: string;
};

export interface GeneratedImage {
  png: Buffer;
  /** The vector original, when the engine draws vectors (the built-in engine). */
  svg?: string;
  engine: { provider: string; model: string };
  revisedPrompt?: string;
  /** The design after an edit, when the engine edits parameters rather than pixels. */
  params?: DesignParams;
  changes?: DesignChange[];
}

/** Draws and edits product images: the built-in vector engine or an image-generation provider. */
export interface ImageEngine {
  id: string;
  model: string;
  generate(req: ImageRequest, signal?: AbortSignal): Promise<GeneratedImage>;
  edit(req: ImageEditRequest, signal?: AbortSignal): Promise<GeneratedImage>;
}
