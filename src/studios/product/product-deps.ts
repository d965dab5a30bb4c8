import type { BlobStore } from '../../artifacts/index.ts';
import type { Db } from '../../db/index.ts';
import type { Clock, EventBus, Logger } from '../../kernel/index.ts';
import type { ImageEngine } from './visuals/index.ts';

export interface ProductDeps {
  db: Db;
  blobs: BlobStore;
  events: EventBus;
  clock: Clock;
  logger: Logger;
  /** Draws concept sketches: a configured provider, or the built-in engine. */
  images: ImageEngine;
  /** Upload size limit for artifacts, in bytes. */
  maxArtifactBytes: number;
}
