/**
 * Agents: the conversation runtime (project memory, intent routing, stage machines, tool use,
 * proactive next steps). Until it lands, posted messages are stored and no agent replies.
 */
export {};
