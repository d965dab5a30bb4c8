import { join } from 'node:path';
import { createFileBlobStore } from '../artifacts/index.ts';
import { createPgEventBus, openDatabase, type Database } from '../db/index.ts';
import { createCircuitBreakers, createRunJobQueue, startRunWorker, startTriggerRuntime, type RunWorker } from '../engine/index.ts';
import { builtinToolsPlugin, configuredMcpServers, connectMcpServers } from '../tools/index.ts';
import { conversationPlugin, projectKnowledgeSearch } from '../agents/index.ts';
import {
  createProjectVectorCache, gatewayEmbedder, knowledgeDeps, knowledgeToolsPlugin, stopOcr, type KnowledgeRuntime,
} from '../knowledge/index.ts';
import {
  createLogger, createPluginRegistry, loadConfig, systemClock, type Config, type ConfigInput, type FoundryPlugin, type Logger,
} from '../kernel/index.ts';
import { createBuiltinEngine, createModelGateway, createUsageLedger, modelNodeCaller } from '../models/index.ts';
import { studioPlugins } from '../studios/index.ts';
import { loadMasterKeys } from '../vault/index.ts';
import type { AppDeps } from './app-deps.ts';
import { buildApp, type FoundryApp } from './app.ts';

export interface CreateFoundryOptions {
  /** Options that win over the environment (CLI flags, tests). */
  config?: ConfigInput;
  env?: NodeJS.ProcessEnv;
  plugins?: FoundryPlugin[];
  logger?: Logger;
  /**
   * Fire schedule, file and email triggers from this process.
   * @default true (`foundry worker` processes leave it to the serve processes)
   */
  triggers?: boolean;
}

export interface Foundry extends FoundryApp {
  config: Config;
  deps: AppDeps;
  database: Database;
  /** The workflow worker of this process, unless it was turned off (`--no-worker`). */
  worker: RunWorker | undefined;
  /** Closes the HTTP server, the event bus and the database (stopping an embedded server it owns). */
  close(): Promise<void>;
}

/** Wires a Foundry process: configuration, database (migrated), vault keys, artifacts, events, HTTP app. */
export async function createFoundry(options: CreateFoundryOptions = {}): Promise<Foundry> {
  const config = loadConfig({ env: options.env, overrides: options.config });
  const mcpServers = await configuredMcpServers(config);
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const database = await openDatabase({ config, logger });
  const cleanups: (() => Promise<void>)[] = [() => database.close()];
  const closeAll = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => logger.error({ err: error }, 'shutdown step failed'));
  };
  try {
    const events = await createPgEventBus({ url: database.url, logger });
    cleanups.push(() => events.close());
    const queue = await createRunJobQueue({ url: database.url, logger });
    cleanups.push(() => queue.close());
    const blobs = createFileBlobStore(join(config.dataDir, 'artifacts'));
    const keys = await loadMasterKeys({ masterKey: config.masterKey, dataDir: config.dataDir });
    const breakers = createCircuitBreakers();
    const models = createModelGateway({
      db: database.db, keys, config, logger, builtin: createBuiltinEngine(), ledger: createUsageLedger({ db: database.db }), breakers,
    });
    const knowledge: KnowledgeRuntime = { vectors: createProjectVectorCache(), embed: gatewayEmbedder(models) };
    cleanups.push(() => stopOcr());
    const knowledgeServices = knowledgeDeps({ config, db: database.db, blobs, events, queue, clock: systemClock, logger }, knowledge);
    const mcp = await connectMcpServers({ servers: mcpServers, ssrfAllow: config.ssrfAllow, logger });
    cleanups.push(() => mcp.close());
    const conversation = conversationPlugin({
      db: database.db, events, models, logger, plugins: { conversationHandler: (studio) => plugins.conversationHandler(studio) },
      searchKnowledge: projectKnowledgeSearch(knowledgeServices),
    });
    const plugins = createPluginRegistry([
      builtinToolsPlugin({ allow: config.ssrfAllow }), ...mcp.plugins, knowledgeToolsPlugin(knowledgeServices), conversation,
      ...studioPlugins({ db: database.db, blobs, events, clock: systemClock, logger, config, env: options.env ?? process.env }), ...(options.plugins ?? []),
    ]);
    const worker = config.worker ? await startRunWorker({
      db: database.db, pool: database.pool, events, queue, logger, tools: () => plugins.tools(), callModel: modelNodeCaller(models), breakers,
      concurrency: config.workerConcurrency,
      runConcurrency: config.runConcurrency, workspaceConcurrency: config.workspaceConcurrency, toolConcurrency: config.toolConcurrency, leaseMs: config.leaseMs,
    }) : undefined;
    if (worker) cleanups.push(() => worker.stop());
    const deps: AppDeps = {
      config, db: database.db, events, queue, worker, clock: systemClock, logger,
      ping: async () => void (await database.pool.query('select 1')),
      keys,
      blobs,
      knowledge,
      models,
      plugins,
    };
    if (options.triggers !== false) {
      const names = () => new Set(plugins.tools().map((t) => t.name));
      const triggers = await startTriggerRuntime({ ...deps, hasTool: (name) => names().has(name) });
      cleanups.push(() => triggers.close());
    }
    const built = await buildApp(deps);
    cleanups.push(() => built.app.close());
    return { ...built, config, deps, database, worker, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

export interface RunningFoundry extends Foundry {
  url: string;
}

/** Creates Foundry and listens on the configured host and port (port 0 picks a free one). */
export async function startFoundry(options: CreateFoundryOptions = {}): Promise<RunningFoundry> {
  const foundry = await createFoundry(options);
  try {
    const address = await foundry.app.listen({ port: foundry.config.port, host: foundry.config.host });
    return { ...foundry, url: address.replace('[::1]', 'localhost') };
  } catch (error) {
    await foundry.close();
    throw error;
  }
}
