/**
 * Models: language, embedding and image providers, the built-in offline engines, structured
 * output, retries, timeouts, circuit breakers, caching, token and cost accounting.
 */
export * from './entities.ts';
export * from './language-engine.ts';
export * from './model-errors.ts';
