import type { BlobStore } from '../artifacts/index.ts';
import type { Db } from '../db/index.ts';
import type { RunQueue, RunWorker } from '../engine/index.ts';
import type { KnowledgeRuntime } from '../knowledge/index.ts';
import type { Clock, Config, EventBus, Logger, PluginRegistry } from '../kernel/index.ts';
import type { FoundryModelGateway } from '../models/index.ts';
import type { MasterKeys } from '../vault/index.ts';

/** Everything the HTTP layer needs, built once by startFoundry (or by a test). */
export interface AppDeps {
  config: Config;
  db: Db;
  /** Answers whether the database is reachable, for /readyz. */
  ping: () => Promise<void>;
  events: EventBus;
  /** Tells workers about runs to drive. */
  queue: RunQueue;
  /** This process's workflow worker, when it runs one. */
  worker?: RunWorker | undefined;
  clock: Clock;
  keys: MasterKeys;
  blobs: BlobStore;
  /** Knowledge search's vector cache and embedder, shared with this process's ingestion runs. */
  knowledge: KnowledgeRuntime;
  /** Language and embedding models per workspace and role, with budgets, fallback and usage records. */
  models: FoundryModelGateway;
  logger: Logger;
  plugins: PluginRegistry;
}
