import type { Db } from '../db/index.ts';
import { FoundryError, type EventBus, type Logger, type PluginRegistry } from '../kernel/index.ts';
import type { ModelGateway, Passage } from '../models/index.ts';
import { insertAgentMessage, messageForTurn, replyTo, type MessageView } from '../projects/index.ts';
import { publishProjectEvent } from '../projects/index.ts';
import { handlerOf, type AgentReply, type AgentTurn, type TurnHandler } from './agent-turn.ts';
import { generalAssistant } from './general-assistant.ts';
import { foldOlderTurns, loadProjectMemory } from './project-memory.ts';
import { scopeModels, type ScopedModels } from './scoped-models.ts';

export type KnowledgeSearch = (scope: { workspaceId: string; projectId: string }, query: string, limit: number) => Promise<Passage[]>;

export interface ConversationDeps {
  db: Db;
  events: EventBus;
  models: ModelGateway;
  plugins: Pick<PluginRegistry, 'conversationHandler'>;
  /** The project's knowledge; without it, questions are answered as having no sources. */
  searchKnowledge?: KnowledgeSearch;
  logger: Logger;
}

const generalAgent = 'assistant';

/**
 * Answers one user message: loads the project's memory, lets the studio's handler (or the general
 * assistant) reply, stores the reply with what produced it, and folds old turns into the summary.
 * Retried turns find the stored reply and stop, so a message is answered once.
 */
export async function runConversationTurn(deps: ConversationDeps, job: { workspaceId: string; messageId: string }, signal: AbortSignal): Promise<MessageView | undefined> {
  const found = await messageForTurn(deps.db, job.workspaceId, job.messageId);
  if (!found || found.message.role !== 'user') return undefined;
  const { message, project } = found;
  const scope = { workspaceId: message.workspaceId, projectId: message.projectId };
  const done = await replyTo(deps.db, { ...scope, seq: message.seq }, message.id);
  if (done) return done;

  const registration = deps.plugins.conversationHandler(project.studio);
  const agent = registration?.agent ?? generalAgent;
  await publishProjectEvent(deps.events, { type: 'message.typing', ...scope, data: { projectId: project.id, replyTo: message.id, agent } });
  const memory = await loadProjectMemory(deps.db, scope, message.seq);
  const models = scopeModels(deps.models, { ...scope, messageId: message.id }, { signal });
  const turn: AgentTurn = {
    ...scope, projectName: project.name, studio: project.studio, stage: project.stage, memory, models, signal,
    message: { id: message.id, seq: message.seq, content: message.content, authorId: message.authorId, attachments: message.attachments },
    searchKnowledge: (query, limit = 6) => deps.searchKnowledge?.(scope, query, limit) ?? Promise.resolve([]),
  };
  const handle: TurnHandler = registration ? handlerOf(registration) : generalAssistant;
  let reply: AgentReply;
  try {
    reply = await handle(turn);
  } catch (error) {
    if (!FoundryError.isInstance(error) || error.code !== 'BUDGET_EXCEEDED') throw error;
    // A spent budget is the user's to fix: say so in the conversation instead of retrying.
    return insertAgentMessage(deps, {
      ...scope, role: 'system', agent, content: error.message,
      metadata: { replyTo: message.id, error: { code: error.code, message: error.message, details: error.details ?? null } },
    });
  }
  const stored = await insertAgentMessage(deps, {
    ...scope, role: 'assistant', agent, content: reply.content, attachments: reply.attachments ?? [],
    metadata: replyMetadata(message.id, reply, models),
  });
  await foldOlderTurns(deps.db, models, scope, memory)
    .catch((error: unknown) => deps.logger.warn({ err: error, projectId: project.id }, 'could not fold older turns into the summary'));
  return stored;
}

function replyMetadata(replyToId: string, reply: AgentReply, models: ScopedModels): Record<string, unknown> {
  const engine = reply.engine ?? models.usage.lastEngine ?? { provider: 'builtin', model: 'builtin-1', fellBack: false, cached: false };
  return {
    ...reply.metadata,
    replyTo: replyToId,
    intent: reply.intent?.name ?? null,
    confidence: reply.intent?.confidence ?? null,
    engine,
    tokensIn: models.usage.tokensIn,
    tokensOut: models.usage.tokensOut,
    costUsd: models.usage.costUsd,
    citations: reply.citations ?? [],
    suggestedReplies: reply.suggestedReplies ?? [],
  };
}
