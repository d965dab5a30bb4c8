import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, type FoundryPlugin } from '../kernel/index.ts';

/** The plugin modules named by FOUNDRY_PLUGINS (each default-exports a plugin or a list); the studios are built in. */
export async function loadPlugins(modules: string[]): Promise<FoundryPlugin[]> {
  const extra: FoundryPlugin[] = [];
  for (const path of modules) {
    let loaded: { default?: unknown };
    try {
      loaded = await import(pathToFileURL(resolve(path)).href) as { default?: unknown };
    } catch (error) {
      throw new ConfigError({ message: `FOUNDRY_PLUGINS: cannot load ${path}: ${(error as Error).message}`, cause: error });
    }
    const value = loaded.default;
    const plugins = Array.isArray(value) ? value : [value];
    if (plugins.some((p) => typeof p !== 'object' || p === null || typeof (p as FoundryPlugin).name !== 'string')) {
      throw new ConfigError({ message: `FOUNDRY_PLUGINS: ${path} must default-export a plugin ({ name, ... }) or a list of them.` });
    }
    extra.push(...(plugins as FoundryPlugin[]));
  }
  return extra;
}
