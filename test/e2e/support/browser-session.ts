import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { hasChromium, launchChromium } from './chromium.ts';
import { startTestServer, type RunningServer } from './foundry-server.ts';
import { ensureWebBuild } from './web-build.ts';

export const e2eTimeout = 20_000;
/** Without Debian's chromium, a developer's run skips the browser tests; CI must have it and fails instead. */
export const e2eRunnable = hasChromium() || Boolean(process.env.CI);

export async function visible(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: 'visible', timeout: e2eTimeout });
  return locator;
}

export interface BrowserSession {
  server: RunningServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Uncaught errors of the page: a test ends by expecting none. */
  errors: string[];
  close(): Promise<void>;
}

/** A Foundry server with the built UI, and a fresh Chromium page on it. */
export async function openBrowserSession(options: { viewport: { width: number; height: number }; timezoneId?: string; permissions?: string[] }): Promise<BrowserSession> {
  const server = await startTestServer(await ensureWebBuild());
  const browser = await launchChromium();
  const context = await browser.newContext({ viewport: options.viewport, colorScheme: 'light', locale: 'en-GB', ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}) });
  context.setDefaultTimeout(e2eTimeout);
  if (options.permissions) await context.grantPermissions(options.permissions, { origin: server.url });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    server, browser, context, page, errors,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/** Signs a new person up through the sign-up page and waits for the projects page. */
export async function signUpInBrowser(page: Page, url: string, name: string, email: string): Promise<void> {
  await page.goto(`${url}/signup`);
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('correct horse battery');
  await page.getByRole('button', { name: 'Create account' }).click();
  await visible(page.getByRole('heading', { name: 'Projects' }));
}
