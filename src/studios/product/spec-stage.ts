import type { AgentReply } from '../../agents/index.ts';
import { specIntents } from '../../models/index.ts';
import { analyzeDpg } from './intelligence/index.ts';
import type { RequiredSpecKey } from './dpg-data.ts';
import { missingSpecs } from './missing-specs.ts';
import { answerQuestion } from './answer-question.ts';
import { describeSpec } from './describe-spec.ts';
import { derivedSpecs } from './derived-specs.ts';
import { design, facts, mergeSpec, reply, save, type ProductTurn } from './product-turn.ts';
import { readSpecAnswer } from './spec-answers.ts';
import { recommendedSpec, specQuestion } from './spec-questions.ts';

/** Designing → specifying: fills in what the approved design already fixes, then asks for the most critical missing spec. */
export async function enterSpecifying(t: ProductTurn, opening: string): Promise<AgentReply> {
  const derived = derivedSpecs(facts(t), design(t).params);
  await save(t, { stage: 'specifying', data: mergeSpec(t.dpg.category as never, derived.data, t.dpg.data) });
  const known = derived.notes.length ? `\n\nFrom the design I already have: ${derived.notes.join('; ')}.` : '';
  return askNext(t, `${opening} Now let's finalise the technical specifications for manufacturing.${known}`, { name: 'approve', confidence: 1 }, []);
}

/** Specifying: every answer is read into the spec (units normalised) and the next question follows. */
export async function specStage(t: ProductTurn): Promise<AgentReply> {
  const text = t.turn.message.content;
  const asked = design(t).asked;
  const { value: intent } = await t.turn.models.classifyIntent(text, specIntents);
  const { value: entities } = await t.turn.models.extractEntities(text);
  const answer = readSpecAnswer(text, entities, facts(t).category, asked, (key) => recommendedSpec(key, facts(t)));
  const answers = [...(design(t).answers ?? []), { key: asked ?? null, text, at: t.now.toISOString() }];
  if (answer.understood.length === 0 && intent.intent === 'question' && looksLikeQuestion(text)) {
    await save(t, { designPatch: { answers } });
    return answerQuestion(t, text, asked ? [] : ['Continue']);
  }
  await save(t, { data: mergeSpec(facts(t).category, facts(t).data, answer.patch), designPatch: { answers } });
  return askNext(t, answer.understood.length ? `Got it — ${answer.understood.join('; ')}.` : '', { name: intent.intent, confidence: intent.confidence }, answer.understood, asked);
}

/** Asks for the most critical missing spec, or moves to review when none is missing. */
export async function askNext(t: ProductTurn, opening: string, intent: { name: string; confidence: number }, understood: string[], previouslyAsked?: RequiredSpecKey): Promise<AgentReply> {
  const missing = missingSpecs(facts(t).data);
  const next = missing[0];
  if (next) {
    const again = next.key === previouslyAsked && understood.length === 0;
    await save(t, { designPatch: { asked: next.key } });
    const question = specQuestion(next.key, facts(t));
    return reply(t, [opening, again ? `I couldn't read ${next.name.toLowerCase()} from that. ${question}` : question].filter(Boolean).join('\n\n'),
      { intent, suggestedReplies: next.key === 'materials' || next.key === 'quality_standards' || next.key === 'packaging' ? ['Go with your recommendation'] : [], metadata: { asked: next.key, understood, missing: missing.map((m) => m.key) } });
  }
  await save(t, { stage: 'reviewed', designPatch: { asked: undefined } });
  return reply(t, `${opening}\n\n${reviewSummary(t)}`.trim(), { intent, suggestedReplies: ['Approve the specification', 'Change something'], metadata: { understood, missing: [] } });
}

/** The complete specification with the analysis highlights, ready for sign-off. */
export function reviewSummary(t: ProductTurn): string {
  const analysis = analyzeDpg(facts(t));
  const quantity = facts(t).data.quantities?.total;
  const tier = analysis.cost.tiers.find((x) => x.quantity === quantity) ?? analysis.cost.tiers.at(-1);
  const mandatory = analysis.compliance.requirements.filter((r) => r.mandatory);
  return [
    'Excellent! We now have a complete Digital Product Genome:',
    describeSpec(t.dpg),
    '',
    `**Manufacturability:** ${analysis.manufacturability.feasibilityScore}/100 (${analysis.manufacturability.complexity} complexity) — ${analysis.manufacturability.methods.map((m) => m.name).join(', ')}.`,
    tier ? `**Estimated cost:** about $${tier.unitCost.toFixed(2)} per unit at ${tier.quantity.toLocaleString('en-US')} units, tooling included.` : '',
    `**Compliance:** ${mandatory.length} mandatory requirement${mandatory.length === 1 ? '' : 's'} for ${analysis.compliance.markets.join(', ')} (${[...new Set(mandatory.map((r) => r.regulation))].slice(0, 4).join('; ')}).`,
    '',
    'Please review it (the full analysis is on the Analysis page). Approve it to lock the DPG for sourcing, or tell me what to change.',
  ].filter((line) => line !== '').join('\n');
}

/** The classifier hears questions in statements ("Done, that is everything"); a question asks. */
function looksLikeQuestion(text: string): boolean {
  return /\?\s*$/.test(text) || /^\s*(what|which|how|why|when|where|who|can|could|should|would|do|does|is|are|will)\b/i.test(text);
}
