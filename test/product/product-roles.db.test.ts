import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestFoundry, signUpUser, type Account, type TestFoundry } from '../support/test-foundry.ts';
import { productApi } from './product-journey-support.ts';

let foundry: TestFoundry;
let owner: Account;
let editor: Account;
let viewer: Account;

beforeAll(async () => {
  foundry = await createTestFoundry();
  owner = await signUpUser(foundry, 'Owner');
  editor = await signUpUser(foundry, 'Editor');
  viewer = await signUpUser(foundry, 'Viewer');
  for (const [account, role] of [[editor, 'editor'], [viewer, 'viewer']] as const) {
    const added = await foundry.app.inject({ method: 'POST', url: '/api/workspace/members', headers: as(owner), payload: { email: account.email, role } });
    expect(added.statusCode, added.body).toBe(201);
  }
});
afterAll(async () => {
  await foundry?.dispose();
});

describe('product studio roles', () => {
  it('lets viewers read, editors chat and edit, and only owners approve', async () => {
    const asOwner = productApi(foundry, owner);
    const headers = (account: Account) => ({ ...as(account), 'x-foundry-workspace': owner.workspaceId });
    const call = (account: Account, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
      foundry.app.inject({ method, url, headers: headers(account), ...(payload === undefined ? {} : { payload: payload as string }) });

    const projectId = await asOwner.createProject('Shared tumblers');
    const first = await call(editor, 'POST', `/api/projects/${projectId}/messages?wait=60`, { content: 'A 350 ml ceramic mug with our logo' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().reply.agent).toBe('design-partner');
    const dpg = await asOwner.dpg(projectId);

    expect((await call(viewer, 'GET', `/api/projects/${projectId}/dpg`)).statusCode).toBe(200);
    const viewerPost = await call(viewer, 'POST', `/api/projects/${projectId}/messages`, { content: 'hello' });
    expect(viewerPost.statusCode).toBe(403);
    const viewerPatch = await call(viewer, 'PATCH', `/api/dpgs/${dpg.id}`, { title: 'Mine' });
    expect(viewerPatch.statusCode).toBe(403);
    expect(viewerPatch.json().error.code).toBe('FORBIDDEN');

    await call(editor, 'POST', `/api/projects/${projectId}/messages?wait=60`, { content: 'No files, go ahead' });
    await call(editor, 'POST', `/api/projects/${projectId}/messages?wait=60`, { content: "That's exactly what I want!" });
    const filled = await call(editor, 'PATCH', `/api/dpgs/${dpg.id}`, {
      data: {
        materials: [{ name: 'stoneware', family: 'ceramic' }], dimensions: [{ name: 'height', mm: 95 }, { name: 'diameter', mm: 82 }], quantities: { total: 1200 },
        colors: [{ name: 'white', hex: '#ffffff' }], quality_standards: ['FDA 21 CFR 109.16 lead leaching'], packaging: { type: 'gift box' }, labeling: ['logo decal'],
      },
    });
    expect(filled.statusCode, filled.body).toBe(200);
    const roundTrip = await call(editor, 'PATCH', `/api/dpgs/${dpg.id}`, { data: { ...filled.json().data, labeling: null } });
    expect(roundTrip.statusCode, roundTrip.body).toBe(200);
    expect(roundTrip.json().missingSpecs.map((m: { key: string }) => m.key)).toEqual(['labeling']);
    expect((await call(editor, 'PATCH', `/api/dpgs/${dpg.id}`, { data: { labeling: ['logo decal'] } })).statusCode).toBe(200);
    const invalid = await call(editor, 'PATCH', `/api/dpgs/${dpg.id}`, { data: { quantities: { total: -5 } } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.code).toBe('DPG_DATA_INVALID');

    const reviewed = await call(editor, 'POST', `/api/projects/${projectId}/messages?wait=60`, { content: 'Done, that is everything' });
    expect(reviewed.json().stage, reviewed.json().reply?.content).toBe('reviewed');
    const editorApproves = await call(editor, 'POST', `/api/dpgs/${dpg.id}/approve`);
    expect(editorApproves.statusCode).toBe(403);
    const editorAsks = await call(editor, 'POST', `/api/projects/${projectId}/messages?wait=60`, { content: 'Looks good, approve it' });
    expect(editorAsks.json()).toMatchObject({ stage: 'reviewed' });
    expect(editorAsks.json().reply.content).toMatch(/Only a project owner can approve/);

    const approved = await call(owner, 'POST', `/api/dpgs/${dpg.id}/approve`);
    expect(approved.statusCode, approved.body).toBe(200);
    const version = await call(editor, 'POST', `/api/dpgs/${dpg.id}/versions`);
    expect(version.statusCode, version.body).toBe(201);
    expect(version.json()).toMatchObject({ version: 2, stage: 'designing' });
    expect((await call(editor, 'GET', `/api/projects/${projectId}/dpg`)).json().version).toBe(2);
    expect((await call(owner, 'GET', `/api/dpgs/${dpg.id}`)).json().stage).toBe('approved');
  });
});
