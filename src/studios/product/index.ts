/** The product studio: from an idea to an approved Digital Product Genome, visuals, an RFQ and ranked quotes. */
export { productStudioPlugin } from './product-plugin.ts';
export type { ProductDeps } from './product-deps.ts';
export { builtinImageEngine, imageEngineFromEnv, type ImageEngine } from './visuals/index.ts';
export * from './dpg-data.ts';
export * from './dpg-stages.ts';
