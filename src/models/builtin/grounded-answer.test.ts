import { describe, expect, it } from 'vitest';
import type { Passage } from '../language-engine.ts';
import { groundedAnswer, notAnswered } from './grounded-answer.ts';
import { loadTextReader } from './text-reader.ts';

const reader = await loadTextReader();
const passage = (id: string, text: string): Passage => ({ text, citation: { sourceId: id, sourceName: `${id}.pdf`, chunkId: `${id}-1`, page: 1, charStart: 0, charEnd: text.length } });
const passages = [
  passage('quote-a', 'Supplier A quoted $2.30 per unit with a lead time of 21 days. They are ISO 9001 certified.'),
  passage('quote-b', 'Supplier B offers $2.10 per unit. Their factory is in Vietnam and ships from Haiphong.'),
  passage('brand', 'The brand guidelines require the logo to sit 12 mm from the bottom edge. Use Pantone 186 C only.'),
];

describe('grounded answer', () => {
  it('answers from the best sentences and cites the passages used', () => {
    const answer = groundedAnswer(reader, 'Where is the factory of supplier B?', passages);
    expect(answer.text).toBe('Supplier B offers $2.10 per unit. Their factory is in Vietnam and ships from Haiphong. [1]');
    expect(answer.citations.map((c) => c.sourceId)).toEqual(['quote-b']);
  });

  it('matches related word forms and the kind of thing asked for', () => {
    expect(groundedAnswer(reader, 'Which supplier has a certification?', passages).citations.map((c) => c.sourceId)).toEqual(['quote-a']);
    const colour = groundedAnswer(reader, 'Which colour does the brand use?', passages);
    expect(colour.text).toContain('Pantone 186 C');
    expect(colour.citations[0]).toMatchObject({ sourceId: 'brand', page: 1 });
  });

  it('says plainly when the knowledge does not answer, citing nothing', () => {
    expect(groundedAnswer(reader, 'What is the warranty period?', passages)).toEqual({ text: notAnswered, citations: [] });
    expect(groundedAnswer(reader, 'How much does shipping to Japan cost?', passages)).toEqual({ text: notAnswered, citations: [] });
    expect(groundedAnswer(reader, 'What is the lead time?', [])).toEqual({ text: notAnswered, citations: [] });
  });
});
