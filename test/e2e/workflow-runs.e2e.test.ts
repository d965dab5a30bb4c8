import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eRunnable as runnable, e2eTimeout as timeout, openBrowserSession, signUpInBrowser, visible, type BrowserSession } from './support/browser-session.ts';
import { screenshot } from './support/screenshots.ts';

const shot = (page: Page, name: string, options?: { fullPage?: boolean }) => screenshot(page, `workflow-runs/${name}`, options);

/** trigger → approval → output: the run waits for a person, then publishes the title. */
const approvalWorkflow = {
  name: 'Publish a post',
  description: 'Asks an editor before anything is published.',
  inputSchema: { type: 'object', properties: { title: { type: 'string' } }, required: ['title'] },
  nodes: [
    { id: 'start', type: 'trigger', name: 'Start' },
    { id: 'review', type: 'approval', name: 'Editor review', config: { message: '"Publish " & input.title & "?"', approverRole: 'editor' } },
    { id: 'result', type: 'output', name: 'Result', config: { value: '{ "published": input.title }' } },
  ],
  edges: [{ from: 'start', to: 'review' }, { from: 'review', to: 'result' }],
};

/** An edge to a node that does not exist, and a node the trigger cannot reach. */
const brokenWorkflow = {
  name: 'Broken',
  nodes: [
    { id: 'start', type: 'trigger', name: 'Start' },
    { id: 'orphan', type: 'output', name: 'Orphan', config: { value: 'input' } },
  ],
  edges: [{ from: 'start', to: 'nowhere' }],
};

describe.runIf(runnable)('workflows and runs in a real browser', () => {
  let session: BrowserSession;
  let page: Page;
  let errors: string[];
  let server: BrowserSession['server'];

  beforeAll(async () => {
    session = await openBrowserSession({ viewport: { width: 1280, height: 900 } });
    ({ page, errors, server } = session);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  it('signs up and opens the empty workflows page from the navigation', async () => {
    await signUpInBrowser(page, server.url, 'Grace Hopper', `grace-${Date.now()}@example.com`);

    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Workflows' }).click();
    await visible(page.getByRole('heading', { name: 'Workflows', level: 1 }));
    await visible(page.getByText('No workflows yet'));
    expect(new URL(page.url()).pathname).toBe('/workflows');
    expect(await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Workflows' }).getAttribute('aria-current')).toBe('page');
  });

  it('refuses text that is not JSON, and lists the problems of an invalid definition with their nodes', async () => {
    await page.getByRole('button', { name: 'Add your first workflow' }).click();
    const editor = page.getByRole('textbox', { name: 'Definition (JSON)' });
    await editor.fill('{ "name": "Broken", nodes: [');
    await page.getByRole('button', { name: 'Save workflow' }).click();
    await visible(page.getByText(/^Not valid JSON: /));

    const validated = page.waitForResponse((response) => response.url().endsWith('/api/workflows/validate'));
    await editor.fill(JSON.stringify(brokenWorkflow, null, 2));
    await page.getByRole('button', { name: 'Save workflow' }).click();
    expect((await validated).status()).toBe(200);
    const problems = await visible(page.getByTestId('workflow-problems'));
    expect(await problems.getAttribute('role')).toBe('alert');
    expect(await problems.textContent()).toMatch(/\d+ problems? to fix before saving/);
    await visible(problems.locator('[data-node-id="orphan"]'));
    expect(await problems.getByText('node orphan').count()).toBe(1);
    expect(await problems.getByText('UNREACHABLE').count()).toBe(1);
    expect(await problems.getByText('DANGLING_EDGE').count()).toBe(1);
    await shot(page, '01-invalid-definition');

    const listed = await page.request.get(`${server.url}/api/workflows`, { headers: await workspaceHeader(page) });
    expect((await listed.json() as { items: unknown[] }).items).toEqual([]);
  });

  it('checks and saves a valid definition, then shows it with its versions', async () => {
    const editor = page.getByRole('textbox', { name: 'Definition (JSON)' });
    await editor.fill(JSON.stringify(approvalWorkflow, null, 2));
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await visible(page.getByText('The definition is valid.'));
    await page.getByRole('button', { name: 'Save workflow' }).click();

    await visible(page.getByRole('heading', { name: 'Publish a post', level: 1 }));
    expect(new URL(page.url()).pathname).toMatch(/^\/workflows\/[0-9a-f-]{36}$/);
    await visible(page.getByRole('table', { name: 'Versions' }).getByText('v1'));
    expect(await page.getByRole('region', { name: 'Definition of version 1' }).textContent()).toContain('"id": "review"');
    await visible(page.getByText('No runs yet. Start one above.'));
    await shot(page, '02-workflow');

    await page.getByRole('button', { name: 'Edit as a new version' }).click();
    const edit = page.getByRole('form', { name: 'New version of the workflow' });
    await edit.getByRole('textbox', { name: 'Definition (JSON)' }).fill(JSON.stringify({ ...approvalWorkflow, description: 'Asks an editor first.' }));
    await edit.getByRole('button', { name: 'Save as new version' }).click();
    await visible(page.getByRole('heading', { name: 'Definition · v2' }));
    await visible(page.getByText('Asks an editor first.', { exact: true }));
    await page.getByRole('button', { name: 'Show the definition of version 1' }).click();
    expect(await (await visible(page.getByRole('region', { name: 'Definition of version 1' }))).textContent()).toContain('Asks an editor before anything is published.');

    await page.getByRole('link', { name: 'All workflows' }).click();
    const row = await visible(page.getByRole('table', { name: 'Workflows' }).getByRole('row', { name: /Publish a post/ }));
    expect(await row.textContent()).toContain('v2');
    await row.getByRole('link', { name: 'Publish a post' }).click();
    await visible(page.getByRole('heading', { name: 'Publish a post', level: 1 }));
  });

  it('shows a parse error under the run input, then starts a run that waits for approval', async () => {
    const input = page.getByRole('textbox', { name: 'Input (JSON)' });
    expect(JSON.parse(await input.inputValue())).toEqual({ title: '' });
    await input.fill('{ "title": ');
    await page.getByRole('button', { name: 'Start run' }).click();
    await visible(page.getByRole('form', { name: 'Run the workflow' }).getByText(/^Not valid JSON: /));
    expect(new URL(page.url()).pathname).toMatch(/^\/workflows\//);

    await input.fill('{ "title": "Spring launch" }');
    await page.getByRole('button', { name: 'Start run' }).click();
    await page.waitForURL(/\/runs\/[0-9a-f-]{36}$/, { timeout });
    await visible(page.getByRole('heading', { name: 'Publish a post', level: 1 }));

    const card = await visible(page.getByTestId('approval-card'));
    expect(await card.getByTestId('approval-message').textContent()).toBe('Publish Spring launch?');
    await visible(page.locator('[data-run-status="waiting"]'));
    const controls = page.getByRole('group', { name: 'Run controls' });
    expect(await controls.getByRole('button', { name: 'Resume' }).isDisabled()).toBe(true);
    expect(await controls.getByRole('button', { name: 'Pause' }).isEnabled()).toBe(true);
    expect(await controls.getByRole('button', { name: 'Cancel run' }).isEnabled()).toBe(true);
    expect(await page.getByRole('region', { name: 'Run input' }).textContent()).toContain('Spring launch');
    await visible(page.getByRole('list', { name: 'Timeline' }).getByText('Editor review: Waiting'));
    await shot(page, '03-run-waiting-for-approval');
  });

  it('approves in the UI and sees the run succeed live, with its output, steps and timeline', async () => {
    await page.getByRole('textbox', { name: 'Comment (optional)' }).fill('Ship it.');
    await page.getByRole('button', { name: 'Approve', exact: true }).click();

    await visible(page.locator('[data-run-status="succeeded"]'));
    await visible(page.getByRole('region', { name: 'Run output' }));
    expect(await page.getByRole('region', { name: 'Run output' }).textContent()).toContain('Spring launch');
    expect(await page.getByTestId('approval-card').count()).toBe(0);
    expect(await page.getByTestId('run-progress-text').textContent()).toMatch(/^(\d+) \/ \1 steps$/);
    const controls = page.getByRole('group', { name: 'Run controls' });
    for (const action of ['Pause', 'Resume', 'Cancel run']) expect(await controls.getByRole('button', { name: action }).isDisabled()).toBe(true);

    const timeline = page.getByRole('list', { name: 'Timeline' });
    await visible(timeline.getByText('Editor review: Approved'));
    await visible(timeline.getByText('Ship it.'));
    await visible(timeline.getByText('Run succeeded'));

    await page.getByRole('button', { name: 'Editor review: succeeded' }).click();
    const review = page.locator('[data-node-id="review"]');
    await visible(review.getByRole('region', { name: 'Output of Editor review' }).or(review.getByText('None')).first());
    await visible(review.getByRole('table', { name: 'Attempts of Editor review' }).or(review.getByText('No attempts yet.')).first());
    await shot(page, '04-run-succeeded');
  });

  it('lists the run on the runs page and filters by status', async () => {
    await page.getByRole('navigation', { name: 'Workspace' }).getByRole('link', { name: 'Runs' }).click();
    await visible(page.getByRole('heading', { name: 'Runs', level: 1 }));
    const table = await visible(page.getByRole('table', { name: 'Runs' }));
    const row = await visible(table.getByRole('row', { name: /Publish a post/ }));
    expect(await row.textContent()).toContain('Succeeded');

    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Failed' }).click();
    await visible(page.getByText('No failed runs'));
    await page.getByRole('button', { name: 'Clear filter' }).click();
    await visible(table.getByRole('row', { name: /Publish a post/ }));
    await shot(page, '05-runs');
  });

  it('cancels a waiting run after asking, and then offers no control', async () => {
    const headers = await workspaceHeader(page);
    const workflows = await (await page.request.get(`${server.url}/api/workflows`, { headers })).json() as { items: { id: string }[] };
    const workflowId = workflows.items[0]?.id ?? '';
    const started = await page.request.post(`${server.url}/api/workflows/${workflowId}/runs`, { data: { input: { title: 'Autumn sale' } }, headers });
    expect(started.status()).toBe(202);
    const { id } = await started.json() as { id: string };
    await page.goto(`${server.url}/runs/${id}`);
    await visible(page.getByTestId('approval-message').getByText('Publish Autumn sale?'));

    await page.getByRole('button', { name: 'Cancel run' }).click();
    const dialog = await visible(page.getByRole('dialog', { name: 'Cancel this run?' }));
    await dialog.getByRole('button', { name: 'Cancel run' }).click();
    await visible(page.locator('[data-run-status="cancelled"]'));
    await dialog.waitFor({ state: 'hidden', timeout });
    expect(await page.getByTestId('approval-card').count()).toBe(0);
    const controls = page.getByRole('group', { name: 'Run controls' });
    for (const action of ['Pause', 'Resume', 'Cancel run']) expect(await controls.getByRole('button', { name: action }).isDisabled()).toBe(true);
    await visible(page.getByRole('list', { name: 'Timeline' }).getByText('Run cancelled'));
    await shot(page, '06-run-cancelled');
  });

  it('fits a 390 px phone, with the sections in a menu', async () => {
    const phone = await session.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, colorScheme: 'light' });
    await phone.addCookies(await session.context.cookies());
    const mobile = await phone.newPage();
    mobile.on('pageerror', (error) => errors.push(error.message));
    await mobile.goto(server.url);
    await visible(mobile.getByRole('heading', { name: 'Projects' }));
    await mobile.getByRole('button', { name: 'Sections' }).click();
    await mobile.getByRole('menuitem', { name: 'Runs' }).click();
    await visible(mobile.getByRole('heading', { name: 'Runs', level: 1 }));
    await mobile.getByRole('link', { name: 'Publish a post' }).last().click();
    await visible(mobile.locator('[data-run-status="succeeded"]'));
    await visible(mobile.getByRole('region', { name: 'Run output' }));
    expect(await mobile.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await shot(mobile, '07-mobile-run');
    await phone.close();
    expect(errors).toEqual([]);
  });
});

async function workspaceHeader(page: Page): Promise<Record<string, string>> {
  return { 'x-foundry-workspace': await page.evaluate(() => localStorage.getItem('foundry.workspaceId') ?? '') };
}
