/** Server: the HTTP API (Fastify), server-sent events, OpenAPI, metrics and the web UI. */
export { createFoundry, startFoundry, type CreateFoundryOptions, type Foundry, type RunningFoundry } from './foundry.ts';
export { buildApp, type FoundryApp, type RouteInfo } from './app.ts';
export type { AppDeps } from './app-deps.ts';
