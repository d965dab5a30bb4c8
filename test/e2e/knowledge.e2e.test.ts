import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocx, makePdf, prose, truncated } from '../support/knowledge-fixtures.ts';
import { e2eRunnable as runnable, openBrowserSession, signUpInBrowser, visible, type BrowserSession } from './support/browser-session.ts';
import { screenshot } from './support/screenshots.ts';

const shot = (page: Page, name: string) => screenshot(page, `knowledge/${name}`);

describe.runIf(runnable)('project knowledge in a real browser', () => {
  let session: BrowserSession;
  let page: Page;
  let errors: string[];
  let url: string;

  beforeAll(async () => {
    session = await openBrowserSession({ viewport: { width: 1280, height: 900 } });
    ({ page, errors } = session);
    url = session.server.url;
    await signUpInBrowser(page, url, 'Katherine Johnson', `katherine-${Date.now()}@example.com`);
    const headers = { 'x-foundry-workspace': await page.evaluate(() => localStorage.getItem('foundry.workspaceId') ?? '') };
    const created = await page.request.post(`${url}/api/projects`, { data: { name: 'Rugged phone case', studio: 'product' }, headers });
    expect(created.status()).toBe(201);
    const { id } = await created.json() as { id: string };
    await page.goto(`${url}/projects/${id}/knowledge`);
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  const item = (name: string) => page.getByRole('list', { name: 'Knowledge sources' }).getByRole('listitem', { name });

  it('starts empty, with a place to drop files and to add a URL', async () => {
    await visible(page.getByRole('tab', { name: 'Knowledge', selected: true }));
    await visible(page.getByText('No knowledge yet'));
    await visible(page.getByRole('group', { name: 'Add files to the knowledge' }).getByText('Drop files here'));
    await visible(page.getByRole('textbox', { name: 'Web page or document URL' }));
    expect(await page.getByRole('search').count()).toBe(0);
    await shot(page, '01-empty');
  });

  it('uploads a Word document with the file picker and watches it become ready', async () => {
    const docx = await makeDocx([
      { heading: 'Overview', paragraphs: [prose(8, 1)] },
      { heading: 'Materials', paragraphs: ['The bumper is moulded from shock-absorbing thermoplastic polyurethane.', prose(8, 2)] },
    ]);
    await page.getByRole('group', { name: 'Add files to the knowledge' }).locator('input[type="file"]').setInputFiles({
      name: 'case-spec.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx,
    });
    await visible(item('case-spec.docx'));
    await visible(item('case-spec.docx').getByText('Ready'));
    await visible(item('case-spec.docx').getByText(/\d+ passages?/));
  });

  it('takes a PDF dropped on the upload area', async () => {
    const pdf = await makePdf([{ heading: 'Drop test', paragraphs: ['The case survives a drop of two metres onto concrete.', prose(6, 3)] }]);
    const dataTransfer = await page.evaluateHandle((base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], 'drop-test.pdf', { type: 'application/pdf' }));
      return transfer;
    }, pdf.toString('base64'));
    const zone = page.getByRole('group', { name: 'Add files to the knowledge' });
    await zone.dispatchEvent('dragover', { dataTransfer });
    await visible(zone.getByText('Drop to add'));
    await zone.dispatchEvent('drop', { dataTransfer });
    await visible(item('drop-test.pdf').getByText('Ready'));
    await visible(item('drop-test.pdf').getByText(/from 1 page/));
  });

  it('searches and shows each passage with where it comes from', async () => {
    const search = page.getByRole('search', { name: 'Search the knowledge' });
    await search.getByRole('textbox', { name: 'Search' }).fill('thermoplastic polyurethane');
    await search.getByRole('button', { name: 'Search' }).click();
    const results = await visible(page.getByRole('list', { name: 'Search results' }));
    const first = results.getByRole('listitem').first();
    await visible(first.getByText('case-spec.docx'));
    await visible(first.getByText('§ Materials'));
    expect(await first.textContent()).toContain('shock-absorbing thermoplastic polyurethane');

    await search.getByRole('textbox', { name: 'Search' }).fill('drop concrete');
    await search.getByRole('button', { name: 'Search' }).click();
    await visible(results.getByText('page 1'));
    await visible(results.getByRole('listitem').first().getByText('drop-test.pdf'));
    await shot(page, '02-search');

    await search.getByRole('textbox', { name: 'Search' }).fill('zeppelin');
    await search.getByRole('button', { name: 'Search' }).click();
    await visible(page.getByRole('status').getByText('Nothing in the knowledge matches “zeppelin”.'));
  });

  it('shows why a file failed, and refuses what it cannot read with a message', async () => {
    const broken = truncated(await makePdf([prose(10, 4)]), 0.4);
    const input = page.getByRole('group', { name: 'Add files to the knowledge' }).locator('input[type="file"]');
    await input.setInputFiles({ name: 'broken.pdf', mimeType: 'application/pdf', buffer: broken });
    await visible(item('broken.pdf').getByText('Failed'));
    await visible(item('broken.pdf').getByRole('alert').getByText('Could not read it (FILE_CORRUPT)'));

    await input.setInputFiles({ name: 'tool.exe', mimeType: 'application/x-msdownload', buffer: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300, 1)]) });
    await visible(page.getByText('tool.exe was not added'));
    expect(await item('tool.exe').count()).toBe(0);

    await page.getByRole('textbox', { name: 'Web page or document URL' }).fill('http://127.0.0.1:9/internal');
    await page.getByRole('button', { name: 'Add URL' }).click();
    await visible(page.getByRole('alert').getByText(/refused: loopback address/));
    await shot(page, '03-errors');
  });

  it('deletes a source after asking', async () => {
    await item('broken.pdf').getByRole('button', { name: 'Delete broken.pdf' }).click();
    const dialog = await visible(page.getByRole('dialog', { name: 'Delete this source?' }));
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await item('broken.pdf').waitFor({ state: 'detached' });
    expect(await item('case-spec.docx').count()).toBe(1);
    expect(errors).toEqual([]);
  });
});
