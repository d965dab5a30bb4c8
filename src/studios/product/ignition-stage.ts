import type { AgentReply } from '../../agents/index.ts';
import { categoryLabels } from './dpg-data.ts';
import { projectText, settledFiles } from './project-files.ts';
import { design, facts, mergeSpec, reply, save, type ProductTurn } from './product-turn.ts';
import { readSpecAnswer } from './spec-answers.ts';
import { recommendedSpec } from './spec-questions.ts';
import { startDesign } from './design-stage.ts';
import { isGoAhead } from './go-ahead.ts';

/**
 * Ignition: the DPG holds the description; the partner asks for the logo and references, and once
 * files are in (or the user says to go ahead without them) it synthesises the brief.
 */
export async function ignitionStage(t: ProductTurn, firstMessage: boolean): Promise<AgentReply> {
  const scope = { workspaceId: t.dpg.workspaceId, projectId: t.dpg.projectId };
  const text = t.turn.message.content;
  const goAhead = !firstMessage && await isGoAhead(t, text);
  const files = await settledFiles(t.deps.db, scope, 60_000, t.turn.signal);
  if (files.length === 0 && !goAhead && !hasAttachments(t)) {
    const noun = facts(t).title.replace(/^Custom /, '').toLowerCase();
    return reply(t, firstMessage
      ? `Great! Let's design your ${noun} (${categoryLabels[facts(t).category].toLowerCase()}). Could you upload your logo and any design references — brand guidelines, reference images, PDFs? I'll read them and propose a direction. If you have none, say "go ahead" and I'll work from your description.`
      : 'I have no files for this project yet. Upload your logo and references (the paperclip, or POST /api/projects/:id/files), or say "go ahead" and I will design from your description.',
    { intent: { name: 'describe_product', confidence: 1 }, suggestedReplies: ['Go ahead without files'] });
  }
  const brief = await synthesiseBrief(t, files);
  await save(t, { stage: 'context_synthesized', summary: brief.summary, data: brief.data, designPatch: { sources: brief.sources } });
  if (goAhead) return startDesign(t, text, brief.summary);
  return reply(t, `I've analysed your project context. Here is what I understand you want to create:\n\n**${brief.summary}**\n\nBased on this I can draw three concept directions and the technical flats (front, back, side) with callouts of the key details. Shall I proceed with the initial design concepts?`,
    { intent: { name: 'upload_reference', confidence: 1 }, suggestedReplies: ['Yes, go ahead', 'Yes, but make them more minimalist'] });
}

function hasAttachments(t: ProductTurn): boolean {
  return t.turn.message.attachments.length > 0;
}

/** The product brief: the description, what the files say, and the specifics found in both. */
async function synthesiseBrief(t: ProductTurn, files: Awaited<ReturnType<typeof settledFiles>>) {
  const current = facts(t);
  const description = design(t).description ?? t.turn.message.content;
  const fileText = await projectText(t.deps.db, { workspaceId: t.dpg.workspaceId, projectId: t.dpg.projectId });
  let data = current.data;
  if (fileText) {
    const { value: entities } = await t.turn.models.extractEntities(fileText);
    const found = readSpecAnswer(fileText, entities, current.category, undefined, (key) => recommendedSpec(key, current));
    const { colors, target_markets, device_models } = found.patch;
    const fromFiles = { ...(colors ? { colors: colors.slice(0, 4) } : {}), ...(target_markets ? { target_markets } : {}), ...(device_models ? { device_models } : {}) };
    data = mergeSpec(current.category, fromFiles, data);
  }
  const logo = files.find((f) => f.role === 'logo');
  if (logo && !data.logo) data = { ...data, logo: { placement: 'back centre' } };
  const guide = fileText ? (await t.turn.models.summarize(fileText, { maxSentences: 2 })).value : '';
  const parts = [
    `${current.title} — ${categoryLabels[current.category].toLowerCase()}: ${description.trim().replace(/[.!]*$/, '.')}`,
    logo ? `Your logo (${logo.name}) goes on the product.` : '',
    data.device_models?.length ? `Devices: ${data.device_models.join(', ')}.` : '',
    data.colors?.length ? `Brand colours: ${data.colors.map((c) => c.pantone ? `${c.name} (Pantone ${c.pantone})` : c.hex ? `${c.name} ${c.hex}` : c.name).join(', ')}.` : '',
    guide ? `From your files: ${guide}` : '',
  ];
  const sources = files.map((f) => ({ id: f.id, name: f.name, role: f.role }));
  return { summary: parts.filter(Boolean).join(' '), data, sources };
}
