import type { AgentReply } from '../../agents/index.ts';
import { reviewIntents } from '../../models/index.ts';
import { loadProject } from '../../projects/index.ts';
import { projectRoleAtLeast } from '../../kernel/index.ts';
import { actorContext } from './actor-context.ts';
import { answerQuestion } from './answer-question.ts';
import { facts, mergeSpec, reply, save, type ProductTurn } from './product-turn.ts';
import { readSpecAnswer } from './spec-answers.ts';
import { recommendedSpec } from './spec-questions.ts';
import { askNext } from './spec-stage.ts';

/** Reviewed: approve (owners), change a spec, or ask about it. */
export async function reviewStage(t: ProductTurn): Promise<AgentReply> {
  const text = t.turn.message.content;
  const { value } = await t.turn.models.classifyIntent(text, reviewIntents);
  const intent = { name: value.intent, confidence: value.confidence };
  const { value: entities } = await t.turn.models.extractEntities(text);
  const change = readSpecAnswer(text, entities, facts(t).category, undefined, (key) => recommendedSpec(key, facts(t)));

  if (value.intent === 'approve' && change.understood.length === 0) {
    const ctx = await actorContext(t.deps.db, t.dpg.workspaceId, t.turn.message.authorId);
    const { role } = await loadProject(t.deps.db, ctx, t.dpg.projectId);
    if (!projectRoleAtLeast(role, 'owner')) {
      return reply(t, `Only a project owner can approve the DPG; your role is ${role}. Ask an owner to approve it (the Approve button on the Genome panel, or "Approve" in this chat).`, { intent });
    }
    await save(t, { stage: 'approved' });
    return reply(t, 'Perfect! Your Digital Product Genome is now complete, approved and locked.\n\n**Next steps:**\n1. **Supplier matching**: I match manufacturers from your supplier directory to this spec.\n2. **RFQ generation**: a professional request for quotes (PDF, DOCX, Markdown).\n3. **Quote comparison**: weighted scoring and TOPSIS, red flags and a recommendation.\n4. **Production**: the order with its milestones.\n\nShall I prepare the RFQ and find suppliers?',
      { intent, suggestedReplies: ['Yes, let\'s get quotes', 'Create a new version'] });
  }
  if (value.intent === 'question' && change.understood.length === 0) return answerQuestion(t, text, ['Approve the specification']);
  if (change.understood.length === 0) {
    await save(t, { stage: 'specifying' });
    return reply(t, 'No problem — what would you like to change in the specification? For example "make it 20,000 units" or "switch to recycled TPU".', { intent });
  }
  await save(t, { stage: 'specifying', data: mergeSpec(facts(t).category, facts(t).data, change.patch) });
  return askNext(t, `Updated — ${change.understood.join('; ')}.`, intent, change.understood);
}
