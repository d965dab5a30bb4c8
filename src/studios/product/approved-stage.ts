import type { AgentReply } from '../../agents/index.ts';
import { defaultIntents } from '../../models/index.ts';
import { actorContext } from './actor-context.ts';
import { createDpgVersion } from './dpg-store.ts';
import { reply, type ProductTurn } from './product-turn.ts';
import { analyseRfqQuotes, listQuotes } from './quote-store.ts';
import { createRfq, listRfqs } from './rfq-service.ts';
import { placeOrder } from './order-store.ts';

const newVersion = /\b(new version|create (a )?version|another version|revise|new iteration)\b/i;
const wantsQuotes = /\b(quotes?|rfq|suppliers?|sourcing|manufacturers?|let'?s go|yes)\b/i;
const choose = /\b(go with|choose|pick|select|award|order from)\s+(.+?)[.!]?$/i;

/** Approved: the DPG is locked; the partner runs sourcing (RFQ, quote analysis, the order) or opens a new version. */
export async function approvedStage(t: ProductTurn): Promise<AgentReply> {
  const text = t.turn.message.content;
  const ctx = await actorContext(t.deps.db, t.dpg.workspaceId, t.turn.message.authorId);
  if (newVersion.test(text)) {
    const created = await createDpgVersion(t.deps.db, t.dpg, ctx.userId, t.now);
    t.dpg = created;
    return reply(t, `Version ${created.version} is open in designing, a copy of the approved version ${created.version - 1} (which stays locked). What would you like to change?`,
      { intent: { name: 'modify_design', confidence: 1 } });
  }
  const rfqs = await listRfqs(t.deps, ctx, t.dpg.projectId);
  const rfq = rfqs.find((r) => r.dpgId === t.dpg.id);
  const chosen = choose.exec(text)?.[2];
  if (rfq && chosen) {
    const quotes = await listQuotes(t.deps, ctx, rfq.id);
    const quote = quotes.find((q) => chosen.toLowerCase().includes(q.supplierName.toLowerCase()) || q.supplierName.toLowerCase().includes(chosen.toLowerCase()));
    if (!quote) return reply(t, `I found no quote from "${chosen}" for ${rfq.code}. The quotes are from: ${quotes.map((q) => q.supplierName).join(', ') || 'nobody yet'}.`);
    const order = await placeOrder(t.deps, ctx, rfq.id, quote.id);
    const delivery = order.milestones.at(-1)?.due;
    return reply(t, `Order confirmed with ${order.supplierName}: ${order.quantity.toLocaleString('en-US')} units at ${order.currency} ${order.unitPrice.toFixed(2)} per unit (${order.currency} ${order.total.toLocaleString('en-US')}). Milestones: ${order.milestones.map((m) => `${m.name} ${m.due}`).join('; ')}. Expected delivery: ${delivery}. I'll keep you updated on progress.`,
      { intent: { name: 'approve', confidence: 1 }, metadata: { orderId: order.id, rfqId: rfq.id } });
  }
  if (rfq && rfq.quoteCount > 0) {
    const analysis = await analyseRfqQuotes(t.deps, ctx, rfq.id, { method: 'topsis' });
    const top = analysis.recommendation;
    return reply(t, `I have ${analysis.summary.count} quotes for ${rfq.code}. ${top ? `I recommend ${top.supplierName}: ${top.rationale}` : 'None can be recommended without reservations; see the red flags.'}\n\n${analysis.ranked.map((q) => `${q.rank}. ${q.supplierName} — score ${q.score.toFixed(3)}, ${q.currency} ${q.landedUnitPrice.toFixed(2)}/unit, ${q.leadTimeDays} days`).join('\n')}${analysis.redFlags.length ? `\n\nRed flags: ${analysis.redFlags.map((f) => `${f.supplierName}: ${f.message}`).join('; ')}` : ''}\n\nSay "Let's go with <supplier>" to place the order.`,
      { intent: { name: 'status', confidence: 1 }, suggestedReplies: top ? [`Let's go with ${top.supplierName}`] : [], metadata: { rfqId: rfq.id } });
  }
  if (rfq) {
    return reply(t, `${rfq.code} is out (responses due ${rfq.responseDeadline}); no quotes are in yet. Import them on the Sourcing page (CSV) or POST /api/rfqs/${rfq.id}/quotes, and I'll rank them.`, { metadata: { rfqId: rfq.id } });
  }
  const { value } = await t.turn.models.classifyIntent(text, defaultIntents);
  if (wantsQuotes.test(text) || value.intent === 'request_rfq' || value.intent === 'approve') {
    const created = await createRfq(t.deps, ctx, t.dpg.id, {});
    const matched = created.matches.slice(0, 8);
    return reply(t, `I've generated your RFQ ${created.code} (PDF, DOCX and Markdown, in the project's artifacts), with quantity tiers ${created.quantityTiers.map((q) => q.toLocaleString('en-US')).join(', ')}, responses due ${created.responseDeadline} and delivery targeted for ${created.targetDelivery}.\n\n${matched.length ? `${matched.length} qualified manufacturer${matched.length === 1 ? '' : 's'} from your directory match it:\n${matched.map((m) => `- ${m.name} (${m.country}) — ${Math.round(m.score * 100)}%: ${m.reasons.slice(0, 2).join('; ')}`).join('\n')}` : 'No supplier in your directory matches it yet: add suppliers on the Sourcing page (CSV) and send them the RFQ.'}\n\nWhen quotes come in, import them and I'll rank them.`,
      { intent: { name: 'request_rfq', confidence: 1 }, metadata: { rfqId: created.id } });
  }
  return reply(t, 'This product specification is approved and locked.\n\n**Options:**\n- **Start sourcing**: I prepare the RFQ and match suppliers.\n- **Create a new version**: a copy you can change.\n\nWhat would you like to do?',
    { intent: { name: value.intent, confidence: value.confidence }, suggestedReplies: ['Yes, let\'s get quotes', 'Create a new version'] });
}
