import { matchesGlob, posix, resolve, sep } from 'node:path';

/** Where file triggers watch: folders under `<dataDir>/watch/`. Pure path rules. */

export const watchRootName = 'watch';

/** The folder all watched folders live under. */
export function watchRoot(dataDir: string): string {
  return resolve(dataDir, watchRootName);
}

/**
 * The canonical form of a watched folder (`invoices//in/` → `invoices/in`), or a problem: it must
 * be relative, stay under the watch root (no `..`), and use plain names.
 */
export function normaliseWatchPath(path: string): { path: string } | { problem: string } {
  const trimmed = path.trim();
  if (trimmed === '' || trimmed.startsWith('/') || trimmed.startsWith('\\') || /^[a-zA-Z]:/.test(trimmed)) {
    return { problem: 'must be a folder relative to the watch root, e.g. "invoices/in"' };
  }
  const segments = trimmed.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.length === 0) return { problem: 'must name a folder under the watch root' };
  if (segments.some((s) => s === '..')) return { problem: 'must not contain ".."' };
  if (segments.some((s) => !/^[\w .@+-]+$/u.test(s) || s.startsWith(' ') || s.endsWith(' '))) {
    return { problem: 'may only use letters, digits, spaces, ".", "_", "-", "@", "+" and "/"' };
  }
  return { path: posix.join(...segments) };
}

/** The absolute folder of a normalised watch path; throws if it would leave the root. */
export function watchFolder(dataDir: string, path: string): string {
  const root = watchRoot(dataDir);
  const folder = resolve(root, ...path.split('/'));
  if (!folder.startsWith(root + sep)) throw new Error(`watch path escapes ${root}: ${path}`);
  return folder;
}

/**
 * Whether a file name matches the trigger's glob (every name when there is none). Names starting
 * with "." never match: uploaders write temporary files that way and rename them when done.
 */
export function nameMatches(name: string, pattern: string | undefined): boolean {
  if (name.startsWith('.')) return false;
  if (pattern === undefined) return true;
  return matchesGlob(name, pattern);
}
