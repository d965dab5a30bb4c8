import { defineConversationHandler, type AgentReply, type AgentTurn } from '../../agents/index.ts';
import type { ConversationHandlerRegistration } from '../../kernel/index.ts';
import { approvedStage } from './approved-stage.ts';
import { designStage, proposalStage } from './design-stage.ts';
import { detectCategory, workingTitle } from './detect-category.ts';
import { activeDpgRow, createFirstDpg } from './dpg-store.ts';
import type { DpgStage } from './dpg-stages.ts';
import { ignitionStage } from './ignition-stage.ts';
import type { ProductDeps } from './product-deps.ts';
import type { ProductTurn } from './product-turn.ts';
import { reviewStage } from './review-stage.ts';
import { readSpecAnswer } from './spec-answers.ts';
import { recommendedSpec } from './spec-questions.ts';
import { specStage } from './spec-stage.ts';

/**
 * The product studio's design partner: routes each message by the active DPG's stage (the seed's
 * state machine), starting the DPG at the first message. Every reply proposes the next step.
 */
export function designPartner(deps: ProductDeps): ConversationHandlerRegistration {
  return defineConversationHandler('product', 'design-partner', (turn) => answer(deps, turn));
}

async function answer(deps: ProductDeps, turn: AgentTurn): Promise<AgentReply> {
  const scope = { workspaceId: turn.workspaceId, projectId: turn.projectId };
  const now = deps.clock.now();
  let dpg = await activeDpgRow(deps.db, scope);
  const first = !dpg;
  if (!dpg) {
    const text = turn.message.content;
    const category = detectCategory(text) ?? 'hard_good';
    const facts = { title: workingTitle(text, turn.projectName), category, summary: '', data: {} };
    const { value: entities } = await turn.models.extractEntities(text);
    const { patch } = readSpecAnswer(text, entities, category, undefined, (key) => recommendedSpec(key, facts));
    dpg = await createFirstDpg(deps.db, scope, { title: facts.title, category, data: patch, design: { description: text }, createdBy: turn.message.authorId });
  }
  const t: ProductTurn = { deps, turn, dpg, now };
  switch (dpg.stage as DpgStage) {
    case 'ignition': return ignitionStage(t, first);
    case 'context_synthesized': return proposalStage(t);
    case 'designing': return designStage(t);
    case 'specifying': return specStage(t);
    case 'reviewed': return reviewStage(t);
    case 'approved': return approvedStage(t);
  }
}
