/**
 * Models: language, embedding and image providers, the built-in offline engines, structured
 * output, retries, timeouts, circuit breakers, caching, token and cost accounting.
 * Empty until the models issue lands; nothing may import internals of this folder.
 */
export {};
