import { ConflictError, createLogger, loadConfig, type ConfigInput } from '../kernel/index.ts';
import { startFoundry } from '../server/index.ts';
import { loadPlugins } from './load-plugins.ts';
import { acquireServeLock } from './serve-lock.ts';

/**
 * Runs Foundry until SIGINT or SIGTERM, then shuts down cleanly: stops accepting requests, closes
 * streams and the pool, and stops the embedded PostgreSQL it started or adopted.
 */
export async function serve({ overrides }: { overrides: ConfigInput }): Promise<void> {
  const config = loadConfig({ overrides });
  const logger = createLogger({ level: config.logLevel });
  const release = await acquireServeLock(config.dataDir);
  let foundry;
  try {
    foundry = await startFoundry({ config: overrides, logger, plugins: await loadPlugins(config.pluginModules) });
  } catch (error) {
    await release();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new ConflictError({ code: 'PORT_IN_USE', message: `Port ${config.port} on ${config.host} is already in use; choose another with PORT=… or --port.`, cause: error });
    }
    throw error;
  }
  logger.info({ url: foundry.url, database: foundry.database.mode, dataDir: config.dataDir, worker: foundry.worker?.id ?? false }, `Foundry is ready at ${foundry.url}`);
  if (process.stderr.isTTY) process.stderr.write(`\n  Foundry is ready: open ${foundry.url} (Ctrl+C to stop)\n\n`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await foundry.close();
    await release();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}
