import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ModelOutputInvalidError, ModelProviderError, ModelUnsupportedError, type Passage } from '../../src/models/index.ts';
import { createProviderEngine, type ProviderEngine } from '../../src/models/providers/create-provider-engine.ts';
import { guardedProviderFetch } from '../../src/models/providers/provider-fetch.ts';
import { providerModels } from '../../src/models/providers/provider-models.ts';
import type { ProviderTarget } from '../../src/models/providers/provider-target.ts';
import { openAiSpecAvailable, openAiSpecNotice, specAjv } from '../support/openai-spec.ts';
import { startRecordedModelServer, type RecordedModelServer, type RecordedRequest } from '../support/recorded-model-server.ts';

/**
 * Each provider engine against the recorded server, operation by operation: what is sent (checked
 * against the published schemas by the server), what comes back, and how errors are typed.
 */

if (!openAiSpecAvailable) console.warn(openAiSpecNotice);

const apiKey = 'sk-test-provider-engine-key-1234';
let server: RecordedModelServer;

beforeAll(async () => {
  server = await startRecordedModelServer();
  if (openAiSpecAvailable) specAjv();
}, 120_000);
afterAll(async () => {
  await server?.close();
});

const guard = () => guardedProviderFetch({ allow: { hosts: ['127.0.0.1'] } });
const engineFor = (target: Omit<ProviderTarget, 'baseUrl'>, base = '/v1'): ProviderEngine => {
  const full: ProviderTarget = { ...target, baseUrl: `${server.url}${base}` };
  return createProviderEngine({ target: full, models: providerModels(full, guard()) });
};
const lastRequest = (): RecordedRequest => server.requests.at(-1)!;
const bodyOf = (request: RecordedRequest) => request.body as Record<string, unknown>;

const intents = [
  { name: 'quote', description: 'asks for a price or a quote', examples: ['how much for 500 cases?'] },
  { name: 'design', description: 'talks about how the product looks', examples: ['make it matte black'] },
  { name: 'other', description: 'anything else', examples: [] },
];

const passage = (n: number, text: string): Passage => ({
  text, citation: { sourceId: `s${n}`, sourceName: `price-list-${n}.pdf`, chunkId: `c${n}`, page: n, charStart: 0, charEnd: text.length },
});

const providers = [
  { name: 'openai', target: { provider: 'openai' as const, model: 'gpt-4.1-mini', apiKey }, base: '/v1', needsSpec: true },
  { name: 'openai-compatible (Ollama-style /v1)', target: { provider: 'openai-compatible' as const, model: 'llama3.2:3b' }, base: '/v1', needsSpec: true },
  { name: 'openai-compatible (llama.cpp-style root)', target: { provider: 'openai-compatible' as const, model: 'qwen2.5-7b-instruct', apiKey }, base: '', needsSpec: true },
  { name: 'anthropic', target: { provider: 'anthropic' as const, model: 'claude-haiku-4-5', apiKey }, base: '/v1', needsSpec: false },
];

describe.each(providers)('$name', ({ target, base, needsSpec }) => {
  const skip = needsSpec && !openAiSpecAvailable;
  const engine = () => engineFor(target, base);

  it.skipIf(skip)('classifies an intent with a structured choice among the option names and a confidence', async () => {
    server.reply({ output: { intent: 'quote', confidence: 0.82 }, tokens: { in: 120, out: 9 } });
    const result = await engine().classifyIntent('What would 500 cases cost?', intents);
    expect(result.value.intent).toBe('quote');
    expect(result.value.confidence).toBeCloseTo(0.82);
    expect(result.value.ranking.map((r) => r.intent)).toEqual(['quote', 'design', 'other']);
    expect(result.value.ranking.reduce((sum, r) => sum + r.confidence, 0)).toBeCloseTo(1);
    expect(result.usage).toEqual({ tokensIn: 120, tokensOut: 9 });
    const sent = JSON.stringify(lastRequest().body);
    expect(sent).toContain('"enum":["quote","design","other"]');
    expect(sent).toContain('asks for a price or a quote');
    expect(bodyOf(lastRequest()).temperature).toBe(0);
  });

  it.skipIf(skip)('extracts entities, keeping only mentions found in the text and computing millimetres, grams and hex itself', async () => {
    server.reply({
      output: {
        quantities: [{ text: '10,000 units', value: 10000, unit: 'units' }, { text: '99 crates', value: 99, unit: 'crates' }],
        dimensions: [{ text: '150 x 75 mm', values: [150, 75], unit: 'mm' }, { text: '6.1 in', values: [6.1], unit: 'in' }],
        weights: [{ text: '8 oz', value: 8, unit: 'oz' }],
        colors: [{ text: 'black', name: 'Black', hex: null, pantone: null }, { text: '#FF6600', name: null, hex: '#FF6600', pantone: null }],
        materials: [{ text: 'TPU', name: 'TPU', family: 'plastic' }],
        dates: [{ text: 'by 2025-03-31', date: '2025-03-31', deadline: true }, { text: 'Feb 30', date: '2025-02-30', deadline: false }],
        money: [{ text: '$2.50', amount: 2.5, currency: 'usd' }],
        markets: [{ text: 'Germany', code: 'de', name: 'Germany' }],
        devices: [{ text: 'iPhone 15 Pro', brand: 'Apple', model: 'iPhone 15 Pro' }],
      },
    });
    const text = 'We need 10,000 units of black TPU cases, 150 x 75 mm and 6.1 in screens, 8 oz each, accent #FF6600, '
      + 'at $2.50 for Germany, for the iPhone 15 Pro, by 2025-03-31.';
    const { value } = await engine().extractEntities(text, { referenceDate: new Date('2025-01-15T00:00:00Z') });
    expect(value.quantities).toEqual([{ text: '10,000 units', value: 10000, unit: 'units' }]);
    expect(value.dimensions.map((d) => d.mm)).toEqual([[150, 75], [154.94]]);
    expect(value.weights).toEqual([{ text: '8 oz', value: 8, unit: 'oz', grams: 226.796 }]);
    expect(value.colors).toEqual([{ text: 'black', name: 'black', hex: '#000000' }, { text: '#FF6600', hex: '#ff6600' }]);
    expect(value.materials).toEqual([{ text: 'TPU', name: 'TPU', family: 'plastic' }]);
    expect(value.dates).toEqual([{ text: 'by 2025-03-31', date: '2025-03-31', deadline: true }]);
    expect(value.money).toEqual([{ text: '$2.50', amount: 2.5, currency: 'USD' }]);
    expect(value.markets).toEqual([{ text: 'Germany', code: 'DE', name: 'Germany' }]);
    expect(value.devices).toEqual([{ text: 'iPhone 15 Pro', brand: 'Apple', model: 'iPhone 15 Pro' }]);
    expect(JSON.stringify(lastRequest().body)).toContain('Today is 2025-01-15');
  });

  it.skipIf(skip)('summarises, holding the reply to the sentence limit', async () => {
    server.reply({ output: 'The client wants 500 cases. They must ship in March. Colour is black.' });
    const { value } = await engine().summarize('A long conversation about cases.', { maxSentences: 2 });
    expect(value).toBe('The client wants 500 cases. They must ship in March.');
    expect(JSON.stringify(lastRequest().body)).toContain('at most 2 sentences');
  });

  it.skipIf(skip)('answers from numbered passages and maps the cited numbers to their citations', async () => {
    server.reply({ output: { answer: 'A case costs 2.40 EUR at 1,000 units [2].', citations: [2, 2] } });
    const passages = [passage(1, 'Shipping takes two weeks.'), passage(2, 'At 1,000 units a case costs 2.40 EUR.')];
    const { value } = await engine().answer('What does a case cost?', passages);
    expect(value.text).toBe('A case costs 2.40 EUR at 1,000 units [2].');
    expect(value.citations).toEqual([passages[1]!.citation]);
    expect(JSON.stringify(lastRequest().body)).toContain('[2] (price-list-2.pdf) At 1,000 units');
  });

  it.skipIf(skip)('refuses an answer that cites a passage that does not exist', async () => {
    server.reply({ output: { answer: 'It costs 3 EUR [5].', citations: [5] }, tokens: { in: 80, out: 12 } });
    const error = await engine().answer('What does a case cost?', [passage(1, 'A case costs 2.40 EUR.')]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelOutputInvalidError);
    expect((error as ModelOutputInvalidError).details).toEqual({ tokensIn: 80, tokensOut: 12 });
  });

  it.skipIf(skip)('rewords a draft at a low temperature, and refuses a rewording that drops a number', async () => {
    const draft = 'Your quote: 10,000 cases at 2.40 EUR each, delivered by 14 March.';
    server.reply({ output: 'Here is your quote: 10000 cases at 2.40 EUR each, delivered by 14 March.' });
    const { value } = await engine().compose({ purpose: 'a friendly reply', draft, history: [{ role: 'user', content: 'Quote please' }] });
    expect(value).toContain('10000 cases');
    const temperature = bodyOf(lastRequest()).temperature;
    expect(temperature).toBe(0.3);
    server.reply({ output: 'Here is your quote: many cases, delivered soon.' });
    await expect(engine().compose({ purpose: 'a friendly reply', draft })).rejects.toBeInstanceOf(ModelOutputInvalidError);
  });

  it.skipIf(skip)("returns the caller's structured object", async () => {
    server.reply({ output: { name: 'Aurora case', tags: ['matte', 'slim'] } });
    const schema = z.object({ name: z.string(), tags: z.array(z.string()), note: z.string().optional() });
    const { value } = await engine().structured({ schema, instruction: 'Name the product', input: 'A slim matte case' });
    expect(value).toEqual({ name: 'Aurora case', tags: ['matte', 'slim'] });
  });

  it.skipIf(skip)('refuses structured output that fails the schema, keeping the tokens it cost', async () => {
    server.reply({ output: { name: 42 }, tokens: { in: 30, out: 4 } });
    const error = await engine().structured({ schema: z.object({ name: z.string() }), instruction: 'Name it', input: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelOutputInvalidError);
    expect((error as ModelOutputInvalidError).details).toEqual({ tokensIn: 30, tokensOut: 4 });
  });

  if (target.provider === 'anthropic') {
    it('has no embeddings', async () => {
      await expect(engine().embed!(['a'])).rejects.toBeInstanceOf(ModelUnsupportedError);
    });
  } else {
    it.skipIf(skip)('embeds texts, one vector each', async () => {
      server.reply({ output: [[0.1, 0.2, 0.3], [0.3, 0.2, 0.1]], tokens: { in: 7, out: 0 } });
      const { value, usage } = await engine().embed!(['red case', 'blue case']);
      expect(value).toEqual([[0.1, 0.2, 0.3], [0.3, 0.2, 0.1]]);
      expect(usage).toEqual({ tokensIn: 7, tokensOut: 0 });
      expect(bodyOf(lastRequest()).input).toEqual(['red case', 'blue case']);
    });
  }

  it.skipIf(skip)('sends the API key in a header only, and every request matched the published schema', () => {
    const mine = server.requests.filter((r) => bodyOf(r).model === target.model);
    expect(mine.length).toBeGreaterThan(0);
    for (const request of mine) {
      expect(JSON.stringify(request.body)).not.toContain(apiKey);
      if (target.apiKey) expect(request.headers.authorization ?? request.headers['x-api-key']).toContain(apiKey);
      else expect(request.headers.authorization).toBeUndefined();
    }
    expect(server.problems()).toEqual([]);
    expect(server.pending()).toBe(0);
  });
});

describe('anthropic models without native structured output', () => {
  it('get structured output through a forced JSON tool', async () => {
    server.reply({ output: { intent: 'design', confidence: 0.6 } });
    const { value } = await engineFor({ provider: 'anthropic', model: 'claude-3-5-haiku-latest', apiKey }).classifyIntent('Make it matte black', intents);
    expect(value.intent).toBe('design');
    const body = bodyOf(lastRequest());
    expect(body.tools).toEqual([expect.objectContaining({ name: 'json' })]);
    expect(body.tool_choice).toMatchObject({ type: 'any' });
    expect(server.problems()).toEqual([]);
  });
});

describe('typed provider errors', () => {
  const cases = [
    { provider: 'openai' as const, model: 'gpt-4.1-mini', needsSpec: true },
    { provider: 'anthropic' as const, model: 'claude-haiku-4-5', needsSpec: false },
  ];
  describe.each(cases)('$provider', ({ provider, model, needsSpec }) => {
    const skip = needsSpec && !openAiSpecAvailable;
    const engine = () => engineFor({ provider, model, apiKey });
    const failure = async () => {
      const error = await engine().summarize('Some text.', { maxSentences: 1 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ModelProviderError);
      return error as ModelProviderError;
    };

    it.skipIf(skip)('401 is not retryable, and the message carries no key', async () => {
      server.reply({ status: 401 });
      const error = await failure();
      expect(error).toMatchObject({ code: 'MODEL_PROVIDER_UNAUTHORIZED', retryable: false, provider });
      expect(error.message).toContain('HTTP 401');
      expect(error.message).not.toContain(apiKey);
    });

    it.skipIf(skip)('429, 500 and 503 are retryable', async () => {
      for (const status of [429, 500, 503] as const) {
        server.reply({ status });
        expect(await failure()).toMatchObject({ retryable: true, code: status === 429 ? 'MODEL_RATE_LIMITED' : 'MODEL_PROVIDER_FAILED' });
      }
    });

    it.skipIf(skip)('a body that is not JSON is an invalid response, not retried', async () => {
      server.reply({ status: 200, raw: '{"id": "resp_1", "output": [' });
      expect(await failure()).toMatchObject({ code: 'MODEL_RESPONSE_INVALID', retryable: false });
    });
  });

  it('an unreachable server is retryable', async () => {
    const target: ProviderTarget = { provider: 'openai-compatible', model: 'llama3.2', baseUrl: 'http://127.0.0.1:9/v1' };
    const error = await createProviderEngine({ target, models: providerModels(target, guard()) }).summarize('x', { maxSentences: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'MODEL_PROVIDER_UNREACHABLE', retryable: true });
  });

  it('a private address is refused by the SSRF guard unless allowed', async () => {
    const target: ProviderTarget = { provider: 'openai-compatible', model: 'llama3.2', baseUrl: `${server.url}/v1` };
    const guarded = createProviderEngine({ target, models: providerModels(target, guardedProviderFetch({})) });
    await expect(guarded.summarize('x', { maxSentences: 1 })).rejects.toMatchObject({ code: 'OUTBOUND_URL_REFUSED' });
  });

  it('needs an API key for OpenAI and Anthropic, and a base URL for an OpenAI-compatible server', () => {
    expect(() => providerModels({ provider: 'openai', model: 'gpt-4.1-mini' }, guard())).toThrow(/No API key/);
    expect(() => providerModels({ provider: 'anthropic', model: 'claude-haiku-4-5' }, guard())).toThrow(/No API key/);
    expect(() => providerModels({ provider: 'openai-compatible', model: 'x' }, guard())).toThrow(/base URL/);
  });
});
