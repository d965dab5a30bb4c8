import { join, resolve } from 'node:path';
import { build } from 'vite';
import { webBuildIsStale } from '../../../scripts/web-build-state.ts';

const root = resolve(import.meta.dirname, '../../..');
export const webDir = join(root, 'dist/web');

/** Builds the web UI when dist/web is missing or older than src/web (`npm test` has built it already). */
export async function ensureWebBuild(): Promise<string> {
  if (webBuildIsStale(root)) {
    await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  }
  return webDir;
}
