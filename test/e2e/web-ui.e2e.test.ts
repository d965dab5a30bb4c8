import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2eRunnable as runnable, openBrowserSession, visible, type BrowserSession } from './support/browser-session.ts';
import { screenshot } from './support/screenshots.ts';

describe.runIf(runnable)('web UI in a real browser', () => {
  let session: BrowserSession;
  let page: Page;
  let errors: string[];
  let server: BrowserSession['server'];
  const email = `ada-${Date.now()}@example.com`;

  beforeAll(async () => {
    session = await openBrowserSession({ viewport: { width: 1280, height: 800 } });
    ({ page, errors, server } = session);
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  it('refuses bad credentials with the server\'s message, and validates the sign-up form', async () => {
    await page.goto(server.url);
    await visible(page.getByRole('heading', { name: 'Log in' }));
    await screenshot(page, '01-login');

    await page.getByRole('textbox', { name: 'Email', exact: true }).fill('nobody@example.com');
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not the password');
    await page.getByRole('button', { name: 'Log in' }).click();
    expect(await (await visible(page.getByRole('alert'))).textContent()).toContain('Email or password is wrong.');

    await page.getByRole('link', { name: 'Create an account' }).click();
    await visible(page.getByRole('heading', { name: 'Create your account' }));
    expect(new URL(page.url()).pathname).toBe('/signup');
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Ada Lovelace');
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await visible(page.getByText('Use at least 8 characters.'));
    await screenshot(page, '02-signup-validation');
  });

  it('signs up into an empty personal workspace', async () => {
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('correct horse battery');
    await page.getByRole('button', { name: 'Create account' }).click();
    await visible(page.getByRole('heading', { name: 'Projects' }));
    await visible(page.getByText('No projects yet'));
    expect(await page.getByTestId('workspace-switcher').textContent()).toContain('Ada Lovelace');
    expect(await page.evaluate(() => localStorage.getItem('foundry.workspaceId'))).toMatch(/^[0-9a-f-]{36}$/);
    await screenshot(page, '03-projects-empty');
  });

  it('creates a project and posts a message that a second tab sees live', async () => {
    await page.getByRole('link', { name: 'Create your first project' }).click();
    await visible(page.getByRole('heading', { name: 'New project' }));
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Task API');
    await page.getByRole('combobox', { name: 'Studio' }).click();
    await page.getByRole('option', { name: 'Software' }).click();
    await page.getByLabel('Description').fill('A REST API for managing tasks, with auth.');
    await screenshot(page, '04-new-project');
    await page.getByRole('button', { name: 'Create project' }).click();

    await visible(page.getByRole('heading', { name: 'Task API', level: 1 }));
    await visible(page.getByText('No messages yet.', { exact: false }));
    const projectUrl = page.url();
    expect(new URL(projectUrl).pathname).toMatch(/^\/projects\/[0-9a-f-]{36}$/);

    const second = await session.context.newPage();
    second.on('pageerror', (error) => errors.push(error.message));
    await second.goto(projectUrl);
    await visible(second.locator('[data-live-status="live"]'));
    await second.evaluate(() => Object.assign(window, { sameDocument: true }));
    await visible(page.locator('[data-live-status="live"]'));

    const text = 'We need endpoints for tasks, users and due-date reminders.';
    await page.getByRole('textbox', { name: 'Message' }).fill(text);
    await page.getByRole('button', { name: 'Send' }).click();
    await visible(page.getByRole('log').getByText(text));
    const notice = await visible(page.getByTestId('message-notice'));
    expect(await notice.textContent()).toContain('The assistant is replying');
    // The general assistant answers offline, with the engine that wrote it and next steps to pick.
    const reply = await visible(page.getByRole('log').getByRole('article', { name: 'Assistant, reply' }));
    expect(await reply.getByTestId('engine-badge').textContent()).toContain('Built-in engine');
    expect(await page.getByRole('log').getByRole('article').count()).toBe(2);
    const suggestions = page.getByRole('group', { name: 'Suggested replies' }).getByRole('button');
    expect(await suggestions.count()).toBeGreaterThan(0);

    await visible(second.getByRole('log').getByText(text));
    expect(await second.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(await second.getByTestId('message-notice').count()).toBe(0);

    // Enter sends as well; the first tab shows the second tab's message.
    await second.getByRole('textbox', { name: 'Message' }).fill('Reminders by email, please.');
    await second.getByRole('textbox', { name: 'Message' }).press('Enter');
    await visible(page.getByRole('log').getByText('Reminders by email, please.', { exact: true }));

    // A suggested reply is sent as a message of its own.
    await visible(page.getByRole('log').getByRole('article', { name: 'Assistant, reply' }).nth(1));
    const pick = page.getByRole('group', { name: 'Suggested replies' }).getByRole('button').first();
    const picked = (await pick.textContent()) ?? '';
    await pick.click();
    await visible(second.getByRole('log').getByRole('article', { name: /message/ }).filter({ hasText: picked }));

    await screenshot(page, '05-conversation');
    await screenshot(second, '06-conversation-second-tab');
    await second.close();
  });

  it('uploads an artifact, a second version, and lists the versions', async () => {
    await page.getByRole('tab', { name: 'Artifacts' }).click();
    await visible(page.getByText('No artifacts yet'));
    await page.locator('input[type="file"]').first().setInputFiles({ name: 'brief.md', mimeType: 'text/markdown', buffer: Buffer.from('# Task API\n\nTasks, users, reminders.\n') });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await visible(page.getByRole('heading', { name: 'brief.md' }));

    const newVersion = page.getByRole('button', { name: 'Upload a new version of brief.md' });
    const chooser = page.waitForEvent('filechooser');
    await newVersion.click();
    await (await chooser).setFiles({ name: 'brief.md', mimeType: 'text/markdown', buffer: Buffer.from('# Task API\n\nTasks, users, reminders, labels.\n') });
    await visible(page.getByText(/^v2 · /));

    await page.getByRole('button', { name: 'Versions' }).click();
    const versions = await visible(page.getByRole('table', { name: 'Versions of brief.md' }));
    expect(await versions.getByRole('row').count()).toBe(3);
    const download = await page.getByRole('link', { name: 'Download brief.md version 1' }).getAttribute('href');
    const content = await page.request.get(new URL(download ?? '', server.url).toString());
    expect(content.status()).toBe(200);
    expect(await content.text()).toContain('Tasks, users, reminders.');
    await screenshot(page, '07-artifacts');
  });

  it('shows members and edits settings', async () => {
    await page.getByRole('tab', { name: 'Members' }).click();
    await visible(page.getByText(email));
    await page.getByRole('textbox', { name: 'Email' }).fill('someone-else@example.com');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const refused = await visible(page.getByRole('form', { name: 'Add a member' }).getByRole('alert'));
    expect(await refused.textContent()).not.toBe('');
    await screenshot(page, '08-members');

    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByLabel('Stage').fill('discovery');
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'On hold' }).click();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await visible(page.getByText('Stage: discovery'));
    await screenshot(page, '09-settings');
  });

  it('lists projects across studios (README screenshot) and works at 390 px', async () => {
    const workspaceId = await page.evaluate(() => localStorage.getItem('foundry.workspaceId'));
    const examples = [
      { name: 'Spring collection launch', studio: 'brand', stage: 'campaign', description: 'Generated visuals, synced inventory and a campaign across three channels.' },
      { name: 'Customer email assistant', studio: 'builder', stage: 'simulation', description: 'Answer customer emails using our price list, with a human approval step for refunds.' },
      { name: '10,000 custom phone cases', studio: 'product', stage: 'quotes', description: 'Matte, recycled plastic, three colourways; quotes from at least five suppliers.' },
    ];
    for (const example of examples) {
      const response = await page.request.post(`${server.url}/api/projects`, { data: example, headers: { 'x-foundry-workspace': workspaceId ?? '' } });
      expect(response.status()).toBe(201);
    }
    await page.getByRole('link', { name: 'All projects', exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Projects' }));
    await visible(page.getByRole('heading', { name: '10,000 custom phone cases' }));
    expect(await page.getByRole('list', { name: 'Projects' }).getByRole('listitem').count()).toBe(4);
    await page.mouse.move(0, 0);
    await screenshot(page, '10-projects', { fullPage: false });
    await screenshot(page, 'docs', { path: 'docs/screenshot.png', fullPage: false });


    const phone = await session.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, colorScheme: 'light' });
    await phone.addCookies(await session.context.cookies());
    const mobile = await phone.newPage();
    mobile.on('pageerror', (error) => errors.push(error.message));
    await mobile.goto(server.url);
    await visible(mobile.getByRole('heading', { name: 'Task API' }));
    const overflow = await mobile.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(mobile, '12-mobile-projects');
    await mobile.getByRole('heading', { name: 'Task API' }).click();
    await visible(mobile.getByRole('log').getByText('Reminders by email, please.', { exact: true }));
    expect(await mobile.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await screenshot(mobile, '13-mobile-conversation');
    await phone.close();

    const dark = await session.browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'dark' });
    await dark.addCookies(await session.context.cookies());
    const night = await dark.newPage();
    await night.goto(`${server.url}/projects`);
    await night.getByRole('heading', { name: 'Task API' }).click();
    await visible(night.getByRole('log').getByText('Reminders by email, please.', { exact: true }));
    expect(await night.evaluate(() => document.documentElement.dataset.mantineColorScheme)).toBe('dark');
    await screenshot(night, '16-dark-conversation', { fullPage: false });
    await dark.close();
  });

  it('creates a workspace, sends it with every request, and switches back', async () => {
    const personalId = await page.evaluate(() => localStorage.getItem('foundry.workspaceId'));
    await page.getByTestId('workspace-switcher').click();
    await page.getByRole('menuitem', { name: 'Create workspace' }).click();
    await page.getByRole('textbox', { name: 'Workspace name' }).fill('Acme Robotics');
    const listed = page.waitForRequest((request) => request.url().includes('/api/projects?'));
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await visible(page.getByText('No projects yet'));
    expect(await page.getByTestId('workspace-switcher').textContent()).toContain('Acme Robotics');
    const acmeId = await page.evaluate(() => localStorage.getItem('foundry.workspaceId'));
    expect(acmeId).not.toBe(personalId);
    expect((await listed).headers()['x-foundry-workspace']).toBe(acmeId);

    await page.reload();
    await visible(page.getByText('No projects yet'));
    expect(await page.getByTestId('workspace-switcher').textContent()).toContain('Acme Robotics');

    await page.getByRole('link', { name: 'Create your first project' }).click();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Robot arm enclosure');
    await page.getByRole('button', { name: 'Create project' }).click();
    await visible(page.getByRole('heading', { name: 'Robot arm enclosure', level: 1 }));

    await page.getByTestId('workspace-switcher').click();
    await page.getByRole('menuitem', { name: /Ada Lovelace's workspace/ }).click();
    await visible(page.getByRole('heading', { name: 'Task API' }));
    expect(await page.getByRole('heading', { name: 'Robot arm enclosure' }).count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('foundry.workspaceId'))).toBe(personalId);

    await page.getByTestId('workspace-switcher').click();
    await visible(page.getByRole('menuitem', { name: /Acme Robotics/ }));
    await page.mouse.move(0, 0);
    await screenshot(page, '14-workspace-menu', { fullPage: false });
    await page.getByRole('menuitem', { name: 'Workspace members' }).click();
    await visible(page.getByRole('heading', { name: 'Members' }));
    await visible(page.getByText(email));
    await screenshot(page, '15-workspace-members');
  });

  it('pages back through a long conversation with "load older"', async () => {
    const workspaceId = await page.evaluate(() => localStorage.getItem('foundry.workspaceId'));
    const headers = { 'x-foundry-workspace': workspaceId ?? '' };
    const project = await (await page.request.post(`${server.url}/api/projects`, { data: { name: 'Long talk', studio: 'software' }, headers })).json() as { id: string };
    for (let i = 1; i <= 40; i++) {
      const posted = await page.request.post(`${server.url}/api/projects/${project.id}/messages`, { data: { content: `Point number ${i}` }, headers });
      expect(posted.status()).toBe(201);
    }
    await page.goto(`${server.url}/projects/${project.id}`);
    const log = page.getByRole('log');
    await visible(log.getByText('Point number 40', { exact: true }));
    expect(await log.getByText('Point number 1', { exact: true }).count()).toBe(0);
    // Each point has its reply, so the history takes more than one page: load until the first.
    const older = log.getByRole('button', { name: 'Load older messages' });
    while (await log.getByText('Point number 1', { exact: true }).count() === 0) {
      await older.click();
      await page.waitForFunction(() => !document.querySelector('[role="log"] button[data-loading="true"]'));
    }
    await visible(log.getByText('Point number 1', { exact: true }));
    expect(await log.getByRole('article', { name: /, message$/ }).count()).toBe(40);
    expect(await log.getByRole('button', { name: 'Load older messages' }).count()).toBe(0);
  });

  it('logs out', async () => {
    await page.getByRole('button', { name: /^Account:/ }).click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await visible(page.getByRole('heading', { name: 'Log in' }));
    const me = await page.request.get(`${server.url}/api/auth/me`);
    expect(me.status()).toBe(401);
    expect(errors).toEqual([]);
  });
});
