import { describe, expect, it } from 'vitest';
import type { IntentOption } from '../language-engine.ts';
import { loadBuiltin } from './builtin-engine.ts';
import { defaultIntents, designIntents, reviewIntents } from './intent-catalogue.ts';

const { classifier } = await loadBuiltin();
const intentOf = (text: string, options = defaultIntents) => classifier.classify(text, options).intent;

const pets: IntentOption[] = [
  { name: 'adopt', description: 'Wants to adopt a pet.', examples: ['I want to adopt a dog', 'can we take home a kitten', 'looking to adopt a rescue cat', 'we would like a puppy'] },
  { name: 'donate', description: 'Wants to give money or supplies to the shelter.', examples: ['how can I donate', 'I want to give some money', 'can I send blankets and food', 'we would like to sponsor a kennel'] },
  { name: 'volunteer', description: 'Wants to help out at the shelter.', examples: ['can I volunteer on weekends', 'I want to walk the dogs', 'do you need helpers', 'we would like to help clean the kennels'] },
];

// the first call loads wink-nlp's model and trains the catalogue: seconds on a busy machine
describe('intent classifier', { timeout: 60_000 }, () => {
  it('classifies against any options it is given, learning from their examples', () => {
    expect(classifier.classify('my daughter wants a kitten from you', pets).intent).toBe('adopt');
    expect(classifier.classify('could I give you a donation?', pets).intent).toBe('donate');
    expect(classifier.classify('I have free time on Saturdays to help', pets).intent).toBe('volunteer');
  });

  it('ranks every option with confidences between 0 and 1, best first', () => {
    const result = classifier.classify('please make the logo smaller', designIntents);
    expect(result.intent).toBe('modify_design');
    expect(result.ranking.map((r) => r.intent).sort()).toEqual(designIntents.map((o) => o.name).sort());
    expect(result.ranking[0]).toEqual({ intent: result.intent, confidence: result.confidence });
    for (const [i, r] of result.ranking.entries()) {
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(1);
      if (i > 0) expect(r.confidence).toBeLessThanOrEqual(result.ranking[i - 1]!.confidence);
    }
    expect(result.ranking.reduce((s, r) => s + r.confidence, 0)).toBeLessThanOrEqual(1.0001);
  });

  it('is confident on clear requests and unsure on text like none of its examples', () => {
    expect(classifier.classify('yes, approved, go ahead', reviewIntents).confidence).toBeGreaterThan(0.8);
    expect(classifier.classify('asdkjh qwe', defaultIntents).confidence).toBeLessThan(0.3);
  });

  it('reads negation: not approving is not approval', () => {
    expect(intentOf("I don't approve this version", reviewIntents)).toBe('reject_or_change');
    expect(intentOf('I approve this version', reviewIntents)).toBe('approve');
    expect(intentOf('not happy with it at all', reviewIntents)).toBe('reject_or_change');
  });

  it('tolerates typos and chat spelling', () => {
    expect(intentOf('helo')).toBe('greeting');
    expect(intentOf('aproved, go ahead')).toBe('approve');
    expect(intentOf('nevermind')).toBe('cancel');
    expect(intentOf('thx')).toBe('smalltalk');
  });

  it('routes the product studio conversation of the seed', () => {
    expect(intentOf('I want to create custom phone cases for my brand')).toBe('describe_product');
    expect(intentOf('Yes, but make them more minimalist', designIntents)).toBe('modify_design');
    expect(intentOf("That's exactly what I want!", reviewIntents)).toBe('approve');
    expect(intentOf('10,000 units, mixed between iPhone 14 and 15')).toBe('provide_spec');
    expect(intentOf("Yes, let's get quotes")).toBe('request_rfq');
  });

  it('trains once per option set and gives the same answer every time', () => {
    const model = classifier.modelFor(defaultIntents);
    expect(classifier.modelFor([...defaultIntents])).toBe(model);
    expect(classifier.modelFor(designIntents)).not.toBe(model);
    expect(model.crossValidatedAccuracy).toBeGreaterThan(0.6);
    expect(classifier.classify('where are we?', defaultIntents)).toEqual(classifier.classify('where are we?', defaultIntents));
  });
});
