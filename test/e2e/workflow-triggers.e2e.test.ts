import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eRunnable as runnable, e2eTimeout as timeout, openBrowserSession, signUpInBrowser, visible, type BrowserSession } from './support/browser-session.ts';
import { screenshot } from './support/screenshots.ts';

const shot = (page: Page, name: string, options?: { fullPage?: boolean }) => screenshot(page, `workflow-triggers/${name}`, options);

const workflow = {
  name: 'Nightly report',
  nodes: [
    { id: 'start', type: 'trigger', name: 'Start' },
    { id: 'result', type: 'output', name: 'Result', config: { value: 'input' } },
  ],
  edges: [{ from: 'start', to: 'result' }],
};

describe.runIf(runnable)('workflow triggers in a real browser', () => {
  let session: BrowserSession;
  let page: Page;
  let errors: string[];
  let server: BrowserSession['server'];

  beforeAll(async () => {
    session = await openBrowserSession({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC', permissions: ['clipboard-read', 'clipboard-write'] });
    ({ page, errors, server } = session);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  const panel = () => page.getByRole('region', { name: 'Triggers' });
  const form = () => page.getByRole('form', { name: 'Add a trigger' });
  const item = (name: string) => panel().getByRole('list', { name: 'Triggers' }).getByRole('listitem', { name });

  it('signs up, saves a workflow and finds no triggers on it', async () => {
    await signUpInBrowser(page, server.url, 'Ada Lovelace', `ada-${Date.now()}@example.com`);

    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Workflows' }).click();
    await page.getByRole('button', { name: 'Add your first workflow' }).click();
    await page.getByRole('textbox', { name: 'Definition (JSON)' }).fill(JSON.stringify(workflow, null, 2));
    await page.getByRole('button', { name: 'Save workflow' }).click();
    await visible(page.getByRole('heading', { name: 'Nightly report', level: 1 }));

    await visible(panel().getByText('No triggers yet.'));
  });

  it('shows the server\'s reason under the cron field for a bad expression', async () => {
    await panel().getByRole('button', { name: 'Add trigger' }).click();
    await form().getByRole('textbox', { name: 'Name' }).fill('Broken schedule');
    await form().getByRole('textbox', { name: 'Cron expression' }).fill('61 * * * *');
    const answered = page.waitForResponse((response) => response.url().endsWith('/triggers') && response.request().method() === 'POST');
    await form().getByRole('button', { name: 'Add trigger' }).click();
    expect((await answered).status()).toBe(400);
    const cron = form().getByRole('textbox', { name: 'Cron expression' });
    await expect.poll(() => cron.getAttribute('aria-invalid'), { timeout }).toBe('true');
    const describedBy = (await cron.getAttribute('aria-describedby')) ?? '';
    const messages = await Promise.all(describedBy.split(/\s+/).filter(Boolean).map((id) => page.locator(`[id="${id}"]`).textContent()));
    expect(messages.join(' ')).toMatch(/61/);
    expect(await form().getByRole('alert').count()).toBe(0);
    await shot(page, '01-bad-cron');
  });

  it('adds a schedule in Europe/Paris and shows its next firing', async () => {
    await form().getByRole('textbox', { name: 'Name' }).fill('Every five minutes');
    await form().getByRole('textbox', { name: 'Cron expression' }).fill('*/5 * * * *');
    const zone = form().getByLabel('Time zone');
    await zone.fill('Europe/Paris');
    await zone.press('Escape');
    await form().getByRole('button', { name: 'Add trigger' }).click();

    const schedule = await visible(item('Every five minutes'));
    await form().waitFor({ state: 'detached', timeout });
    expect(await schedule.getAttribute('data-trigger-status')).toBe('active');
    expect(await schedule.getByTestId('trigger-config').textContent()).toContain('*/5 * * * * · Europe/Paris');
    const next = schedule.getByTestId('trigger-next-fire');
    const when = await (await visible(next.locator('time'))).getAttribute('datetime');
    const ms = new Date(when ?? '').getTime() - Date.now();
    expect(ms).toBeGreaterThan(-5_000);
    expect(ms).toBeLessThanOrEqual(5 * 60_000 + 5_000);
    expect(new Date(when ?? '').getUTCMinutes() % 5).toBe(0);
    expect(await next.textContent()).toContain('(Europe/Paris)');
    expect(await schedule.getByTestId('trigger-last-fired').textContent()).toContain('Never');
    await shot(page, '02-schedule');
  });

  it('pauses the schedule and resumes it', async () => {
    const schedule = item('Every five minutes');
    await schedule.getByRole('button', { name: 'Pause' }).click();
    await page.waitForFunction(() => document.querySelector('[data-trigger-kind="schedule"]')?.getAttribute('data-trigger-status') === 'paused', undefined, { timeout });
    await visible(schedule.getByTestId('trigger-status').getByText('Paused'));
    await visible(schedule.getByTestId('trigger-next-fire').getByText('None while paused'));
    await visible(schedule.getByRole('button', { name: 'Resume' }));
    await shot(page, '03-schedule-paused');

    const listed = await page.request.get(`${server.url}/api/workflows/${workflowIdOf(page)}/triggers`, { headers: await workspaceHeader(page) });
    expect((await listed.json() as { items: { status: string }[] }).items.map((t) => t.status)).toEqual(['paused']);

    await schedule.getByRole('button', { name: 'Resume' }).click();
    await visible(schedule.getByTestId('trigger-next-fire').locator('time'));
    expect(await schedule.getAttribute('data-trigger-status')).toBe('active');
  });

  it('adds a webhook and shows its secret and URL once', async () => {
    await panel().getByRole('button', { name: 'Add trigger' }).click();
    await form().getByRole('combobox', { name: 'Kind' }).click();
    await page.getByRole('option', { name: 'Webhook' }).click();
    await form().getByRole('textbox', { name: 'Name' }).fill('Orders from the shop');
    await form().getByRole('button', { name: 'Add trigger' }).click();

    const notice = await visible(page.getByRole('region', { name: 'Webhook secret' }));
    const secret = (await notice.getByTestId('webhook-secret').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_/);
    const hook = await visible(item('Orders from the shop'));
    const id = await hook.getAttribute('data-trigger-id');
    const url = `${server.url}/api/hooks/${id}`;
    expect(await hook.getByTestId('webhook-url').textContent()).toBe(url);
    const recipe = (await notice.getByLabel('Signing recipe').textContent()) ?? '';
    expect(recipe).toContain(`SECRET='${secret}'`);
    expect(recipe).toContain(`URL='${url}'`);
    expect(recipe).toContain('openssl dgst -sha256 -hmac');
    await notice.getByRole('button', { name: 'Copy the secret' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await shot(page, '04-webhook-secret');

    await notice.getByRole('button', { name: 'I have saved it' }).click();
    await notice.waitFor({ state: 'detached', timeout });
    await page.reload();
    await visible(item('Orders from the shop'));
    expect(await page.getByText(secret).count()).toBe(0);
    expect(await item('Orders from the shop').getByTestId('webhook-url').textContent()).toBe(url);
  });

  it('deletes a trigger after asking', async () => {
    await item('Orders from the shop').getByRole('button', { name: 'Delete' }).click();
    const dialog = await visible(page.getByRole('dialog', { name: 'Delete this trigger?' }));
    await dialog.getByRole('button', { name: 'Delete trigger' }).click();
    await item('Orders from the shop').waitFor({ state: 'detached', timeout });
    await visible(item('Every five minutes'));
    await shot(page, '05-after-delete');
  });

  it('fits a 390 px phone', async () => {
    const phone = await session.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, colorScheme: 'light' });
    await phone.addCookies(await session.context.cookies());
    const mobile = await phone.newPage();
    mobile.on('pageerror', (error) => errors.push(error.message));
    await mobile.goto(page.url());
    await mobile.evaluate((ws) => localStorage.setItem('foundry.workspaceId', ws), (await workspaceHeader(page))['x-foundry-workspace'] ?? '');
    await mobile.reload();
    await visible(mobile.getByRole('region', { name: 'Triggers' }).getByRole('listitem', { name: 'Every five minutes' }));
    await mobile.getByRole('region', { name: 'Triggers' }).getByRole('button', { name: 'Add trigger' }).click();
    await visible(mobile.getByRole('form', { name: 'Add a trigger' }));
    expect(await mobile.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await shot(mobile, '06-mobile');
    await phone.close();
    expect(errors).toEqual([]);
  });
});

function workflowIdOf(page: Page): string {
  return new URL(page.url()).pathname.split('/').pop() ?? '';
}

async function workspaceHeader(page: Page): Promise<Record<string, string>> {
  return { 'x-foundry-workspace': await page.evaluate(() => localStorage.getItem('foundry.workspaceId') ?? '') };
}
