import type { ConversationHandlerRegistration } from '../kernel/index.ts';
import type { Citation, EngineTag, Passage } from '../models/index.ts';
import type { ProjectMemory } from './project-memory.ts';
import type { ScopedModels } from './scoped-models.ts';

/** One user message to answer, with everything a handler needs to answer it. */
export interface AgentTurn {
  workspaceId: string;
  projectId: string;
  projectName: string;
  studio: string;
  stage: string | null;
  message: {
    id: string;
    seq: number;
    content: string;
    authorId: string | null;
    attachments: { artifactId: string; versionId: string }[];
  };
  /** The conversation so far: the rolling summary and the recent turns. */
  memory: ProjectMemory;
  /** The model gateway, bound to this project and message; it tallies what the turn used. */
  models: ScopedModels;
  /** The project's knowledge, best passages first. */
  searchKnowledge(query: string, limit?: number): Promise<Passage[]>;
  signal: AbortSignal;
}

/** What a handler answers; the runtime stores it as the assistant's message. */
export interface AgentReply {
  content: string;
  intent?: { name: string; confidence: number };
  citations?: Citation[];
  attachments?: { artifactId: string; versionId: string }[];
  /** Proactive next steps, offered as one-click replies. */
  suggestedReplies?: string[];
  /** Studio-specific facts for the message metadata (a stage change, extracted fields). */
  metadata?: Record<string, unknown>;
  /** The engine that wrote the reply; by default the last one the turn called. */
  engine?: EngineTag;
}

export type TurnHandler = (turn: AgentTurn) => Promise<AgentReply>;

/** A studio's conversation handler, typed for the agents layer and registrable as a plugin's. */
export function defineConversationHandler(studio: string, agent: string, handle: TurnHandler): ConversationHandlerRegistration {
  return { studio, agent, handle };
}

/** The one place a registration's handler is called with the agents layer's types. */
export function handlerOf(registration: ConversationHandlerRegistration): TurnHandler {
  return registration.handle as unknown as TurnHandler;
}
