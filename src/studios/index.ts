import type { BlobStore } from '../artifacts/index.ts';
import type { Db } from '../db/index.ts';
import type { Clock, Config, EventBus, FoundryPlugin, Logger } from '../kernel/index.ts';
import { builtinImageEngine, imageEngineFromEnv, productStudioPlugin } from './product/index.ts';

export interface StudioDeps {
  db: Db;
  blobs: BlobStore;
  events: EventBus;
  clock: Clock;
  logger: Logger;
  config: Config;
  env: NodeJS.ProcessEnv;
}

/**
 * The studios Foundry runs. Each studio lives in `studios/<name>/` and exports one FoundryPlugin
 * (routes, tools, node types, conversation handler, UI pages); studios never import each other,
 * and the kernel never imports them: the server builds this list with its services.
 */
export function studioPlugins(deps: StudioDeps): FoundryPlugin[] {
  const images = imageEngineFromEnv(deps.env, { allow: deps.config.ssrfAllow }) ?? builtinImageEngine;
  return [productStudioPlugin({ ...deps, images, maxArtifactBytes: deps.config.artifactMaxBytes })];
}
