import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { RunSummaryView, RunView } from '../engine/index.ts';
import { FoundryError } from '../kernel/index.ts';
import type { MessageView, ProjectView } from '../projects/index.ts';
import type { ApiCall } from './api-client.ts';

/** The API client for a workspace (or the default one: FOUNDRY_WORKSPACE, else the token's personal workspace). */
export type ApiFor = (workspaceId?: string) => ApiCall;

const workspaceId = z.uuid().optional().describe('Workspace to act in; default: FOUNDRY_WORKSPACE, else your personal workspace.');
const projectId = z.uuid().describe('The project id (from list_projects).');
const runId = z.uuid().describe('The run id (from start_run or list_runs).');
const runStatus = z.enum(['queued', 'running', 'waiting', 'paused', 'succeeded', 'failed', 'compensating', 'compensated', 'cancelled']);

const path = (template: string, ...ids: string[]) => ids.reduce((p, id) => p.replace(/:[a-z]+/, encodeURIComponent(id)), template);
const query = (values: Record<string, string | number | undefined>) => {
  const params = new URLSearchParams(Object.entries(values).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));
  return params.size === 0 ? '' : `?${params}`;
};

function ok(value: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(value, null, 2) }], structuredContent: value };
}

/** A failure as an MCP tool error that carries Foundry's error code, so the model can tell what went wrong. */
function failed(error: unknown): CallToolResult {
  const body = FoundryError.isInstance(error)
    ? error.toJSON()
    : { code: 'ERROR', message: error instanceof Error ? error.message : String(error) };
  return { isError: true, content: [{ type: 'text', text: `${body.code}: ${body.message}` }], structuredContent: { error: body } };
}

const handle = <A>(run: (args: A) => Promise<Record<string, unknown>>) => async (args: A): Promise<CallToolResult> => {
  try {
    return ok(await run(args));
  } catch (error) {
    return failed(error);
  }
};

/** Waits up to `waitMs` for an assistant message after `messageId` in the project's newest messages. */
async function replyTo(call: ApiCall, project: string, messageId: string, waitMs: number): Promise<MessageView | null> {
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(500, Math.max(0, deadline - Date.now()))));
    const { items } = await call<{ items: MessageView[] }>('GET', `${path('/api/projects/:id/messages', project)}?limit=50`);
    const after = items.slice(items.findIndex((m) => m.id === messageId) + 1);
    const reply = items.some((m) => m.id === messageId) ? after.find((m) => m.role === 'assistant') : undefined;
    if (reply) return reply;
  }
  return null;
}

/**
 * Foundry's tools and resources for MCP clients: workspaces, projects and their conversation,
 * knowledge search, workflows and runs, each through the HTTP API with the caller's token. API
 * errors come back as tool errors (`isError`) whose text starts with the Foundry error code.
 */
export function registerFoundryTools(server: McpServer, api: ApiFor): void {
  server.registerTool('list_workspaces', {
    title: 'List workspaces', description: 'The Foundry workspaces you belong to, with your role in each. Pass a workspace id to other tools to act in it.',
    inputSchema: {}, annotations: { readOnlyHint: true },
  }, handle(async () => api()<{ items: unknown[] }>('GET', '/api/workspaces')));

  server.registerTool('list_projects', {
    title: 'List projects', description: 'Projects of a workspace, newest first: id, name, studio (product, software, builder, brand), status and stage.',
    inputSchema: {
      status: z.enum(['active', 'on_hold', 'completed', 'archived']).optional(), studio: z.enum(['product', 'software', 'builder', 'brand']).optional(),
      limit: z.number().int().min(1).max(100).default(50), workspaceId,
    },
    annotations: { readOnlyHint: true },
  }, handle(async (a: { status?: string; studio?: string; limit: number; workspaceId?: string }) =>
    api(a.workspaceId)<{ items: ProjectView[] }>('GET', `/api/projects${query({ limit: a.limit, status: a.status, studio: a.studio })}`)));

  server.registerTool('get_project', {
    title: 'Get a project', description: 'A project with its most recent conversation messages (oldest first).',
    inputSchema: { projectId, recentMessages: z.number().int().min(0).max(100).default(10).describe('How many recent messages to include.'), workspaceId },
    annotations: { readOnlyHint: true },
  }, handle(async (a: { projectId: string; recentMessages: number; workspaceId?: string }) => {
    const call = api(a.workspaceId);
    const project = await call<ProjectView>('GET', path('/api/projects/:id', a.projectId));
    const messages = a.recentMessages === 0 ? [] : (await call<{ items: MessageView[] }>('GET', `${path('/api/projects/:id/messages', a.projectId)}?limit=${a.recentMessages}`)).items;
    return { project, messages };
  }));

  server.registerTool('send_message', {
    title: 'Send a message to a project', description: "Posts a message to the project's conversation as you, then waits up to waitSeconds for the assistant's reply. Returns the stored message and the reply, or null if none came in time (it may still arrive: see get_project).",
    inputSchema: { projectId, content: z.string().min(1).max(100_000), waitSeconds: z.number().min(0).max(120).default(15), workspaceId },
  }, handle(async (a: { projectId: string; content: string; waitSeconds: number; workspaceId?: string }) => {
    const call = api(a.workspaceId);
    const { message } = await call<{ message: MessageView }>('POST', path('/api/projects/:id/messages', a.projectId), { content: a.content });
    return { message, reply: await replyTo(call, a.projectId, message.id, a.waitSeconds * 1000) };
  }));

  server.registerTool('search_knowledge', {
    title: "Search a project's knowledge", description: 'Searches the files and pages uploaded to a project; returns the best passages with their score and citation (source, page or sheet, offset).',
    inputSchema: { projectId, query: z.string().min(1).max(1_000), limit: z.number().int().min(1).max(50).default(8), workspaceId },
    annotations: { readOnlyHint: true },
  }, handle(async (a: { projectId: string; query: string; limit: number; workspaceId?: string }) =>
    api(a.workspaceId)<{ results: unknown[] }>('GET', `${path('/api/projects/:id/knowledge/search', a.projectId)}${query({ q: a.query, limit: a.limit })}`)));

  server.registerTool('list_workflows', {
    title: 'List workflows', description: 'Saved workflows of a workspace: id, name, latest version. Start one with start_run.',
    inputSchema: { workspaceId }, annotations: { readOnlyHint: true },
  }, handle(async (a: { workspaceId?: string }) => api(a.workspaceId)<{ items: unknown[] }>('GET', '/api/workflows')));

  server.registerTool('start_run', {
    title: 'Start a workflow run', description: 'Starts a run of a saved workflow (workflowId, optionally a version) or of an ad-hoc workflow definition, with an input object. Returns the queued run; follow it with get_run.',
    inputSchema: {
      workflowId: z.uuid().optional(), version: z.number().int().min(1).optional(),
      definition: z.record(z.string(), z.unknown()).optional().describe('A workflow definition (nodes and edges), instead of workflowId.'),
      input: z.record(z.string(), z.unknown()).default({}), idempotencyKey: z.string().min(1).max(200).optional().describe('Starting again with the same key returns the first run.'),
      workspaceId,
    },
  }, handle(async ({ workspaceId: workspace, ...body }: { workflowId?: string; version?: number; definition?: Record<string, unknown>; input: Record<string, unknown>; idempotencyKey?: string; workspaceId?: string }) =>
    api(workspace)<RunView>('POST', '/api/runs', body)));

  server.registerTool('get_run', {
    title: 'Get a run', description: 'A run with its status, output or error, and every step with its attempts.',
    inputSchema: { runId, workspaceId }, annotations: { readOnlyHint: true },
  }, handle(async (a: { runId: string; workspaceId?: string }) => api(a.workspaceId)<RunView>('GET', path('/api/runs/:id', a.runId))));

  server.registerTool('list_runs', {
    title: 'List runs', description: 'Runs of a workspace, newest first, optionally of one workflow or in one status.',
    inputSchema: { workflowId: z.uuid().optional(), status: runStatus.optional(), limit: z.number().int().min(1).max(200).default(20), workspaceId },
    annotations: { readOnlyHint: true },
  }, handle(async (a: { workflowId?: string; status?: string; limit: number; workspaceId?: string }) =>
    api(a.workspaceId)<{ items: RunSummaryView[] }>('GET', `/api/runs${query({ workflowId: a.workflowId, status: a.status, limit: a.limit })}`)));

  server.registerTool('cancel_run', {
    title: 'Cancel a run', description: 'Cancels a run: steps in flight are aborted and it ends cancelled (refused while it compensates or once it ended).',
    inputSchema: { runId, workspaceId }, annotations: { destructiveHint: true },
  }, handle(async (a: { runId: string; workspaceId?: string }) => api(a.workspaceId)<RunView>('POST', path('/api/runs/:id/cancel', a.runId))));

  server.registerResource('project', new ResourceTemplate('foundry://projects/{projectId}', {
    list: async () => {
      const { items } = await api()<{ items: ProjectView[] }>('GET', '/api/projects?limit=100');
      return { resources: items.map((p) => ({ uri: `foundry://projects/${p.id}`, name: p.name, description: `${p.studio} project, ${p.status}`, mimeType: 'application/json' })) };
    },
  }), { title: 'Foundry project', description: 'A project of your default workspace with its recent messages, as JSON.', mimeType: 'application/json' }, async (uri, variables) => {
    const id = String(variables.projectId);
    const call = api();
    const project = await call<ProjectView>('GET', path('/api/projects/:id', id));
    const { items } = await call<{ items: MessageView[] }>('GET', `${path('/api/projects/:id/messages', id)}?limit=20`);
    return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify({ project, messages: items }, null, 2) }] };
  });
}
