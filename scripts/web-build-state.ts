import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/** True when `<root>/dist/web` is missing or older than any file of `<root>/src/web`. */
export function webBuildIsStale(root: string): boolean {
  let built = 0;
  try {
    built = statSync(join(root, 'dist/web/index.html')).mtimeMs;
  } catch {
    built = 0;
  }
  return built < newest(join(root, 'src/web'));
}
