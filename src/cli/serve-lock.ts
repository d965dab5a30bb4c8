import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConflictError, isProcessAlive } from '../kernel/index.ts';

/**
 * One `foundry serve` per data directory: a pid file, taken over when its process is gone.
 * Returns the release function.
 */
export async function acquireServeLock(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, 'serve.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(path, String(process.pid), { flag: 'wx' });
      return async () => {
        if ((await readFile(path, 'utf8').catch(() => '')) === String(process.pid)) await rm(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(await readFile(path, 'utf8').catch(() => '0'));
      if (pid > 0 && pid !== process.pid && isProcessAlive(pid)) {
        throw new ConflictError({ code: 'DATA_DIR_IN_USE', message: `Foundry (pid ${pid}) is already serving ${dataDir}.` });
      }
      await rm(path, { force: true });
    }
  }
  throw new ConflictError({ code: 'DATA_DIR_IN_USE', message: `Could not take the serve lock of ${dataDir}.` });
}
