import { spawnChild, type BenchChild } from './child-process.ts';
import { freePort } from '../src/kernel/index.ts';
import { stopOrphanPostgres } from './postgres-processes.ts';
import { waitFor200 } from './wait-ready.ts';

export type FoundryMode = 'embedded' | 'postgres';

export interface FoundryProcess {
  mode: FoundryMode;
  child: BenchChild;
  url: string;
  dataDir: string;
  /** ms from spawn to the first 200 from /readyz. */
  coldStartMs: number;
  /** SIGTERM and wait for the exit; resolves to the shutdown time in ms. */
  stop(): Promise<number>;
}

export interface StartFoundryOptions {
  mode: FoundryMode;
  dataDir: string;
  /** Required for the PostgreSQL mode. */
  databaseUrl?: string;
}

/** The environment without inherited Foundry settings, so only what the benchmark sets applies. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key.startsWith('FOUNDRY_') || key === 'DATABASE_URL' || key === 'PORT' || key === 'HOST') continue;
    env[key] = value;
  }
  return env;
}

/** Spawns `node src/cli/main.ts serve` and waits until /readyz answers 200. */
export async function startFoundry({ mode, dataDir, databaseUrl }: StartFoundryOptions): Promise<FoundryProcess> {
  if (mode === 'postgres' && !databaseUrl) throw new Error('the postgres mode needs a database URL');
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...cleanEnv(),
    FOUNDRY_DATA_DIR: dataDir,
    FOUNDRY_LOG_LEVEL: 'warn',
    FOUNDRY_AUTH_RATE_LIMIT: '100000',
    ...(mode === 'postgres' ? { DATABASE_URL: databaseUrl } : {}),
  };
  const child = spawnChild(`foundry (${mode})`, ['src/cli/main.ts', 'serve', '--port', String(port), '--host', '127.0.0.1'], env);
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    const ms = await child.stop();
    // Normally Foundry stops its embedded server itself; this only matters after a crash or SIGKILL.
    if (mode === 'embedded') await stopOrphanPostgres(dataDir);
    return ms;
  };
  try {
    const coldStartMs = await waitFor200(child, `${url}/readyz`);
    return { mode, child, url, dataDir, coldStartMs, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
