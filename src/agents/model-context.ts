import { estimateTokens } from '../knowledge/index.ts';
import type { ChatMessage, Passage } from '../models/index.ts';
import type { ProjectMemory } from './project-memory.ts';

export interface ModelContextLimits {
  /** The model's context length. */
  contextTokens: number;
  /** Left free for the instructions and the answer. */
  reserveTokens: number;
}

/**
 * What a model is shown of a conversation: the rolling summary, retrieved knowledge (at most a
 * third of the room) and then as many of the newest turns as still fit, oldest first.
 */
export function buildModelContext(memory: ProjectMemory, passages: readonly Passage[], limits: ModelContextLimits): ChatMessage[] {
  let room = limits.contextTokens - limits.reserveTokens;
  const head: ChatMessage[] = [];
  if (memory.summary) {
    const summary = `Summary of the conversation so far: ${memory.summary}`;
    room -= estimateTokens(summary);
    head.push({ role: 'system', content: summary });
  }
  const knowledgeRoom = Math.floor(room / 3);
  const kept: string[] = [];
  let used = 0;
  for (const [index, passage] of passages.entries()) {
    const line = `[${index + 1}] (${passage.citation.sourceName}) ${passage.text}`;
    const cost = estimateTokens(line);
    if (used + cost > knowledgeRoom) break;
    kept.push(line);
    used += cost;
  }
  if (kept.length > 0) {
    room -= used;
    head.push({ role: 'system', content: `Relevant knowledge:\n${kept.join('\n')}` });
  }
  const turns: ChatMessage[] = [];
  for (const turn of [...memory.recent].reverse()) {
    const cost = estimateTokens(turn.content);
    if (cost > room) break;
    turns.unshift({ role: turn.role, content: turn.content });
    room -= cost;
  }
  return [...head, ...turns];
}
