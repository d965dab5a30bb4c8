import type { AgentReply } from '../../agents/index.ts';
import { designIntents } from '../../models/index.ts';
import { applyDesignEdit, designParamsFor, type DesignChange, type DesignParams } from './visuals/index.ts';
import { assetsOf, assetView, latestAssets, storeAssets, type AssetRow, type NewAsset } from './dpg-assets.ts';
import { readBlob } from './read-blob.ts';
import { drawConcepts, drawFlats } from './draw-visuals.ts';
import { answerQuestion } from './answer-question.ts';
import { design, facts, reply, save, type ProductTurn } from './product-turn.ts';
import { enterSpecifying } from './spec-stage.ts';
import { isGoAhead } from './go-ahead.ts';

const defaultMinimalism = 0.4;

/** Context synthesized: the partner has proposed to draw and waits for the go-ahead. */
export async function proposalStage(t: ProductTurn): Promise<AgentReply> {
  const text = t.turn.message.content;
  if (await isGoAhead(t, text)) return startDesign(t, text, t.dpg.summary);
  const { value } = await t.turn.models.classifyIntent(text, designIntents);
  if (value.intent === 'question') return answerQuestion(t, text, ['Yes, go ahead']);
  return reply(t, "No problem! Tell me anything you'd like me to take into account, or say \"go ahead\" when you're ready for the design concepts.",
    { intent: { name: value.intent, confidence: value.confidence }, suggestedReplies: ['Go ahead'] });
}

/** Draws the three concepts and the flats of the first, with any change asked for on the way ("…but more minimalist"). */
export async function startDesign(t: ProductTurn, text: string, brief: string): Promise<AgentReply> {
  const base = designParamsFor(facts(t), { variant: 1, minimalism: defaultMinimalism });
  const edited = applyDesignEdit(base, text);
  const minimalism = edited.params.minimalism;
  const prompt = `${brief}${edited.changes.length ? ` — ${text}` : ''}`;
  const parents = latestAssets(await assetsOf(t.deps.db, t.dpg));
  const concepts = await drawConcepts(t.deps.images, facts(t), minimalism, prompt, parents, t.turn.signal);
  const flats = await drawFlats(edited.params, prompt, parents);
  const stored = await storeAssets(t.deps, t.dpg, [...concepts, ...flats], t.now);
  await save(t, { stage: 'designing', designPatch: { minimalism, params: edited.params, selectedConcept: 1 } });
  const style = minimalism >= 0.6 ? 'minimalist ' : '';
  return reply(t, `Here are 3 ${style}concepts with clean lines and ${minimalism >= 0.6 ? 'subtle' : 'clear'} branding, plus technical flats (front, back, side) of concept 1 with callouts of the key details. Which direction resonates with your vision? Tell me a number, and anything to change ("I like #2 but the logo should be smaller").`,
    { intent: { name: 'approve', confidence: 1 }, assets: stored.map(assetView), suggestedReplies: ['I like #1', 'I like #2', 'I like #3', 'Show me other variations'], metadata: { changes: edited.changes } });
}

/** Designing: choose a concept, change it in words, ask for variations, ask a question, or approve the design. */
export async function designStage(t: ProductTurn): Promise<AgentReply> {
  const text = t.turn.message.content;
  const { value } = await t.turn.models.classifyIntent(text, designIntents);
  const intent = { name: value.intent, confidence: value.confidence };
  const chosen = chosenConcept(text);
  const current = design(t);
  const params = chosen && chosen !== current.selectedConcept
    ? designParamsFor(facts(t), { variant: chosen as 1 | 2 | 3, minimalism: current.minimalism ?? defaultMinimalism })
    : current.params ?? designParamsFor(facts(t), { variant: 1, minimalism: defaultMinimalism });
  const edited = applyDesignEdit(params, text);
  const changed = edited.changes.length > 0 || (chosen !== undefined && chosen !== current.selectedConcept);

  if (value.intent === 'approve' && !changed) return enterSpecifying(t, 'Excellent! I\'m glad you\'re happy with the design direction.');
  if (value.intent === 'question' && !changed) return answerQuestion(t, text, ['That\'s exactly what I want!']);
  if (value.intent === 'request_variations' && !changed) return variations(t, text, intent);
  if (!changed) {
    return reply(t, 'I want to make sure I understand. Would you like to:\n- change the design (for example "make the logo smaller", "raise the bezels", "pointed collar")?\n- choose a concept ("I like #2")?\n- see other variations?\n- or approve the design and move on to the specifications ("That\'s exactly what I want!")?',
      { intent, suggestedReplies: ['Make the logo smaller', 'Show me other variations', 'That\'s exactly what I want!'] });
  }
  return redraw(t, { before: params, after: edited.params }, edited.changes, chosen, text, intent);
}

/**
 * Redraws the flats and callouts of the changed design, and has the image engine edit the chosen
 * concept with the same words (the built-in engine redraws it; a provider inpaints the picture).
 */
async function redraw(t: ProductTurn, design: { before: DesignParams; after: DesignParams }, changes: DesignChange[], chosen: number | undefined, text: string, intent: { name: string; confidence: number }): Promise<AgentReply> {
  const params = design.after;
  const parents = latestAssets(await assetsOf(t.deps.db, t.dpg));
  const concept = changes.length > 0 ? await editedConcept(t, design.before, parents.get(`concept:${chosen ?? design.before.variant}`), text) : [];
  const stored = await storeAssets(t.deps, t.dpg, [...await drawFlats(params, text, parents), ...concept], t.now);
  await save(t, { designPatch: { params, ...(chosen ? { selectedConcept: chosen } : {}) } });
  const front = stored.find((a) => a.kind === 'flat' && a.view === 'front')!;
  const what = [
    chosen ? `Concept ${chosen} it is.` : '',
    changes.length ? `I've ${changes.map((c) => c.description).join(', ')}.` : '',
  ].filter(Boolean).join(' ');
  return reply(t, `Perfect! ${what} Here is version ${front.version} of the technical flats${front.version > 1 ? ` (version ${front.version - 1} is kept; compare them side by side in Visuals)` : ''}. How does this new version look?`,
    { intent, assets: stored.map(assetView), suggestedReplies: ['That\'s exactly what I want!', 'Make the logo smaller', 'Show me other variations'], metadata: { changes } });
}

async function editedConcept(t: ProductTurn, params: DesignParams, concept: AssetRow | undefined, instruction: string): Promise<NewAsset[]> {
  if (!concept) return [];
  try {
    const image = await readBlob(t.deps.blobs, concept.pngSha256);
    const edited = await t.deps.images.edit({ prompt: `${t.dpg.summary} — ${instruction}`, kind: 'concept', view: concept.view, params, image, instruction }, t.turn.signal);
    return [{ kind: 'concept', view: concept.view, prompt: instruction, engine: edited.engine, parameters: { ...(edited.params ?? params) } as Record<string, unknown>, svg: edited.svg, png: edited.png, parentId: concept.id }];
  } catch (error) {
    // The flats carry the change; a provider that cannot edit the sketch must not lose them.
    t.deps.logger.warn({ err: error, dpgId: t.dpg.id }, 'the image engine could not edit the concept sketch');
    return [];
  }
}

async function variations(t: ProductTurn, text: string, intent: { name: string; confidence: number }): Promise<AgentReply> {
  const minimalism = design(t).minimalism ?? defaultMinimalism;
  const shifted = minimalism >= 0.5 ? minimalism - 0.3 : minimalism + 0.3;
  const parents = latestAssets(await assetsOf(t.deps.db, t.dpg));
  const stored: AssetRow[] = await storeAssets(t.deps, t.dpg, await drawConcepts(t.deps.images, facts(t), shifted, `${t.dpg.summary} — ${text}`, parents, t.turn.signal), t.now);
  await save(t, { designPatch: { minimalism: shifted } });
  return reply(t, `Here are three new variations (${shifted > minimalism ? 'cleaner and more minimal' : 'with more detail'}); the earlier concepts are kept as previous versions. Which direction interests you most?`,
    { intent, assets: stored.map(assetView), suggestedReplies: ['I like #1', 'I like #2', 'I like #3'] });
}

const ordinals: Record<string, number> = { first: 1, second: 2, third: 3, one: 1, two: 2, three: 3 };

/** "#2", "concept 2", "option two", "the second one". */
export function chosenConcept(text: string): number | undefined {
  const match = /#\s*([1-3])\b|\b(?:concept|option|number|design|direction|sketch|no\.?)\s*([1-3]|one|two|three)\b|\b(first|second|third)\s+(?:one|concept|option|design|direction|sketch)\b/i.exec(text);
  if (!match) return undefined;
  const word = (match[1] ?? match[2] ?? match[3])!.toLowerCase();
  return ordinals[word] ?? Number(word);
}
