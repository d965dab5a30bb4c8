import { ConflictError, createLogger, loadConfig, type ConfigInput } from '../kernel/index.ts';
import { startFoundry } from '../server/index.ts';
import { exitOnSignals } from './exit-on-signals.ts';
import { loadPlugins } from './load-plugins.ts';
import { warmUpInBackground } from './warm-up.ts';
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
  if (foundry.worker) warmUpInBackground(logger);
  exitOnSignals(logger, async () => {
    await foundry.close();
    await release();
  });
}
