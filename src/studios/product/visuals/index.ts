/**
 * Visuals engine of the product studio: design parameters from a DPG, worded edits, technical
 * flats, concept sketches and callouts as SVG, PNG rendering, and image engines (built-in or a
 * provider: OpenAI, Stability, Replicate, ComfyUI).
 */
export { designParamsFor, parsePlacement, maxLogoWidth, type DesignParams, type DesignColors, type LogoParams, type LogoPlacement, type Face, type Variant } from './design-params.ts';
export type { ApparelParams, BagParams, DrinkwareParams, HardGoodParams, PhoneCaseParams } from './design-params.ts';
export { caseOuter } from './params-phone-case.ts';
export { devices, findDevice, devicesMentioned, type DeviceSpec } from './device-dimensions.ts';
export { applyDesignEdit, type DesignChange } from './edit-design.ts';
export { drawTechnicalFlat, type FlatOptions } from './draw-flat.ts';
export { drawConceptSketch } from './draw-concept.ts';
export { calloutsFor } from './draw-callout.ts';
export { conceptCaption } from './concept-caption.ts';
export { flatViews, type FlatView } from './category-views.ts';
export { renderPng } from './render-png.ts';
export { isPng, pngSize } from './png-info.ts';
export type { ImageEngine, ImageRequest, ImageEditRequest, GeneratedImage, ImageKind } from './image-engine.ts';
export { builtinImageEngine } from './builtin-image-engine.ts';
export { openAiImageEngine, type OpenAiImageOptions } from './openai-image-engine.ts';
export { stabilityImageEngine, type StabilityImageOptions } from './stability-image-engine.ts';
export { replicateImageEngine, type ReplicateImageOptions } from './replicate-image-engine.ts';
export { comfyUiImageEngine, type ComfyUiImageOptions } from './comfyui-image-engine.ts';
export { imageEngineFromEnv, type ImageGuardConfig } from './image-engine-from-env.ts';
export { colorHexFor, colorNames } from './color-names.ts';
