import type { AgentReply } from '../../agents/index.ts';
import { reply, type ProductTurn } from './product-turn.ts';
import { describeSpec } from './describe-spec.ts';

/** Answers from the project's files with citations; the current spec is part of what it knows. */
export async function answerQuestion(t: ProductTurn, question: string, suggestedReplies: string[]): Promise<AgentReply> {
  const passages = await t.turn.searchKnowledge(question, 6);
  const { value } = await t.turn.models.answer(question, passages);
  const spec = describeSpec(t.dpg);
  const content = value.citations.length > 0
    ? value.text
    : `${value.text}\n\nWhat the specification says so far:\n${spec || '- nothing yet'}`;
  return reply(t, content, { intent: { name: 'question', confidence: 1 }, citations: value.citations, suggestedReplies });
}
