import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

const root = resolve(import.meta.dirname, '../../..');
export const screenshotDir = join(root, 'test-results/screenshots');

/** Saves a full-page screenshot as test-results/screenshots/<name>.png (or at `path`, relative to the repo). */
export async function screenshot(page: Page, name: string, options: { path?: string; fullPage?: boolean; toasts?: boolean } = {}): Promise<string> {
  const path = options.path ? join(root, options.path) : join(screenshotDir, `${name}.png`);
  await mkdir(dirname(path), { recursive: true });
  await page.evaluate(() => document.fonts.ready);
  // Toasts from earlier steps would cover the header; they are hidden unless asked for.
  const style = options.toasts ? '' : '.mantine-Notifications-root { display: none !important; }';
  await page.screenshot({ path, fullPage: options.fullPage ?? true, animations: 'disabled', caret: 'hide', style });
  return path;
}
