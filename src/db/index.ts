/** Database: schema, migrations, the embedded and server clients, the cross-process event bus. */
export * as tables from './schema.ts';
export { openDatabase, type Database, type Db, type DbExecutor, type Tx, type OpenDatabaseOptions } from './database.ts';
export { migrate } from './migrate.ts';
export { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.ts';
export { createPgEventBus, eventChannel, eventPayload } from './pg-event-bus.ts';
export { isUniqueViolation } from './pg-errors.ts';
