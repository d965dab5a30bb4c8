import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Config, Logger } from '../kernel/index.ts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.ts';
import { migrate } from './migrate.ts';
import * as schema from './schema.ts';

export type Db = NodePgDatabase<typeof schema>;
/** An open transaction. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A database handle or an open transaction on it; repositories accept either. */
export type DbExecutor = Db | Tx;

export interface Database {
  db: Db;
  pool: pg.Pool;
  url: string;
  mode: 'embedded' | 'server';
  /** Closes the pool and, when this process started it, stops the embedded server. */
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'embeddedPgPort' | 'dbPoolSize'>;
  logger: Logger;
  /** Apply pending migrations before returning (the default). */
  migrate?: boolean;
  /** Stop the embedded server on close (true for `foundry serve`, false for one-shot commands that adopted it). */
  ownsServer?: boolean;
}

/** Opens the configured database: DATABASE_URL when set, otherwise the embedded server. */
export async function openDatabase({ config, logger, migrate: runMigrations = true, ownsServer = true }: OpenDatabaseOptions): Promise<Database> {
  let embedded: EmbeddedPostgres | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPgPort, logger });
    url = embedded.url;
  }
  const pool = new pg.Pool({ connectionString: url, max: config.dbPoolSize });
  pool.on('error', (error) => logger.error({ err: error }, 'idle database connection failed'));
  const db = drizzle(pool, { schema });
  try {
    if (runMigrations) await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const stopServer = embedded && (ownsServer || !embedded.adopted) ? embedded.stop : undefined;
  return {
    db,
    pool,
    url,
    mode: embedded ? 'embedded' : 'server',
    close: async () => {
      await pool.end();
      if (stopServer) await stopServer();
    },
  };
}
