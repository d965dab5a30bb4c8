import { expect } from 'vitest';
import type { MessageView } from '../../src/projects/index.ts';
import { encodeMultipart, type MultipartPart } from '../support/route-fixtures.ts';
import { waitForIngestion } from '../support/knowledge-api.ts';
import { as, type Account, type TestFoundry } from '../support/test-foundry.ts';

export interface Chat {
  reply: MessageView;
  stage: string | null;
}

/** The calls a product studio journey makes, as one account. */
export function productApi(foundry: TestFoundry, account: Account) {
  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    foundry.app.inject({ method, url, headers: { ...as(account), ...headers }, ...(payload === undefined ? {} : { payload: payload as string }) });
  return {
    call,
    async createProject(name: string, description = ''): Promise<string> {
      const created = await call('POST', '/api/projects', { name, studio: 'product', description });
      expect(created.statusCode, created.body).toBe(201);
      return created.json<{ id: string }>().id;
    },
    async chat(projectId: string, content: string): Promise<Chat> {
      const posted = await call('POST', `/api/projects/${projectId}/messages?wait=90`, { content });
      expect(posted.statusCode, posted.body).toBe(201);
      const body = posted.json<{ reply: MessageView | null; stage: string | null }>();
      expect(body.reply, `no reply to "${content}"`).not.toBeNull();
      expect(body.reply!.role, body.reply!.content).toBe('assistant');
      return { reply: body.reply!, stage: body.stage };
    },
    async upload(projectId: string, part: MultipartPart) {
      const body = encodeMultipart([part]);
      return foundry.app.inject({ method: 'POST', url: `/api/projects/${projectId}/files`, headers: { ...as(account), ...body.headers }, payload: body.payload });
    },
    async uploadAndRead(projectId: string, part: MultipartPart): Promise<void> {
      const uploaded = await this.upload(projectId, part);
      expect(uploaded.statusCode, uploaded.body).toBe(201);
      const source = uploaded.json<{ knowledgeSource: { id: string } }>().knowledgeSource;
      const read = await waitForIngestion(async (url) => (await call('GET', url)).json(), source.id);
      expect(read.status, read.errorMessage ?? '').toBe('ready');
    },
    async dpg(projectId: string) {
      const response = await call('GET', `/api/projects/${projectId}/dpg`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<DpgJson>();
    },
  };
}

export interface AssetJson { id: string; kind: string; view: string; version: number; parentId: string | null; engine: { provider: string; model: string }; parameters: Record<string, unknown>; pngUrl: string; svgUrl: string | null }
export interface DpgJson {
  id: string;
  stage: string;
  version: number;
  category: string;
  summary: string;
  data: Record<string, unknown> & { quantities?: { total: number; split?: { label: string }[] }; materials?: { name: string }[]; colors?: { name: string }[] };
  visualAssets: { concept_sketches: AssetJson[]; flat_views: { front: AssetJson[]; back: AssetJson[]; side: AssetJson[] }; callouts: AssetJson[] };
  missingSpecs: { key: string }[];
  selectedConcept: number | null;
}
