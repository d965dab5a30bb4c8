import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';

/** A page a studio adds to the web UI; the shell lists it in the project navigation. */
export interface UiPageRegistration {
  /** Path under the project page, for example `genome`. */
  path: string;
  title: string;
  studio: string;
}

/**
 * A conversation handler: the agents layer calls it for each message of the studio's projects and
 * stores what it returns. The turn and reply types belong to the agents layer (build one with its
 * `defineConversationHandler`); the kernel only carries the registration.
 */
export interface ConversationHandlerRegistration {
  studio: string;
  /** A name for the replies it writes (the message's `agent`). */
  agent: string;
  handle: (turn: never) => Promise<unknown>;
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

/** Calls allowed per second and per minute; each limit alone is a token bucket that holds as many calls as its rate. */
export interface ToolRateLimit {
  perSecond?: number;
  perMinute?: number;
}

export interface ToolRegistration {
  name: string;
  description: string;
  /** Calls one worker process makes at once (default: the toolConcurrency setting). */
  concurrency?: number;
  /** The input it accepts; an input that fails it fails the step for good (TOOL_INPUT_INVALID), without calling the tool. */
  inputSchema?: z.ZodType<Record<string, unknown>>;
  /** The output a call must return; an output that fails it fails the step for good (TOOL_OUTPUT_INVALID). */
  outputSchema?: z.ZodType;
  /** Calls one worker process starts, per second and per minute; calls beyond it wait their turn. */
  rateLimit?: ToolRateLimit;
  /** The price of one call in USD, recorded on the attempt when the result does not say what it cost. */
  costPerCallUsd?: number;
  /**
   * The input and output as JSON Schema, for listings, when the tool is described by JSON Schema
   * rather than zod (MCP tools); otherwise the listings convert inputSchema and outputSchema.
   */
  jsonSchemas?: { input?: Record<string, unknown>; output?: Record<string, unknown> };
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
  tools.forEach(assertToolLimits);
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

function assertToolLimits(tool: ToolRegistration): void {
  const positive = (value: number | undefined) => value === undefined || (Number.isFinite(value) && value > 0);
  const { perSecond, perMinute } = tool.rateLimit ?? {};
  if (!positive(perSecond) || !positive(perMinute)) throw new Error(`Tool "${tool.name}": rate limits must be positive numbers.`);
  const cost = tool.costPerCallUsd;
  if (cost !== undefined && !(Number.isFinite(cost) && cost >= 0)) throw new Error(`Tool "${tool.name}": costPerCallUsd must be a number of at least 0.`);
}

function assertUnique(names: string[], what: string): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new Error(`Duplicate ${what} "${name}" registered by plugins.`);
    seen.add(name);
  }
}
