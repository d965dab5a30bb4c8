import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createBuiltinEngine } from './builtin-engine.ts';
import { evaluateEntities, evaluateIntents, readJsonLines, type EntityCase, type IntentCase } from './builtin-evaluation.ts';
import { defaultIntents, intentNames } from './intent-catalogue.ts';

const root = join(fileURLToPath(import.meta.url), '../../../..');
const intents = readJsonLines<IntentCase>(join(root, 'eval/builtin/intents.jsonl'));
const entities = readJsonLines<EntityCase>(join(root, 'eval/builtin/entities.jsonl'));
const engine = createBuiltinEngine();

// the first call loads wink-nlp's model and trains the catalogue: seconds on a busy machine
describe('built-in engine on the labelled evaluation sets', { timeout: 60_000 }, () => {
  it('has sets of the promised size, covering every intent, apart from the catalogue examples', () => {
    expect(intents.length).toBeGreaterThanOrEqual(150);
    expect(entities.length).toBeGreaterThanOrEqual(100);
    expect(new Set(intents.map((c) => c.intent))).toEqual(new Set(intentNames));
    const examples = new Set(defaultIntents.flatMap((o) => o.examples).map((e) => e.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()));
    expect(intents.filter((c) => examples.has(c.text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim()))).toEqual([]);
  });

  it('classifies at least 90% of the utterances right', async () => {
    const report = await evaluateIntents(engine, intents, defaultIntents);
    expect(report.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('extracts every entity of at least 90% of the sentences exactly, and nothing else', async () => {
    const report = await evaluateEntities(engine, entities);
    expect(report.sentenceAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(report.micro.f1).toBeGreaterThanOrEqual(0.9);
  });
});
