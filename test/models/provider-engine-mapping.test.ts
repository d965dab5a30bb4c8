import { APICallError } from 'ai';
import { MockLanguageModelV4 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { ModelProviderError } from '../../src/models/index.ts';
import { createProviderEngine } from '../../src/models/providers/create-provider-engine.ts';
import { normaliseEntities, type EntityOutput } from '../../src/models/providers/entity-output.ts';
import { numbersIn } from '../../src/models/providers/provider-prompts.ts';

/** The engine's mapping between Foundry's operations and the AI SDK, with the SDK's mock model (no HTTP). */

const usage = { inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined }, outputTokens: { total: 5, text: 5, reasoning: undefined } };
const replying = (text: string) => new MockLanguageModelV4({
  doGenerate: async () => ({ content: [{ type: 'text', text }], finishReason: { unified: 'stop', raw: undefined }, usage, warnings: [] }),
});
const engineWith = (model: MockLanguageModelV4) =>
  createProviderEngine({ target: { provider: 'openai', model: 'gpt-4.1-mini', apiKey: 'k' }, models: { language: () => model, embedding: () => undefined } });

const options = [
  { name: 'quote', description: 'asks for a price', examples: ['how much?', 'price for 500', 'quote me', 'a fourth example'] },
  { name: 'other', description: 'anything else', examples: [] },
];

describe('classifyIntent', () => {
  it('asks for a JSON object whose intent is one of the option names, at temperature 0, describing each option with up to three examples', async () => {
    const model = replying('{"intent":"quote","confidence":0.7}');
    await engineWith(model).classifyIntent('price?', options);
    const [call] = model.doGenerateCalls;
    expect(call!.temperature).toBe(0);
    expect(call!.responseFormat).toMatchObject({ type: 'json', schema: { properties: { intent: { enum: ['quote', 'other'] } } } });
    const system = JSON.stringify(call!.prompt[0]);
    expect(system).toContain('quote: asks for a price');
    expect(system).toContain('quote me');
    expect(system).not.toContain('a fourth example');
  });

  it('clamps the confidence to 0..1 and shares the rest among the other options', async () => {
    const { value } = await engineWith(replying('{"intent":"other","confidence":1.7}')).classifyIntent('hello', options);
    expect(value).toEqual({ intent: 'other', confidence: 1, ranking: [{ intent: 'other', confidence: 1 }, { intent: 'quote', confidence: 0 }] });
  });

  it('refuses an intent that is not an option', async () => {
    await expect(engineWith(replying('{"intent":"refund","confidence":0.9}')).classifyIntent('x', options)).rejects.toMatchObject({ code: 'MODEL_OUTPUT_INVALID' });
  });
});

describe('compose', () => {
  it('sends the conversation without system messages, then the draft with its facts', async () => {
    const model = replying('Hi! Your 12 samples ship Monday.');
    await engineWith(model).compose({
      purpose: 'reply', draft: 'Your 12 samples ship Monday.', facts: { samples: 12 },
      history: [{ role: 'system', content: 'secret system note' }, { role: 'user', content: 'When do samples ship?' }, { role: 'assistant', content: 'Let me check.' }],
    });
    const prompt = model.doGenerateCalls[0]!.prompt;
    expect(prompt.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(JSON.stringify(prompt)).not.toContain('secret system note');
    expect(JSON.stringify(prompt.at(-1))).toContain('Facts: {\\"samples\\":12}');
  });
});

describe('errors from the model', () => {
  it('types an API error by its status', async () => {
    const failing = new MockLanguageModelV4({
      doGenerate: async () => {
        throw new APICallError({ message: 'overloaded', url: 'https://api.example/v1', requestBodyValues: {}, statusCode: 503 });
      },
    });
    const error = await engineWith(failing).summarize('x', { maxSentences: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelProviderError);
    expect(error).toMatchObject({ code: 'MODEL_PROVIDER_FAILED', retryable: true });
  });

  it('treats an empty text as invalid output', async () => {
    await expect(engineWith(replying('   ')).summarize('x', { maxSentences: 2 })).rejects.toMatchObject({ code: 'MODEL_OUTPUT_INVALID', details: { tokensIn: 10, tokensOut: 5 } });
  });
});

const none: EntityOutput = { quantities: [], dimensions: [], weights: [], colors: [], materials: [], dates: [], money: [], markets: [], devices: [] };

describe('normaliseEntities', () => {
  it('matches mentions regardless of case and spacing, and drops the ones the text does not contain', () => {
    const out = normaliseEntities({ ...none, materials: [{ text: 'Organic  Cotton', name: 'organic cotton', family: 'textile' }, { text: 'silk', name: 'silk', family: 'textile' }] }, 'made of organic cotton');
    expect(out.materials).toEqual([{ text: 'Organic  Cotton', name: 'organic cotton', family: 'textile' }]);
  });

  it('drops values that are not what they claim to be', () => {
    const text = '0 pcs, -5 mm, 2025-13-01, 5 bucks, Atlantis, and a colour';
    const out = normaliseEntities({
      ...none,
      quantities: [{ text: '0 pcs', value: 0, unit: 'pcs' }],
      dimensions: [{ text: '-5 mm', values: [-5], unit: 'mm' }],
      dates: [{ text: '2025-13-01', date: '2025-13-01', deadline: false }],
      money: [{ text: '5 bucks', amount: 5, currency: 'bucks' }],
      markets: [{ text: 'Atlantis', code: 'Atlantis', name: 'Atlantis' }],
      colors: [{ text: 'a colour', name: null, hex: 'not-a-hex', pantone: null }],
    }, text);
    expect(out).toEqual({ ...none });
  });

  it('accepts regions as markets and three-digit hex codes', () => {
    const out = normaliseEntities({
      ...none, markets: [{ text: 'Europe', code: 'eu', name: 'Europe' }], colors: [{ text: '#fa0', name: null, hex: '#fa0', pantone: null }],
    }, 'Europe, in #fa0');
    expect(out.markets).toEqual([{ text: 'Europe', code: 'EU', name: 'Europe' }]);
    expect(out.colors).toEqual([{ text: '#fa0', hex: '#ffaa00' }]);
  });
});

describe('numbersIn', () => {
  it('reads numbers without thousands separators or trailing decimal zeros', () => {
    expect([...numbersIn('10,000 cases at 2.40 EUR, 3 colours, 1.0 kg, ship 2025.')]).toEqual(['10000', '2.4', '3', '1', '2025']);
  });
});
