/**
 * Agents: the conversation runtime (project memory, intent routing, the general assistant, studio
 * handlers, proactive next steps), each turn a durable job on the workflow engine.
 */
export * from './agent-turn.ts';
export * from './scoped-models.ts';
export * from './project-memory.ts';
export * from './model-context.ts';
export * from './describe-entities.ts';
export * from './general-assistant.ts';
export * from './conversation-turn.ts';
export * from './conversation-plugin.ts';
export * from './knowledge-search.ts';
export * from './await-reply.ts';
