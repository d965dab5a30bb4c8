import type { BlobStore } from '../artifacts/index.ts';
import type { Db } from '../db/index.ts';
import type { RunQueue } from '../engine/index.ts';
import type { Clock, Config, EventBus, Logger } from '../kernel/index.ts';
import type { UsageScope } from '../models/index.ts';
import type { ProjectVectorCache } from './project-vectors.ts';

/**
 * Turns texts into vectors with the workspace's embedding model; undefined when it has none (search
 * is then full-text only). createFoundry binds it to the model gateway.
 */
export type KnowledgeEmbedder = (scope: UsageScope, texts: string[], signal?: AbortSignal) => Promise<{ vectors: number[][]; model: string } | undefined>;

export interface KnowledgeLimits {
  /** Largest file or downloaded page, in bytes. */
  maxBytes: number;
  /** How long fetching a URL may take. */
  urlTimeoutMs: number;
}

/** What one process shares between ingestion and search: the vector cache and the embedder. */
export interface KnowledgeRuntime {
  vectors: ProjectVectorCache;
  embed?: KnowledgeEmbedder;
}

export interface KnowledgeDeps {
  db: Db;
  blobs: BlobStore;
  events: EventBus;
  queue: RunQueue;
  clock: Clock;
  logger: Logger;
  limits: KnowledgeLimits;
  /** FOUNDRY_SSRF_ALLOW: exceptions to the SSRF guard for URL sources. */
  ssrfAllow: string[];
  runtime: KnowledgeRuntime;
}

/** Knowledge's dependencies from a process's services and configuration. */
export function knowledgeDeps(
  services: Pick<KnowledgeDeps, 'db' | 'blobs' | 'events' | 'queue' | 'clock' | 'logger'> & { config: Config }, runtime: KnowledgeRuntime,
): KnowledgeDeps {
  const { config, db, blobs, events, queue, clock, logger } = services;
  return {
    db, blobs, events, queue, clock, logger, runtime, ssrfAllow: config.ssrfAllow,
    limits: { maxBytes: config.knowledgeMaxBytes, urlTimeoutMs: config.knowledgeUrlTimeoutMs },
  };
}
