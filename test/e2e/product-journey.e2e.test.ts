import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf, makeTextPng } from '../support/knowledge-fixtures.ts';
import { e2eRunnable as runnable, openBrowserSession, signUpInBrowser, visible, type BrowserSession } from './support/browser-session.ts';
import { screenshot } from './support/screenshots.ts';

/** A full-page screenshot from the top, so the sticky header sits where it belongs. */
async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, `product/${name}`);
}

/** The design partner answers within the request (the server waits up to 30 s for it); a slower reply comes over the event stream. */
const replyTimeout = 30_000;
const stepTimeout = 120_000;

/** The partner's spec questions (spec-questions.ts) and the answers of the API journey test. */
const specAnswers: { asks: RegExp; answer: string }[] = [
  { asks: /What material would you like\?/, answer: 'flexible TPU with raised bezels' },
  { asks: /What quantity are you planning/, answer: '10,000 units, mixed between iPhone 14 and 15' },
  { asks: /What are the main dimensions/, answer: '150 x 75 x 12 mm' },
  { asks: /Which colours should it come in\?/, answer: 'Pantone 7621 C red and black' },
  { asks: /quality standards or certifications you need/, answer: 'ISO 9001 certified factory, drop tested' },
  { asks: /How should it be packed\?/, answer: 'Individual recycled kraft box with our logo' },
  { asks: /Which labels and branding must it carry\?/, answer: 'Logo debossed on the back, country of origin and a barcode on the box' },
];

describe.runIf(runnable)('the product studio journey in a real browser (seed 000, section 7.1)', () => {
  let session: BrowserSession;
  let page: Page;
  let errors: string[];
  let url: string;
  const consoleErrors: string[] = [];
  const failedRequests: string[] = [];

  beforeAll(async () => {
    session = await openBrowserSession({ viewport: { width: 1366, height: 900 } });
    ({ page, errors } = session);
    url = session.server.url;
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
    });
    await signUpInBrowser(page, url, 'Grace Hopper', `grace-${Date.now()}@example.com`);
    // From here on (the sign-up page asks who is signed in first, a 401 by design).
    page.on('response', (response) => {
      if (response.status() >= 400) failedRequests.push(`${response.request().method()} ${new URL(response.url()).pathname} → ${response.status()}`);
    });
  }, 180_000);

  afterAll(async () => {
    await session?.close();
  });

  const conversation = () => page.getByRole('log', { name: 'Conversation' });
  const replies = () => conversation().locator('article[aria-label$=", reply"]');
  const genome = () => page.getByTestId('genome-panel');
  const stage = (s: string) => page.locator(`[data-testid="genome-stage"][data-stage="${s}"]`);

  async function openTab(name: string): Promise<void> {
    await page.getByRole('tab', { name, exact: true }).click();
    await visible(page.getByRole('tab', { name, exact: true, selected: true }));
  }

  /** Types a message in the composer, sends it with Enter and returns the partner's reply. */
  async function say(text: string): Promise<string> {
    const before = await replies().count();
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill(text);
    await composer.press('Enter');
    await visible(conversation().getByRole('article').filter({ hasText: text }).last());
    const reply = replies().nth(before);
    try {
      await reply.waitFor({ state: 'visible', timeout: replyTimeout });
    } catch (error) {
      const shown = await conversation().getByRole('article').evaluateAll((articles) => articles.map((a) => `${a.getAttribute('aria-label')}: ${a.textContent?.slice(0, 160)}`));
      const notice = await page.getByTestId('message-notice').textContent().catch(() => null);
      const projectId = new URL(page.url()).pathname.split('/')[2];
      const headers = { 'x-foundry-workspace': await page.evaluate(() => localStorage.getItem('foundry.workspaceId') ?? '') };
      const stored = await (await page.request.get(`${url}/api/projects/${projectId}/messages`, { headers })).json() as { items: { role: string; createdAt: string; content: string }[] };
      throw new Error(`no reply to "${text}" within ${replyTimeout / 1000} s; notice ${notice}; the conversation shows:\n${shown.join('\n')}\nstored: ${stored.items.map((m) => `${m.createdAt} ${m.role}: ${m.content.slice(0, 80)}`).join('\n')}`, { cause: error });
    }
    return (await reply.getByTestId('message-body').textContent()) ?? '';
  }

  async function download(trigger: Locator): Promise<Buffer> {
    const [file] = await Promise.all([page.waitForEvent('download'), trigger.click()]) as [Download, void];
    expect(await file.failure()).toBeNull();
    return readFile((await file.path())!);
  }

  async function imageLoaded(image: Locator): Promise<void> {
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 10_000 }).toBe(true);
  }

  it('creates a product studio project with New project', async () => {
    await page.getByRole('link', { name: 'Create your first project' }).click();
    await visible(page.getByRole('heading', { name: 'New project' }));
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Brand phone cases');
    await page.getByRole('combobox', { name: 'Studio' }).click();
    await page.getByRole('option', { name: 'Product', exact: true }).click();
    await page.getByRole('button', { name: 'Create project' }).click();
    await visible(page.getByRole('heading', { name: 'Brand phone cases', level: 1 }));
    await visible(page.getByRole('tab', { name: 'Conversation', selected: true }));
    for (const tab of ['Visuals', 'Analysis', 'Sourcing']) await visible(page.getByRole('tab', { name: tab, exact: true }));
    await visible(genome().getByText('No genome yet'));
  }, stepTimeout);

  it('describes the product; the partner asks for the logo', async () => {
    const reply = await say('I want to create custom phone cases for my brand');
    expect(reply).toMatch(/upload your logo/i);
    await visible(stage('ignition'));
    await visible(genome().getByTestId('genome-category').getByText('Phone accessory'));
    await visible(replies().first().getByTestId('engine-badge').getByText('Built-in engine'));
    await shot(page, '01-chat-first-reply');
  }, stepTimeout);

  it('uploads a logo and the brand guidelines on the Knowledge tab and waits for them to be read', async () => {
    await openTab('Knowledge');
    const pdf = await makePdf(['Acme brand guidelines. Our primary colour is Pantone 7621 C red and our secondary colour is black. The style is clean, premium and minimal. Our cases are made for the iPhone 14 and iPhone 15.']);
    await page.getByRole('group', { name: 'Add files to the knowledge' }).locator('input[type="file"]').setInputFiles([
      { name: 'acme-logo.png', mimeType: 'image/png', buffer: makeTextPng(['ACME']) },
      { name: 'acme-brand-guidelines.pdf', mimeType: 'application/pdf', buffer: pdf },
    ]);
    const item = (name: string) => page.getByRole('list', { name: 'Knowledge sources' }).getByRole('listitem', { name });
    await item('acme-logo.png').getByText('Ready').waitFor({ timeout: 60_000 });
    await item('acme-brand-guidelines.pdf').getByText('Ready').waitFor({ timeout: 60_000 });
    await shot(page, '02-knowledge-ready');
  }, stepTimeout);

  it('gives the go-ahead with a change: three minimalist concepts and the flats', async () => {
    await openTab('Conversation');
    const reply = await say('Yes, but make them more minimalist');
    expect(reply).toMatch(/3 minimalist concepts/);
    await stage('designing').waitFor({ timeout: replyTimeout });
    await visible(genome().getByTestId('genome-summary').getByText(/acme-logo\.png/));

    await openTab('Visuals');
    const concepts = page.getByTestId('visuals-concept');
    await visible(concepts);
    for (const n of [1, 2, 3]) {
      const card = concepts.getByTestId(`visual-concept-${n}`);
      await visible(card.getByText(`Concept sketch ${n}`));
      await imageLoaded(card.getByTestId('visual-image'));
    }
    expect(await concepts.getByRole('article').count()).toBe(3);
    const flats = page.getByTestId('visuals-flat');
    for (const view of ['front', 'back', 'side']) {
      const card = flats.getByTestId(`visual-flat-${view}`);
      await visible(card.getByTestId('visual-version').getByText('Version 1'));
      await imageLoaded(card.getByTestId('visual-image'));
    }
    await shot(page, '03-concepts');
  }, stepTimeout);

  it('picks concept 2 with a smaller logo: front flat version 2, compared side by side with version 1', async () => {
    await openTab('Conversation');
    const reply = await say('I like #2 but the logo should be smaller');
    expect(reply).toMatch(/version 2/);
    await visible(genome().getByText('Concept 2 selected'));

    await openTab('Visuals');
    const front = page.getByTestId('visual-flat-front');
    await visible(front.getByTestId('visual-version').getByText('Version 2'));
    await visible(front.getByRole('button', { name: 'Show version 1' }));

    const compare = page.getByTestId('visual-compare');
    await compare.scrollIntoViewIfNeeded();
    await compare.getByRole('combobox', { name: 'View' }).click();
    await page.getByRole('option', { name: 'Technical flat, front' }).click();
    const sideA = compare.getByTestId('visual-compare-side-a');
    const sideB = compare.getByTestId('visual-compare-side-b');
    await visible(sideA.getByText('Technical flat, front, version 1'));
    await visible(sideB.getByText('Technical flat, front, version 2'));
    await imageLoaded(sideA.getByRole('img', { name: 'Technical flat, front, version 1' }));
    await imageLoaded(sideB.getByRole('img', { name: 'Technical flat, front, version 2' }));
    const logoWidth = compare.getByTestId('visual-compare-diff').getByRole('row').filter({ has: page.getByRole('rowheader', { name: /^logo\.widthMm/ }) });
    expect(await logoWidth.getAttribute('data-changed')).toBe('true');
    const [v1Width, v2Width] = (await logoWidth.getByRole('cell').allTextContents()).map(Number);
    expect(v2Width).toBeLessThan(v1Width!);
    const [a, b] = await Promise.all([sideA.boundingBox(), sideB.boundingBox()]);
    expect(a && b && Math.abs(a.y - b.y) < 2 && b.x > a.x + a.width - 1, 'A and B sit side by side').toBe(true);
    await shot(page, '04-compare');
  }, stepTimeout);

  it('approves the design and answers the spec questions until the genome is reviewed', async () => {
    await openTab('Conversation');
    let reply = await say("That's exactly what I want!");
    await stage('specifying').waitFor({ timeout: replyTimeout });
    const asked: string[] = [];
    for (let turn = 0; turn < 10 && !/complete Digital Product Genome/.test(reply); turn++) {
      const question = specAnswers.find((q) => q.asks.test(reply));
      expect(question, `no answer for the partner's question: ${reply}`).toBeDefined();
      expect(reply, 'the partner asked the same question again').not.toMatch(/I couldn't read/);
      asked.push(question!.answer);
      reply = await say(question!.answer);
    }
    expect(asked.length).toBeGreaterThan(0);
    expect(new Set(asked).size, 'every question was asked once').toBe(asked.length);
    expect(reply).toMatch(/complete Digital Product Genome/);
    await stage('reviewed').waitFor({ timeout: replyTimeout });
    await visible(genome().getByText('Nothing missing: every core spec is filled in.'));
    await visible(genome().getByTestId('genome-spec').getByText(/TPU/).first());
    await visible(genome().getByTestId('genome-spec').getByText(/10,000/).first());
    await shot(page, '05-spec-review');
  }, 300_000);

  it('shows the analysis of the reviewed genome', async () => {
    await openTab('Analysis');
    await visible(page.getByText('Computed from genome version 1 (complete spec).'));
    expect(Number(await (await visible(page.getByTestId('manufacturability-score'))).textContent())).toBeGreaterThan(0);
    expect(await page.getByTestId('compliance-requirement').count()).toBeGreaterThan(0);
    await visible(page.getByTestId('cost-tier').and(page.locator('[data-quantity="10000"]')));
    await visible(page.getByTestId('analysis-quality'));
    await shot(page, '06-analysis');
  }, stepTimeout);

  it('imports the supplier directory on the Sourcing page before there is an RFQ', async () => {
    await openTab('Sourcing');
    await visible(page.getByTestId('rfqs-empty'));
    const directory = page.getByTestId('supplier-directory');
    await visible(directory.getByRole('heading', { name: 'Supplier directory' }));
    await visible(directory.getByTestId('suppliers-empty'));

    await directory.getByTestId('suppliers-import').setInputFiles({ name: 'broken-suppliers.csv', mimeType: 'text/csv', buffer: Buffer.from('name,country\nAcme,CN\n') });
    await visible(directory.getByTestId('suppliers-import-error').getByText('The suppliers were not imported'));
    await visible(directory.getByTestId('suppliers-import-missing').getByText('lead_time_days'));

    await directory.getByTestId('suppliers-import').setInputFiles('test/fixtures/product/suppliers.csv');
    await visible(directory.getByTestId('suppliers-import-done').getByText('Imported 16 suppliers from suppliers.csv.'));
    await expect.poll(() => directory.getByTestId('supplier-row').count()).toBe(16);
    const lumen = directory.getByTestId('supplier-row').filter({ hasText: 'Lumen Case Works' });
    for (const text of ['Shenzhen, CN', 'Phone accessory', 'ISO 9001:2015', '1,000', '21 days', '4.6 / 5']) await visible(lumen.getByText(text, { exact: true }));
    expect(await directory.getByTestId('suppliers-import-error').count()).toBe(0);
    await shot(page, '07-supplier-directory');
  }, stepTimeout);

  it('approves the genome on the Genome panel', async () => {
    await openTab('Conversation');
    await visible(stage('reviewed'));
    await genome().getByTestId('genome-approve').click();
    await visible(stage('approved'));
    await visible(page.getByText('Stage: approved'));
    await expect.poll(() => genome().getByTestId('genome-approve').isDisabled()).toBe(true);
    await expect.poll(() => genome().getByTestId('genome-generate-rfq').isEnabled()).toBe(true);
    await shot(page, '08-approved-genome');
  }, stepTimeout);

  it('generates the RFQ, matched against the directory, and downloads it as PDF and DOCX', async () => {
    await genome().getByTestId('genome-generate-rfq').click();
    await visible(page.getByRole('tab', { name: 'Sourcing', selected: true }));
    const rfq = page.getByTestId('rfq-detail');
    await visible(rfq.getByTestId('rfq-code').getByText(/^RFQ-\d{8}-\d{4}$/));
    expect(await rfq.getByTestId('rfq-section').count()).toBeGreaterThan(5);
    await visible(rfq.getByTestId('supplier-match').filter({ hasText: 'Lumen Case Works' }));

    const pdf = await download(rfq.getByTestId('rfq-download-pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await download(rfq.getByTestId('rfq-download-docx'));
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    await shot(page, '09-rfq');
  }, stepTimeout);

  it('imports the quotes and ranks them; TOPSIS and a moved weight re-rank them', async () => {
    const rfq = page.getByTestId('rfq-detail');
    await rfq.getByTestId('quotes-import').setInputFiles('test/fixtures/product/quotes-phone-cases.csv');
    await visible(rfq.getByTestId('quotes-import-done').getByText('Imported 6 quotes from quotes-phone-cases.csv.'));
    const analysis = rfq.getByTestId('quote-analysis');
    const rows = analysis.getByTestId('analysis-row');
    await expect.poll(() => rows.count()).toBe(6);
    await visible(analysis.getByTestId('recommendation'));
    expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-rank')))).toEqual(['1', '2', '3', '4', '5', '6']);

    const ranking = () => rows.evaluateAll((trs) => trs.map((tr) => `${tr.querySelector('th')?.textContent} ${tr.querySelectorAll('td')[1]?.textContent}`).join('\n'));
    const weighted = await ranking();
    await analysis.getByTestId('analysis-method').getByText('TOPSIS', { exact: true }).click();
    await visible(analysis.getByText(/TOPSIS closeness to the ideal/));
    await expect.poll(ranking).not.toBe(weighted);
    const topsis = await ranking();

    const quality = analysis.getByRole('slider', { name: 'Quality weight' });
    await quality.focus();
    await quality.press('End');
    await expect.poll(() => analysis.getByTestId('weight-quality-share').textContent()).toBe('57%');
    await expect.poll(ranking, { timeout: 10_000 }).not.toBe(topsis);
    await visible(analysis.getByText(/TOPSIS closeness to the ideal/));
    expect(await rows.count()).toBe(6);
    await visible(analysis.getByTestId('recommendation'));
    await shot(page, '10-ranked-analysis');
  }, stepTimeout);

  it('chooses the recommended supplier: the order shows with its milestones', async () => {
    const rfq = page.getByTestId('rfq-detail');
    const recommended = rfq.getByTestId('analysis-row').filter({ hasText: 'Recommended' });
    expect(await recommended.count()).toBe(1);
    const supplier = (await recommended.locator('th').first().textContent())!.replace(/Recommended$/, '').trim();
    await recommended.getByRole('button', { name: `Choose supplier ${supplier}` }).click();
    const order = rfq.getByTestId('order');
    await visible(order.getByRole('heading', { name: `Order with ${supplier}` }));
    await visible(order.getByTestId('order-status').getByText('Placed'));
    expect(await order.getByTestId('order-milestone').count()).toBeGreaterThan(3);
    await visible(recommended.getByTestId('supplier-chosen'));
    await visible(rfq.getByTestId('rfq-status').getByText('Awarded'));
    await shot(page, '11-order');

    expect(errors).toEqual([]);
    expect(consoleErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  }, stepTimeout);

  it('asked the server for nothing it refused, apart from what was not there yet or what the test sent wrong on purpose', () => {
    const expected = [
      /^GET \/api\/projects\/[^/]+\/dpg → 404$/,
      /^GET \/api\/rfqs\/[^/]+\/order → 404$/,
      /^POST \/api\/suppliers → 400$/,
    ];
    expect(failedRequests.filter((r) => !expected.some((e) => e.test(r)))).toEqual([]);
  });
});
