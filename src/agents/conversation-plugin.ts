import { z } from 'zod';
import type { Tx } from '../db/index.ts';
import { insertToolJob, type RunQueue } from '../engine/index.ts';
import type { FoundryPlugin } from '../kernel/index.ts';
import { runConversationTurn, type ConversationDeps } from './conversation-turn.ts';

const replyTool = 'conversation.reply';

/** The tool a turn's durable job calls: `conversation.reply { messageId }`. */
export function conversationPlugin(deps: ConversationDeps): FoundryPlugin {
  return {
    name: 'conversation',
    tools: [{
      name: replyTool,
      description: 'Answers a user message in a project conversation and stores the reply.',
      inputSchema: z.object({ messageId: z.uuid() }),
      async execute(input, call) {
        const reply = await runConversationTurn(deps, { workspaceId: call.workspaceId, messageId: String(input.messageId) }, call.signal);
        return { output: { replyId: reply?.id ?? null } };
      },
    }],
  };
}

/** Queues the turn that answers a message, in the transaction that stores it: no message goes unanswered. */
export async function enqueueConversationTurn(tx: Tx, queue: RunQueue, message: { id: string; workspaceId: string }, createdBy: string | null): Promise<string> {
  return insertToolJob(tx, queue, {
    workspaceId: message.workspaceId, name: 'Conversation turn', tool: replyTool, input: { messageId: message.id }, createdBy,
    idempotencyKey: `turn:${message.id}`, retry: { maxAttempts: 4, initialDelayMs: 500, maxDelayMs: 10_000 }, timeoutMs: 180_000,
  });
}
