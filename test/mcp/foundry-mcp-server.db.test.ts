import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tables } from '../../src/db/index.ts';
import type { RunView } from '../../src/engine/index.ts';
import { newId } from '../../src/kernel/index.ts';
import { createTestFoundry, signUpUser, type Account, type TestFoundry } from '../support/test-foundry.ts';

/** `foundry mcp` as an MCP client runs it: the real CLI process, talking to a real Foundry server over HTTP. */

const cli = join(import.meta.dirname, '../../src/cli/main.ts');
let foundry: TestFoundry;
let url: string;
let owner: Account;
let projectId: string;
let client: Client;

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(new URL(path, url), {
    method, headers: { authorization: `Bearer ${owner.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const parsed = await response.json() as T;
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(parsed)}`);
  return parsed;
}

async function tool<T = Record<string, unknown>>(name: string, args: Record<string, unknown> = {}): Promise<T> {
  const result = await client.callTool({ name, arguments: args }) as CallToolResult;
  if (result.isError) throw new Error(`${name} failed: ${JSON.stringify(result.content)}`);
  return result.structuredContent as T;
}

const env = () => ({ PATH: process.env.PATH ?? '', FOUNDRY_URL: url, FOUNDRY_TOKEN: owner.token });

beforeAll(async () => {
  foundry = await createTestFoundry();
  url = (await foundry.app.listen({ port: 0, host: '127.0.0.1' })).replace('localhost', '127.0.0.1');
  owner = await signUpUser(foundry, 'MCP Client User');
  projectId = (await api<{ id: string }>('POST', '/api/projects', { name: 'Phone cases', studio: 'product', description: '10,000 custom cases' })).id;
  client = new Client({ name: 'foundry-test', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [cli, 'mcp'], env: env(), stderr: 'pipe' }));
});
afterAll(async () => {
  await client?.close();
  await foundry?.dispose();
});

const definition = (nodes: Record<string, unknown>[]) => ({
  name: 'MCP started', nodes: [{ id: 'start', type: 'trigger', name: 'Start' }, ...nodes],
  edges: nodes.map((n, i) => ({ from: i === 0 ? 'start' : String(nodes[i - 1]!.id), to: String(n.id) })),
});

describe('foundry mcp over stdio', () => {
  it('offers the Foundry tools, each with an input schema and a description', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      'cancel_run', 'get_project', 'get_run', 'list_projects', 'list_runs', 'list_workflows', 'list_workspaces', 'search_knowledge', 'send_message', 'start_run',
    ]);
    for (const t of tools) expect([t.name, t.description!.length > 20, t.inputSchema.type]).toEqual([t.name, true, 'object']);
  });

  it('lists workspaces and projects as the API does', async () => {
    const workspaces = await tool<{ items: { id: string }[] }>('list_workspaces');
    expect(workspaces.items.map((w) => w.id)).toContain(owner.workspaceId);
    const projects = await tool<{ items: { id: string; name: string }[] }>('list_projects');
    const fromApi = await api<{ items: { id: string }[] }>('GET', '/api/projects?limit=50');
    expect(projects.items.map((p) => p.id)).toEqual(fromApi.items.map((p) => p.id));
    expect(projects.items).toContainEqual(expect.objectContaining({ id: projectId, name: 'Phone cases' }));
  });

  it('sends a message to the project conversation and returns it, with the reply that comes during the wait', async () => {
    const content = 'Black TPU cases, 150 x 75 mm, 10,000 units by June';
    const sending = tool<{ message: { id: string; content: string; role: string }; reply: { role: string; id: string; content: string } | null }>('send_message', {
      projectId, content, waitSeconds: 60,
    });
    const messages = async () => (await api<{ items: { id: string; role: string; content: string }[] }>('GET', `/api/projects/${projectId}/messages?limit=50`)).items;
    let stored: { id: string } | undefined;
    for (let i = 0; i < 500 && !stored; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      stored = (await messages()).find((m) => m.content === content);
    }
    if (!stored) throw new Error('the message was never stored');
    // Stands in for the conversation runtime's answer when no agent has replied yet.
    await foundry.database.db.insert(tables.messages).values({
      id: newId(), workspaceId: owner.workspaceId, projectId, role: 'assistant', content: 'Noted: 10,000 black TPU cases.', agent: 'test', metadata: {}, attachments: [],
    });
    const sent = await sending;
    expect(sent.message).toMatchObject({ id: stored.id, role: 'user', content });
    const items = await messages();
    const firstReply = items.slice(items.findIndex((m) => m.id === stored.id) + 1).find((m) => m.role === 'assistant');
    expect(sent.reply).toMatchObject({ id: firstReply?.id, role: 'assistant' });
    const shown = await tool<{ project: { id: string }; messages: { id: string }[] }>('get_project', { projectId, recentMessages: 5 });
    expect(shown.project.id).toBe(projectId);
    expect(shown.messages.map((m) => m.id)).toContain(stored.id);
    const quick = await tool<{ message: { id: string }; reply: unknown }>('send_message', { projectId, content: 'No wait, please.', waitSeconds: 0 });
    expect(quick.reply).toBeNull();
  });

  it('starts a run of an ad-hoc definition and of a saved workflow, and shows it as the API does', async () => {
    const started = await tool<RunView>('start_run', {
      definition: definition([{ id: 'out', type: 'output', name: 'Out', config: { value: 'input.sku' } }]), input: { sku: 'CASE-14' },
    });
    expect(started.status).toMatch(/queued|running|succeeded/);
    let run = started;
    for (let i = 0; i < 200 && run.status !== 'succeeded'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      run = await tool<RunView>('get_run', { runId: started.id });
    }
    expect(run).toMatchObject({ status: 'succeeded', output: { out: 'CASE-14' } });
    expect(run).toEqual(await api<RunView>('GET', `/api/runs/${started.id}`));
    const saved = await api<{ id: string }>('POST', '/api/workflows', { definition: definition([{ id: 'out', type: 'output', name: 'Out', config: { value: '"saved"' } }]) });
    expect((await tool<{ items: { id: string }[] }>('list_workflows')).items.map((w) => w.id)).toContain(saved.id);
    const fromSaved = await tool<RunView>('start_run', { workflowId: saved.id });
    expect(fromSaved.workflowId).toBe(saved.id);
    const runs = await tool<{ items: { id: string }[] }>('list_runs', { workflowId: saved.id });
    expect(runs.items.map((r) => r.id)).toEqual([fromSaved.id]);
  });

  it('cancels a run', async () => {
    const waiting = await tool<RunView>('start_run', { definition: definition([{ id: 'pause', type: 'wait', name: 'Pause', config: { durationMs: 600_000 } }]) });
    const cancelled = await tool<RunView>('cancel_run', { runId: waiting.id });
    expect(cancelled.status).toBe('cancelled');
    expect((await api<RunView>('GET', `/api/runs/${waiting.id}`)).status).toBe('cancelled');
  });

  it('returns API errors as tool errors carrying the Foundry error code', async () => {
    const missing = await client.callTool({ name: 'get_project', arguments: { projectId: '00000000-0000-4000-8000-000000000000' } }) as CallToolResult;
    expect(missing.isError).toBe(true);
    expect(missing.content[0]).toMatchObject({ type: 'text', text: expect.stringMatching(/^PROJECT_NOT_FOUND: /) });
    expect(missing.structuredContent).toMatchObject({ error: { code: 'PROJECT_NOT_FOUND' } });
    const both = await client.callTool({ name: 'start_run', arguments: { input: {} } }) as CallToolResult;
    expect(both).toMatchObject({ isError: true, structuredContent: { error: { code: 'VALIDATION_FAILED' } } });
  });

  it("searches the project's knowledge as GET /api/projects/:id/knowledge/search does", async () => {
    const form = new FormData();
    form.append('file', new Blob(['# Materials\n\nThe cases are moulded from matte black TPU, 1.2 mm thick.\n\n# Shipping\n\nSea freight from Shenzhen.'], { type: 'text/markdown' }), 'brief.md');
    const upload = await fetch(new URL(`/api/projects/${projectId}/knowledge`, url), { method: 'POST', headers: { authorization: `Bearer ${owner.token}` }, body: form });
    expect(upload.status, await upload.clone().text()).toBe(202);
    const source = await upload.json() as { id: string };
    for (let i = 0; i < 400; i++) {
      const { status } = await api<{ status: string }>('GET', `/api/knowledge/${source.id}`);
      if (status === 'ready' || status === 'error') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const found = await tool<{ results: { text: string; citation: { sourceName: string } }[] }>('search_knowledge', { projectId, query: 'TPU thickness', limit: 3 });
    expect(found).toEqual(await api('GET', `/api/projects/${projectId}/knowledge/search?q=${encodeURIComponent('TPU thickness')}&limit=3`));
    expect(found.results[0]).toMatchObject({ text: expect.stringContaining('TPU'), citation: { sourceName: 'brief.md' } });
  });

  it('exposes projects as resources', async () => {
    const { resources } = await client.listResources();
    expect(resources).toContainEqual(expect.objectContaining({ uri: `foundry://projects/${projectId}`, name: 'Phone cases' }));
    const read = await client.readResource({ uri: `foundry://projects/${projectId}` });
    expect(JSON.parse(String((read.contents[0] as { text: string }).text))).toMatchObject({ project: { id: projectId, name: 'Phone cases' } });
  });
});

describe('foundry mcp --http', () => {
  let child: ChildProcess;
  let endpoint: string;
  beforeAll(async () => {
    child = spawn(process.execPath, [cli, 'mcp', '--http', '0'], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    endpoint = await new Promise<string>((resolve, reject) => {
      child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
        const match = /on (http:\/\/127\.0\.0\.1:\d+\/mcp)/.exec(stderr);
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`foundry mcp --http exited (${code}): ${stderr}`)));
    });
  });
  afterAll(async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  });

  it('serves the same tools on 127.0.0.1 to clients that send the token', async () => {
    const http = new Client({ name: 'foundry-test-http', version: '1.0.0' });
    await http.connect(new StreamableHTTPClientTransport(new URL(endpoint), { requestInit: { headers: { authorization: `Bearer ${owner.token}` } } }));
    try {
      const result = await http.callTool({ name: 'list_projects', arguments: {} }) as CallToolResult;
      expect((result.structuredContent as { items: { id: string }[] }).items.map((p) => p.id)).toContain(projectId);
    } finally {
      await http.close();
    }
  });

  it('refuses clients without the token and requests for another host', async () => {
    const initialize = { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'x', version: '1' } } };
    const post = (headers: Record<string, string>) => new Promise<number>((resolve, reject) => {
      const body = JSON.stringify(initialize);
      request(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      }).on('error', reject).end(body);
    });
    expect(await post({})).toBe(401);
    expect(await post({ authorization: 'Bearer wrong' })).toBe(401);
    expect(await post({ authorization: `Bearer ${owner.token}`, host: 'evil.example' })).toBe(403);
    expect(await post({ authorization: `Bearer ${owner.token}` })).toBe(200);
  });
});
