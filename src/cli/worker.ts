import { ConfigError, createLogger, loadConfig, type ConfigInput } from '../kernel/index.ts';
import { createFoundry } from '../server/index.ts';
import { exitOnSignals } from './exit-on-signals.ts';
import { loadPlugins } from './load-plugins.ts';

/**
 * `foundry worker`: a workflow worker with no HTTP server, for scaled deployments. It needs the
 * shared PostgreSQL (DATABASE_URL); it runs until SIGINT or SIGTERM, then hands its runs back.
 */
export async function runWorker({ overrides }: { overrides: ConfigInput }): Promise<void> {
  const config = loadConfig({ overrides: { ...overrides, worker: true } });
  if (config.databaseUrl === undefined) {
    throw new ConfigError({ message: 'foundry worker needs DATABASE_URL: workers share the PostgreSQL of the API processes (`foundry serve` runs its own worker on the embedded database).' });
  }
  const logger = createLogger({ level: config.logLevel });
  const foundry = await createFoundry({ config: { ...overrides, worker: true }, logger, plugins: await loadPlugins(config.pluginModules), triggers: false });
  logger.info({ worker: foundry.worker?.id }, 'Foundry worker is ready');
  exitOnSignals(logger, () => foundry.close());
}
