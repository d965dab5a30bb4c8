import { defaultIntents, type Citation, type ComposeRequest } from '../models/index.ts';
import type { AgentReply, AgentTurn } from './agent-turn.ts';
import { describeEntities } from './describe-entities.ts';
import { buildModelContext } from './model-context.ts';
import { suggestedRepliesFor } from './suggested-replies.ts';

/** The model context a general reply is worded in; providers with more room still get this much. */
const contextLimits = { contextTokens: 8_000, reserveTokens: 1_500 };

/**
 * The assistant of projects whose studio has no handler of its own: it answers from the project's
 * knowledge with citations, notes the specifics it hears, sums up where things stand, and always
 * offers a next step. Every draft is complete and correct on its own; a provider only rewords it.
 */
export async function generalAssistant(turn: AgentTurn): Promise<AgentReply> {
  const text = turn.message.content;
  const { value: intent } = await turn.models.classifyIntent(text, defaultIntents);
  const reply = await replyFor(turn, intent.intent);
  const history = buildModelContext(turn.memory, [], contextLimits);
  const request: ComposeRequest = { purpose: `reply to a ${intent.intent.replaceAll('_', ' ')} message`, draft: reply.draft, facts: reply.facts, history };
  const composed = reply.verbatim ? undefined : await turn.models.compose(request);
  return {
    content: composed?.value ?? reply.draft,
    intent: { name: intent.intent, confidence: intent.confidence },
    citations: reply.citations,
    suggestedReplies: suggestedRepliesFor(intent.intent),
    ...(reply.metadata ? { metadata: reply.metadata } : {}),
  };
}

interface Draft {
  draft: string;
  facts?: Record<string, unknown>;
  citations?: Citation[];
  metadata?: Record<string, unknown>;
  /** A grounded answer is already worded by `answer`; rewording could drift from the sources. */
  verbatim?: boolean;
}

async function replyFor(turn: AgentTurn, intent: string): Promise<Draft> {
  const text = turn.message.content;
  switch (intent) {
    case 'greeting':
      return { draft: `Hello! I'm the assistant of “${turn.projectName}”. Tell me what you are making, ask about the files in its knowledge, or ask me where things stand.` };
    case 'smalltalk':
      return { draft: 'Glad to help. What would you like to do next?' };
    case 'help':
      return {
        draft: 'I keep this project\'s whole conversation and can: answer questions from the documents in its Knowledge (with the page or sheet I found it on), '
          + 'note specifics you give me (quantities, dimensions, materials, colours, prices, deadlines, markets), and summarise where the project stands.',
      };
    case 'question':
      return answerFromKnowledge(turn, text);
    case 'describe_product':
    case 'provide_spec':
      return noteSpecifics(turn, text);
    case 'status':
      return summarise(turn);
    default:
      return {
        draft: `I noted that. This ${turn.studio} project has no specialised agent for “${intent.replaceAll('_', ' ')}” yet, `
          + 'so I can answer questions from its knowledge, keep track of the details you give me and summarise progress.',
      };
  }
}

async function answerFromKnowledge(turn: AgentTurn, question: string): Promise<Draft> {
  const passages = await turn.searchKnowledge(question, 6);
  if (passages.length === 0) {
    return { draft: 'I could not find that in this project\'s knowledge. Add the relevant documents under Knowledge and ask me again.' };
  }
  const { value } = await turn.models.answer(question, passages);
  return { draft: value.text, citations: value.citations, verbatim: true };
}

async function noteSpecifics(turn: AgentTurn, text: string): Promise<Draft> {
  const { value: entities } = await turn.models.extractEntities(text);
  const lines = describeEntities(entities);
  if (lines.length === 0) {
    return { draft: 'Noted. When you have them, tell me quantities, dimensions, materials, colours, a target price or a deadline and I will keep track of them.' };
  }
  return {
    draft: `Noted:\n${lines.map((l) => `- ${l}`).join('\n')}\nTell me if any of that is wrong.`,
    facts: { understood: lines }, metadata: { entities },
  };
}

async function summarise(turn: AgentTurn): Promise<Draft> {
  const said = turn.memory.recent.slice(0, -1).filter((t) => t.role === 'user').map((t) => sentence(t.content));
  if (said.length === 0 && !turn.memory.summary) return { draft: 'We have only just started: tell me what this project is about.' };
  const { value } = await turn.models.summarize([turn.memory.summary, ...said].filter(Boolean).join(' '), { maxSentences: 5 });
  return { draft: `Here is what we have so far: ${value}`, facts: { messages: turn.memory.recent.length - 1 } };
}

/** A message as a sentence of a summary: one line, ending with a full stop. */
function sentence(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return /[.!?]$/.test(line) ? line : `${line}.`;
}
