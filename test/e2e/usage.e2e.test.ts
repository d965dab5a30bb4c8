import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUsageLedger, type UsageLedger, type UsageRecordInput } from '../../src/models/index.ts';
import { e2eRunnable as runnable, e2eTimeout as timeout, openBrowserSession, signUpInBrowser, visible, type BrowserSession } from './support/browser-session.ts';
import { screenshot } from './support/screenshots.ts';

const shot = (page: Page, name: string) => screenshot(page, `usage/${name}`);

describe.runIf(runnable)('models, usage and budgets in a real browser', () => {
  let session: BrowserSession;
  let page: Page;
  let errors: string[];
  let server: BrowserSession['server'];
  let ledger: UsageLedger;
  let workspaceId: string;
  let projectId: string;

  beforeAll(async () => {
    session = await openBrowserSession({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC' });
    ({ page, errors, server } = session);
    ledger = createUsageLedger({ db: server.foundry.database.db });
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  const budgets = () => page.getByRole('region', { name: 'Budgets' });
  const usage = () => page.getByRole('region', { name: 'Usage' });

  it('shows usage recorded through the ledger: totals, breakdowns and the latest calls', async () => {
    await signUpInBrowser(page, server.url, 'Grace Hopper', `grace-${Date.now()}@example.com`);
    workspaceId = (await page.evaluate(() => localStorage.getItem('foundry.workspaceId'))) ?? '';
    const created = await page.request.post(`${server.url}/api/projects`, { data: { name: 'Phone cases', studio: 'product' } });
    expect(created.status()).toBe(201);
    projectId = ((await created.json()) as { id: string }).id;

    const call = (input: Partial<UsageRecordInput>): UsageRecordInput => ({
      workspaceId, projectId, role: 'chat', operation: 'compose', provider: 'openai', model: 'gpt-4o-mini',
      tokensIn: 1200, tokensOut: 300, costUsd: 0.12, cached: false, fellBack: false, durationMs: 800, ...input,
    });
    await ledger.record(call({}));
    await ledger.record(call({ role: 'extraction', operation: 'extractEntities', provider: 'anthropic', model: 'claude-3-5-haiku-latest', costUsd: 0.03, tokensIn: 400, tokensOut: 60 }));
    await ledger.record(call({ projectId: undefined, operation: 'summarize', provider: 'builtin', model: 'builtin', tokensIn: 0, tokensOut: 0, costUsd: 0, fellBack: true }));

    await page.getByTestId('workspace-switcher').click();
    await page.getByRole('menuitem', { name: 'Models & usage' }).click();
    await visible(page.getByRole('heading', { name: 'Models & usage', level: 1 }));
    expect(new URL(page.url()).pathname).toBe('/workspace/models');

    expect(await (await visible(usage().getByTestId('usage-total-cost'))).textContent()).toBe('$0.15');
    expect(await usage().getByTestId('usage-total-calls').textContent()).toBe('3');
    expect(await usage().getByTestId('usage-total-fell-back').textContent()).toBe('1');
    const byModel = usage().getByRole('table', { name: 'Usage by model' });
    expect(await byModel.getByRole('row').nth(1).textContent()).toContain('openai/gpt-4o-mini');
    expect(await usage().getByRole('table', { name: 'Usage by project' }).textContent()).toContain('Phone cases');
    expect(await usage().getByRole('table', { name: 'Latest calls' }).getByRole('row').count()).toBe(4);
    const bars = usage().getByTestId('usage-day-chart').locator('rect');
    expect(await bars.count()).toBeGreaterThanOrEqual(28);
    await shot(page, '01-usage');
  });

  it('shows each model role with its source, and the built-in default when nothing is configured', async () => {
    const models = page.getByRole('table', { name: 'Model per role' });
    await visible(models);
    expect(await models.getByRole('row').count()).toBe(6);
    const chat = models.getByRole('row', { name: 'Chat' });
    expect(await chat.locator('[data-source]').getAttribute('data-source')).toBe('default');
    await chat.getByRole('button', { name: 'Test Chat' }).click();
    await visible(chat.getByTestId('model-test-result'));
  });

  it('points a role at a provider with a key from the vault, then back to the default', async () => {
    const stored = await page.request.post(`${server.url}/api/credentials`, { data: { name: 'OpenAI key', kind: 'api_key', secret: 'sk-test-not-real' } });
    expect(stored.status()).toBe(201);
    const models = page.getByRole('table', { name: 'Model per role' });
    const chat = models.getByRole('row', { name: 'Chat' });
    await chat.getByRole('button', { name: 'Change Chat' }).click();
    const form = page.getByRole('form', { name: 'Model for Chat' });
    await form.getByRole('combobox', { name: 'Provider' }).click();
    await page.getByRole('option', { name: 'OpenAI', exact: true }).click();
    await form.getByRole('button', { name: 'Save' }).click();
    await visible(form.getByText('Name the model, as the provider spells it.'));

    await form.getByRole('textbox', { name: 'Model' }).fill('gpt-4o-mini');
    await form.getByRole('combobox', { name: 'API key' }).click();
    await page.getByRole('option', { name: 'OpenAI key (api_key)' }).click();
    await form.getByRole('button', { name: 'Save' }).click();
    await form.waitFor({ state: 'detached', timeout });
    await expect.poll(() => chat.locator('[data-source]').getAttribute('data-source'), { timeout }).toBe('workspace');
    expect(await chat.textContent()).toContain('gpt-4o-mini');
    await shot(page, '02-model-role-set');

    await chat.getByRole('button', { name: 'Use the default for Chat' }).click();
    await expect.poll(() => chat.locator('[data-source]').getAttribute('data-source'), { timeout }).toBe('default');
  });

  it('sets a project budget below its spend, and shows it spent with a full bar', async () => {
    await budgets().getByRole('button', { name: 'Add budget' }).click();
    const form = page.getByRole('form', { name: 'Add a budget' });
    await form.getByRole('combobox', { name: 'Applies to' }).click();
    await page.getByRole('option', { name: 'One project' }).click();
    await form.getByRole('combobox', { name: 'Project' }).click();
    await page.getByRole('option', { name: 'Phone cases' }).click();
    await form.getByRole('textbox', { name: 'Limit (US dollars)' }).fill('0.1');
    await form.getByText('In total', { exact: true }).click();
    await form.getByRole('button', { name: 'Save budget' }).click();
    await form.waitFor({ state: 'detached', timeout });

    const item = await visible(budgets().getByRole('listitem', { name: 'Project budget: Phone cases' }));
    await visible(item.getByText('Spent: calls refused'));
    expect(await item.getByTestId('budget-spend').textContent()).toBe('$0.15 of $0.10 spent in total');
    expect(await item.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('100');
    await expect(ledger.assertWithinBudget({ workspaceId, projectId })).rejects.toMatchObject({ code: 'BUDGET_EXCEEDED', details: { scope: 'project', limitUsd: 0.1 } });
    await shot(page, '03-budget-spent');
  });

  it('raises the budget, adds a monthly workspace budget, and removes the project one', async () => {
    const item = budgets().getByRole('listitem', { name: 'Project budget: Phone cases' });
    await item.getByRole('button', { name: 'Change' }).click();
    const edit = page.getByRole('form', { name: 'Change the budget of Phone cases' });
    await edit.getByRole('textbox', { name: 'Limit (US dollars)' }).fill('1');
    await edit.getByRole('button', { name: 'Save budget' }).click();
    await expect.poll(() => item.getByTestId('budget-spend').textContent(), { timeout }).toBe('$0.15 of $1.00 spent in total');
    await ledger.assertWithinBudget({ workspaceId, projectId });

    await budgets().getByRole('button', { name: 'Add budget' }).click();
    const add = page.getByRole('form', { name: 'Add a budget' });
    await add.getByRole('textbox', { name: 'Limit (US dollars)' }).fill('20');
    await add.getByRole('button', { name: 'Save budget' }).click();
    const workspaceBudget = await visible(budgets().getByRole('listitem', { name: /^Workspace budget:/ }));
    expect(await workspaceBudget.getByTestId('budget-spend').textContent()).toMatch(/^\$0\.15 of \$20\.00 spent this month \(since \d{4}-\d{2}-01\)$/);

    await item.getByRole('button', { name: 'Remove' }).click();
    await item.waitFor({ state: 'detached', timeout });
    expect(await budgets().getByRole('listitem').count()).toBe(1);
    await shot(page, '04-budgets');
    expect(errors).toEqual([]);
  });
});
