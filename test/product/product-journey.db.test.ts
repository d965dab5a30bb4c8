import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf, makeTextPng } from '../support/knowledge-fixtures.ts';
import { createTestFoundry, signUpUser, type Account, type TestFoundry } from '../support/test-foundry.ts';
import { productApi, type Chat, type DpgJson } from './product-journey-support.ts';

let foundry: TestFoundry;
let owner: Account;
let api: ReturnType<typeof productApi>;

beforeAll(async () => {
  foundry = await createTestFoundry();
  owner = await signUpUser(foundry, 'Product Owner');
  api = productApi(foundry, owner);
  const suppliers = await api.call('POST', '/api/suppliers', await readFile('test/fixtures/product/suppliers.csv', 'utf8'), { 'content-type': 'text/csv' });
  expect(suppliers.statusCode, suppliers.body).toBe(201);
});
afterAll(async () => {
  await foundry?.dispose();
});

/** Answers the partner's spec questions, each by what it asks, until the DPG is reviewed. */
async function answerSpecs(projectId: string, first: Chat, answers: Record<string, string>): Promise<Chat[]> {
  const turns: Chat[] = [];
  let current = first;
  for (let i = 0; i < 10 && current.stage === 'specifying'; i++) {
    const asked = current.reply.metadata.asked as string;
    expect(answers[asked], `no answer for the question about ${asked}: ${current.reply.content}`).toBeDefined();
    current = await api.chat(projectId, answers[asked]!);
    expect(current.reply.metadata.understood, current.reply.content).not.toEqual([]);
    turns.push(current);
  }
  expect(current.stage).toBe('reviewed');
  return turns;
}

describe('the product studio journey (seed 000, section 7.1) with no API key', () => {
  it('takes phone cases from a first message to an approved DPG, an RFQ, ranked quotes and an order', async () => {
    const projectId = await api.createProject('Brand phone cases');

    const opened = await api.chat(projectId, 'I want to create custom phone cases for my brand');
    expect(opened.stage).toBe('ignition');
    expect(opened.reply.agent).toBe('design-partner');
    expect(opened.reply.content).toMatch(/upload your logo/i);
    const started = await api.dpg(projectId);
    expect(started).toMatchObject({ stage: 'ignition', version: 1, category: 'phone_accessory', data: { materials: null, quantities: null, labeling: null } });
    expect(Object.keys(started.data)).toEqual(expect.arrayContaining(['materials', 'dimensions', 'colors', 'quantities', 'quality_standards', 'packaging', 'labeling']));

    await api.uploadAndRead(projectId, { name: 'file', filename: 'acme-logo.png', contentType: 'image/png', content: makeTextPng(['ACME']) });
    await api.uploadAndRead(projectId, {
      name: 'file', filename: 'acme-brand-guidelines.pdf', contentType: 'application/pdf',
      content: await makePdf(['Acme brand guidelines. Our primary colour is Pantone 7621 C red and our secondary colour is black. The style is clean, premium and minimal. Our cases are made for the iPhone 14 and iPhone 15.']),
    });
    const wrongType = await api.upload(projectId, { name: 'file', filename: 'setup.exe', contentType: 'application/octet-stream', content: Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]) });
    expect(wrongType.statusCode, wrongType.body).toBe(415);
    expect(wrongType.json().error.code).toBe('UNSUPPORTED_FILE_TYPE');

    const concepts = await api.chat(projectId, 'Yes, but make them more minimalist');
    expect(concepts.stage).toBe('designing');
    expect(concepts.reply.content).toMatch(/3 minimalist concepts/);
    let dpg = await api.dpg(projectId);
    expect(dpg.summary).toMatch(/acme-logo\.png/);
    expect(dpg.data.colors).toContainEqual({ name: 'red', pantone: '7621 C' });
    expect(dpg.visualAssets.concept_sketches).toHaveLength(3);
    expect(dpg.visualAssets.flat_views.front).toHaveLength(1);
    const png = await api.call('GET', dpg.visualAssets.flat_views.front[0]!.pngUrl);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');

    const early = await api.call('POST', `/api/dpgs/${dpg.id}/approve`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('DPG_NOT_REVIEWED');

    const smaller = await api.chat(projectId, 'I like #2 but the logo should be smaller');
    expect(smaller.reply.content).toMatch(/version 2/);
    dpg = await api.dpg(projectId);
    expect(dpg.selectedConcept).toBe(2);
    const [v1, v2] = dpg.visualAssets.flat_views.front;
    expect(v2!.version).toBe(2);
    expect(v2!.parentId).toBe(v1!.id);
    const logoWidth = (a: typeof v1) => (a!.parameters.logo as { widthMm: number }).widthMm;
    expect(logoWidth(v2)).toBeLessThan(logoWidth(v1));
    const conceptTwo = dpg.visualAssets.concept_sketches.filter((a) => a.view === '2');
    expect(conceptTwo.map((a) => a.version)).toEqual([1, 2]);
    expect(logoWidth(conceptTwo[1])).toBeLessThan(logoWidth(conceptTwo[0]));
    expect((await api.call('GET', v1!.pngUrl)).statusCode).toBe(200);

    const approvedDesign = await api.chat(projectId, "That's exactly what I want!");
    expect(approvedDesign.stage).toBe('specifying');
    await answerSpecs(projectId, approvedDesign, {
      materials: 'flexible TPU with raised bezels',
      quantities: '10,000 units, mixed between iPhone 14 and 15',
      dimensions: '150 x 75 x 12 mm',
      colors: 'Pantone 7621 C red and black',
      quality_standards: 'ISO 9001 certified factory, drop tested',
      packaging: 'Individual recycled kraft box with our logo',
      labeling: 'Logo debossed on the back, country of origin and a barcode on the box',
    });
    dpg = await api.dpg(projectId);
    expect(dpg.stage).toBe('reviewed');
    expect(dpg.data.quantities).toMatchObject({ total: 10_000, split: [{ label: 'iPhone 14' }, { label: 'iPhone 15' }] });
    expect(dpg.data.materials?.[0]?.name).toBe('TPU');
    expect(dpg.data.bezel_height_mm).toBe(1.5);
    expect(dpg.missingSpecs).toEqual([]);

    const analysis = await api.call('GET', `/api/dpgs/${dpg.id}/analysis`);
    expect(analysis.statusCode, analysis.body).toBe(200);
    const conversation = (await api.call('GET', `/api/dpgs/${dpg.id}/conversation`)).json<{ items: { role: string; content: string }[] }>().items;
    expect(conversation[0]).toMatchObject({ role: 'user', content: 'I want to create custom phone cases for my brand' });
    expect(conversation.filter((m) => m.role === 'assistant').length).toBe(conversation.filter((m) => m.role === 'user').length);
    expect(analysis.json().manufacturability.feasibilityScore).toBeGreaterThan(0);

    const approved = await api.call('POST', `/api/dpgs/${dpg.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json<DpgJson>().stage).toBe('approved');
    const locked = await api.call('PATCH', `/api/dpgs/${dpg.id}`, { data: { packaging: { type: 'bulk' } } });
    expect(locked.json().error.code).toBe('DPG_LOCKED');

    const rfq = await api.call('POST', `/api/dpgs/${dpg.id}/rfqs`, {});
    expect(rfq.statusCode, rfq.body).toBe(201);
    const rfqId = rfq.json<{ id: string }>().id;
    expect(rfq.json()).toMatchObject({ quantityTiers: expect.arrayContaining([100, 500, 1000, 5000, 10_000]) });
    expect(rfq.json().matches.length).toBeGreaterThan(0);
    const pdf = await api.call('GET', `/api/rfqs/${rfqId}?format=pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await api.call('GET', `/api/rfqs/${rfqId}?format=docx`);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const md = await api.call('GET', `/api/rfqs/${rfqId}?format=md`);
    expect(md.body.match(/^## /gm)).toHaveLength(9);

    const missingColumns = await api.call('POST', `/api/rfqs/${rfqId}/quotes`, 'supplier,moq\nAcme,100\n', { 'content-type': 'text/csv' });
    expect(missingColumns.statusCode).toBe(400);
    expect(missingColumns.json().error.code).toBe('QUOTES_CSV_INVALID');
    const unknownRfq = await api.call('POST', '/api/rfqs/00000000-0000-4000-8000-000000000000/quotes', [{ supplierName: 'X', tiers: [{ quantity: 100, unitPrice: 1 }], leadTimeDays: 10, moq: 100 }]);
    expect(unknownRfq.statusCode).toBe(404);
    expect(unknownRfq.json().error.code).toBe('RFQ_NOT_FOUND');
    expect((await api.call('GET', `/api/rfqs/${rfqId}/quotes`)).json().items).toHaveLength(0);

    const quotes = await api.call('POST', `/api/rfqs/${rfqId}/quotes`, await readFile('test/fixtures/product/quotes-phone-cases.csv', 'utf8'), { 'content-type': 'text/csv' });
    expect(quotes.statusCode, quotes.body).toBe(201);
    expect(quotes.json().items).toHaveLength(6);

    const ranked = await api.call('GET', `/api/rfqs/${rfqId}/analysis?method=topsis`);
    expect(ranked.statusCode, ranked.body).toBe(200);
    const result = ranked.json<{ ranked: { quoteId: string; rank: number }[]; recommendation: { quoteId: string; rationale: string } | null; redFlags: unknown[] }>();
    expect(result.ranked.map((q) => q.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(result.recommendation?.rationale).toBeTruthy();
    expect(result.redFlags.length).toBeGreaterThan(0);
    const reweighted = await api.call('GET', `/api/rfqs/${rfqId}/analysis?method=weighted&price=1&quality=0&delivery=0&compliance=0`);
    expect(reweighted.statusCode, reweighted.body).toBe(200);

    const chat = await api.chat(projectId, 'Which supplier do you recommend?');
    expect(chat.reply.content).toMatch(/I have 6 quotes/);

    const order = await api.call('POST', `/api/rfqs/${rfqId}/order`, { quoteId: result.recommendation!.quoteId });
    expect(order.statusCode, order.body).toBe(201);
    expect(order.json().milestones.length).toBeGreaterThan(3);
    const again = await api.call('POST', `/api/rfqs/${rfqId}/order`, { quoteId: result.recommendation!.quoteId });
    expect(again.json().error.code).toBe('ORDER_EXISTS');
  });

  it('takes a hoodie from a chat to an approved DPG and an RFQ', async () => {
    const projectId = await api.createProject('Team hoodies');
    const opened = await api.chat(projectId, 'We need 500 hoodies for our team, heavyweight organic cotton fleece');
    expect(opened.stage).toBe('ignition');
    const concepts = await api.chat(projectId, 'No files, go ahead and sketch something');
    expect(concepts.stage).toBe('designing');
    expect((await api.dpg(projectId)).category).toBe('apparel');
    const collar = await api.chat(projectId, 'Go with concept 3 and give it a pointed collar');
    expect(collar.reply.metadata.changes).not.toEqual([]);
    const spec = await api.chat(projectId, 'Perfect, approved');
    await answerSpecs(projectId, spec, {
      materials: 'go with your recommendation',
      dimensions: 'sizes S-XXL, 380 gsm',
      quantities: '500 units across the sizes',
      colors: 'navy and white',
      quality_standards: 'OEKO-TEX Standard 100',
      packaging: 'folded in individual polybags',
      labeling: 'woven neck label, care and content label, size label',
    });
    const review = await api.chat(projectId, 'Looks good, approve it');
    expect(review.stage).toBe('approved');
    const quotes = await api.chat(projectId, "Yes, let's get quotes");
    expect(quotes.reply.content).toMatch(/RFQ-\d{8}-\d{4}/);
  });

  it('takes a stainless steel water bottle through the same journey with other words', async () => {
    const projectId = await api.createProject('Bottles');
    await api.chat(projectId, 'Looking to make a 750 ml stainless steel water bottle, double wall vacuum insulated, for the US and EU');
    const concepts = await api.chat(projectId, 'Sure, draw it');
    expect(concepts.stage).toBe('designing');
    const dpg = await api.dpg(projectId);
    expect(dpg.category).toBe('drinkware');
    expect(dpg.data).toMatchObject({ capacity_ml: 750, insulation: 'double_wall_vacuum', target_markets: ['US', 'EU'] });
    const spec = await api.chat(projectId, 'Love it, approved');
    await answerSpecs(projectId, spec, {
      materials: '18/8 stainless steel',
      dimensions: '75 mm diameter, 270 mm tall',
      quantities: '2,000 units',
      colors: 'matte black',
      quality_standards: 'your recommendation',
      packaging: 'gift box',
      labeling: 'laser-engraved logo, care instructions on the box',
    });
    const analysis = await api.call('GET', `/api/dpgs/${dpg.id}/analysis`);
    const regulations = analysis.json<{ compliance: { requirements: { regulation: string }[] } }>().compliance.requirements.map((r) => r.regulation).join(' ');
    expect(regulations).toMatch(/FDA indirect food additives/);
    expect(regulations).toMatch(/Food contact materials/);
  });
});
