import type { FoundryPlugin } from '../kernel/index.ts';

/**
 * The studios Foundry loads. Each studio lives in `studios/<name>/` and exports one FoundryPlugin
 * (routes, tools, node types, conversation handler, UI pages); studios never import each other,
 * and the kernel never imports them: the server passes this list to the plugin registry.
 */
export const studioPlugins: FoundryPlugin[] = [];
