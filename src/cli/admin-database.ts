import { pino } from 'pino';
import { openDatabase, type Database } from '../db/index.ts';
import { createLogger, loadConfig, type Config } from '../kernel/index.ts';

/**
 * Runs an operator command against the configured database. In embedded mode it adopts the server
 * of a running `foundry serve`, or starts one for the command and stops it afterwards. Logs go to
 * stderr so that stdout carries only the result.
 */
export async function withDatabase<T>(fn: (database: Database, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel === 'info' ? 'warn' : config.logLevel, destination: pino.destination(2) });
  const database = await openDatabase({ config, logger, ownsServer: false });
  try {
    return await fn(database, config);
  } finally {
    await database.close();
  }
}
