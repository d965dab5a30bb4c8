import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';

/** A page a studio adds to the web UI; the shell lists it in the project navigation. */
export interface UiPageRegistration {
  /** Path under the project page, for example `genome`. */
  path: string;
  title: string;
  studio: string;
}

/** A conversation handler: the agents layer calls it for messages of the studio's projects. */
export interface ConversationHandlerRegistration {
  studio: string;
  handle: (input: { projectId: string; messageId: string; content: string }) => Promise<void>;
}

/** What a tool call receives besides its input. */
export interface ToolCallContext {
  workspaceId: string;
  runId: string;
  stepId: string;
  /** The same for every attempt of one step: pass it to the external service so its effect happens once. */
  idempotencyKey: string;
  /** Aborted on timeout, cancel or shutdown. */
  signal: AbortSignal;
}

export interface ToolResult {
  output: unknown;
  /** What the call cost, for the attempt record. */
  costUsd?: number;
}

export interface ToolRegistration {
  name: string;
  description: string;
  /** Calls one worker process makes at once (default: the toolConcurrency setting). */
  concurrency?: number;
  /** The input it accepts; an input that fails it fails the step for good (TOOL_INPUT_INVALID), without calling the tool. */
  inputSchema?: z.ZodType<Record<string, unknown>>;
  /** Runs the tool; throw a FoundryError with `retryable: false` for failures a retry cannot fix. */
  execute?: (input: Record<string, unknown>, call: ToolCallContext) => Promise<ToolResult>;
}

export interface NodeTypeRegistration {
  type: string;
  description: string;
}

/**
 * What a studio contributes. The kernel only knows this shape; studios are loaded by the server
 * from a list, so the kernel never imports them.
 */
export interface FoundryPlugin {
  name: string;
  routes?: FastifyPluginAsync;
  tools?: ToolRegistration[];
  nodeTypes?: NodeTypeRegistration[];
  conversationHandler?: ConversationHandlerRegistration;
  uiPages?: UiPageRegistration[];
}

export interface PluginRegistry {
  readonly plugins: readonly FoundryPlugin[];
  tools(): ToolRegistration[];
  nodeTypes(): NodeTypeRegistration[];
  uiPages(): UiPageRegistration[];
  conversationHandler(studio: string): ConversationHandlerRegistration | undefined;
}

/** Validates and indexes plugins; duplicate names, tools or node types are configuration errors. */
export function createPluginRegistry(plugins: FoundryPlugin[]): PluginRegistry {
  assertUnique(plugins.map((p) => p.name), 'plugin');
  const tools = plugins.flatMap((p) => p.tools ?? []);
  assertUnique(tools.map((t) => t.name), 'tool');
  const nodeTypes = plugins.flatMap((p) => p.nodeTypes ?? []);
  assertUnique(nodeTypes.map((n) => n.type), 'node type');
  const handlers = new Map<string, ConversationHandlerRegistration>();
  for (const plugin of plugins) {
    const handler = plugin.conversationHandler;
    if (!handler) continue;
    if (handlers.has(handler.studio)) throw new Error(`Two conversation handlers for studio "${handler.studio}".`);
    handlers.set(handler.studio, handler);
  }
  return {
    plugins,
    tools: () => tools,
    nodeTypes: () => nodeTypes,
    uiPages: () => plugins.flatMap((p) => p.uiPages ?? []),
    conversationHandler: (studio) => handlers.get(studio),
  };
}

function assertUnique(names: string[], what: string): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new Error(`Duplicate ${what} "${name}" registered by plugins.`);
    seen.add(name);
  }
}
