import { describe, expect, it } from 'vitest';
import { extractiveSummary } from './extractive-summary.ts';
import { loadTextReader } from './text-reader.ts';

const reader = await loadTextReader();
const brief = 'Northwind Coffee wants 5,000 insulated travel mugs for its spring launch. The mugs are double-walled stainless steel with a bamboo lid. '
  + 'The weather was lovely on the day we met. The travel mugs carry the Northwind logo, laser engraved on the stainless steel. '
  + 'Samples of the mugs are needed within six weeks. The landed cost of each travel mug must stay under $6.50.';

describe('extractive summary', () => {
  it('keeps the sentences central to the text, in their original order', () => {
    const summary = extractiveSummary(reader, brief, 3);
    const sentences = summary.match(/[^.]+\./g)!.map((s) => s.trim());
    expect(sentences).toHaveLength(3);
    expect(sentences[0]).toBe('Northwind Coffee wants 5,000 insulated travel mugs for its spring launch.');
    expect(summary).not.toContain('weather');
    const positions = sentences.map((s) => brief.indexOf(s));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('gives back a text no longer than asked as it is', () => {
    expect(extractiveSummary(reader, 'One sentence. Two sentences.', 3)).toBe('One sentence. Two sentences.');
    expect(extractiveSummary(reader, '', 2)).toBe('');
  });

  it('skips a sentence that repeats one already chosen', () => {
    const repeated = 'The mug is steel. The mug is steel. The lid is bamboo and the mug is steel. Shipping is by sea to Rotterdam.';
    expect(extractiveSummary(reader, repeated, 2).match(/The mug is steel\./g)?.length ?? 0).toBeLessThanOrEqual(1);
  });
});
