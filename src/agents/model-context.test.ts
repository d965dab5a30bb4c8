import { describe, expect, it } from 'vitest';
import { estimateTokens } from '../knowledge/index.ts';
import type { Passage } from '../models/index.ts';
import { buildModelContext } from './model-context.ts';
import type { ProjectMemory } from './project-memory.ts';

const passage = (text: string, name = 'spec.pdf'): Passage => ({
  text, citation: { sourceId: 's', sourceName: name, chunkId: 'c', charStart: 0, charEnd: text.length },
});

const memory = (turns: number, summary = ''): ProjectMemory => ({
  summary, summaryThroughSeq: 0,
  recent: Array.from({ length: turns }, (_, i) => ({ seq: i + 1, role: i % 2 ? 'assistant' as const : 'user' as const, content: `turn ${i} ${'x'.repeat(396)}`, agent: null })),
});

describe('buildModelContext', () => {
  it('puts the summary and knowledge first, then the newest turns that fit, oldest first', () => {
    const context = buildModelContext(memory(30, 'They want a tote bag.'), [passage('Canvas is 12 oz.')], { contextTokens: 2_000, reserveTokens: 500 });
    expect(context[0]).toEqual({ role: 'system', content: 'Summary of the conversation so far: They want a tote bag.' });
    expect(context[1]?.content).toBe('Relevant knowledge:\n[1] (spec.pdf) Canvas is 12 oz.');
    const turns = context.slice(2);
    expect(turns.length).toBeGreaterThan(5);
    expect(turns.length).toBeLessThan(30);
    expect(turns.at(-1)?.content).toMatch(/^turn 29 /);
    expect(turns[0]?.content).toMatch(new RegExp(`^turn ${30 - turns.length} `));
  });

  it('keeps knowledge to a third of the room', () => {
    const many = Array.from({ length: 50 }, (_, i) => passage(`fact ${i} ${'y'.repeat(400)}`));
    const context = buildModelContext(memory(2), many, { contextTokens: 3_000, reserveTokens: 0 });
    const knowledge = context.find((m) => m.content.startsWith('Relevant knowledge'))!;
    const lines = knowledge.content.split('\n').slice(1);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.reduce((sum, line) => sum + estimateTokens(line), 0)).toBeLessThanOrEqual(1_000);
    expect(context.at(-1)?.content).toMatch(/^turn 1 /);
  });

  it('leaves out what is not there', () => {
    expect(buildModelContext(memory(1), [], { contextTokens: 1_000, reserveTokens: 0 }).map((m) => m.role)).toEqual(['user']);
  });
});
