// Builds the web UI before `npm start` when dist/web is missing or older than its sources.
import { spawnSync } from 'node:child_process';
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

let built = 0;
try {
  built = statSync('dist/web/index.html').mtimeMs;
} catch {
  built = 0;
}
if (built < newest('src/web')) {
  console.log('Building the web UI (vite build)...');
  const result = spawnSync('vite', ['build', '--logLevel', 'warn'], { stdio: 'inherit', shell: false });
  process.exit(result.status ?? 1);
}
