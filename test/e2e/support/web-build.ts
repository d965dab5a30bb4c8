import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '../../..');
export const webDir = join(root, 'dist/web');

function newestSource(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function builtAt(): number {
  try {
    return statSync(join(webDir, 'index.html')).mtimeMs;
  } catch {
    return 0;
  }
}

/** Builds the web UI when dist/web is missing or older than src/web (`npm test` has built it already). */
export async function ensureWebBuild(): Promise<string> {
  if (builtAt() < newestSource(join(root, 'src/web'))) {
    await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  }
  return webDir;
}
