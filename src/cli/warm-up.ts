import type { Logger } from '../kernel/index.ts';
import { warmUpBuiltinEngine } from '../models/index.ts';

/** Loads the built-in engine's language model after start-up, so the first conversation turn does not wait for it. */
export function warmUpInBackground(logger: Logger): void {
  warmUpBuiltinEngine().catch((error: unknown) => logger.warn({ err: error }, 'could not warm up the built-in engine'));
}
