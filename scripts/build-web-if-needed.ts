// Builds the web UI before `npm start` when dist/web is missing or older than its sources.
import { spawnSync } from 'node:child_process';
import { webBuildIsStale } from './web-build-state.ts';

if (webBuildIsStale(process.cwd())) {
  console.log('Building the web UI (vite build)...');
  const result = spawnSync('vite', ['build', '--logLevel', 'warn'], { stdio: 'inherit', shell: false });
  process.exit(result.status ?? 1);
}
