import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createBuiltinEngine, loadBuiltin, warmUpBuiltinEngine } from './builtin-engine.ts';
import { defaultIntents } from './intent-catalogue.ts';

const engine = createBuiltinEngine();
const zero = { tokensIn: 0, tokensOut: 0 };

// the first call loads wink-nlp's model and trains the catalogue: seconds on a busy machine
describe('built-in engine', { timeout: 60_000 }, () => {
  it('names itself and spends no tokens', async () => {
    expect([engine.provider, engine.model]).toEqual(['builtin', 'builtin-1']);
    expect((await engine.classifyIntent('hello', defaultIntents)).usage).toEqual(zero);
    expect((await engine.summarize('A. B.', { maxSentences: 1 })).usage).toEqual(zero);
    expect((await engine.answer('what?', [])).usage).toEqual(zero);
    expect(engine.embed).toBeUndefined();
  });

  it('resolves dates against the reference date of the call', async () => {
    const { value } = await engine.extractEntities('Samples by next Friday.', { referenceDate: new Date('2026-03-04T09:00:00Z') });
    expect(value.dates).toEqual([{ text: 'next Friday', date: '2026-03-13', deadline: true }]);
  });

  it('returns the draft as composed text', async () => {
    expect((await engine.compose({ purpose: 'reply', draft: 'Here are three concepts.' })).value).toBe('Here are three concepts.');
  });

  it('has no free-form structured output', async () => {
    await expect(engine.structured({ schema: z.object({ a: z.string() }), instruction: 'x', input: 'y' })).rejects.toMatchObject({ code: 'MODEL_UNSUPPORTED', status: 501 });
  });

  it('warms up by training the catalogue, so later calls reuse it', async () => {
    await warmUpBuiltinEngine();
    const { classifier } = await loadBuiltin();
    const trained = classifier.modelFor(defaultIntents);
    await engine.classifyIntent('where are we?', defaultIntents);
    expect(classifier.modelFor(defaultIntents)).toBe(trained);
  });

  it('refuses calls it cannot make sense of, and aborted calls', async () => {
    await expect(engine.classifyIntent('hi', [])).rejects.toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    await expect(engine.summarize('text', { maxSentences: 0 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    const controller = new AbortController();
    controller.abort();
    await expect(engine.extractEntities('10 units', { signal: controller.signal })).rejects.toThrow();
  });
});
