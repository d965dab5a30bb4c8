import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { anthropicErrorSchema, anthropicMessageResponseSchema } from '../support/anthropic-messages-schema.ts';
import { openAiSpecAvailable, openAiSpecNotice, openAiValidator, problemsOf, specAjv } from '../support/openai-spec.ts';
import { startRecordedModelServer, strictSchemaProblems, type RecordedModelServer } from '../support/recorded-model-server.ts';

/** The recorded server itself: its recordings conform to the published schemas, and it notices bad requests. */

if (!openAiSpecAvailable) console.warn(openAiSpecNotice);

const recording = (name: string) => JSON.parse(readFileSync(new URL(`../support/recorded-models/${name}.json`, import.meta.url), 'utf8')) as unknown;

let server: RecordedModelServer;
beforeAll(async () => {
  server = await startRecordedModelServer();
  if (openAiSpecAvailable) specAjv();
}, 180_000);
afterAll(async () => {
  await server?.close();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe.skipIf(!openAiSpecAvailable)('OpenAI recordings and requests', () => {
  it('has recordings that conform to the OpenAI spec', () => {
    expect(problemsOf(openAiValidator('Response'), recording('openai-response'))).toEqual([]);
    expect(problemsOf(openAiValidator('CreateChatCompletionResponse'), recording('openai-chat-completion'))).toEqual([]);
    expect(problemsOf(openAiValidator('CreateEmbeddingResponse'), recording('openai-embeddings'))).toEqual([]);
  });

  it('notices a request the spec refuses and answers it 400, as OpenAI would', async () => {
    const before = server.requests.length;
    const missingModel = await post('/v1/chat/completions', { messages: [{ role: 'user', content: 'hi' }] });
    expect(missingModel.status).toBe(400);
    const badTemperature = await post('/v1/responses', { model: 'gpt-4.1-mini', input: 'hi', temperature: 'hot' });
    expect(badTemperature.status).toBe(400);
    const badEmbedding = await post('/v1/embeddings', { model: 'text-embedding-3-small' });
    expect(badEmbedding.status).toBe(400);
    const noted = server.requests.slice(before);
    expect(noted.map((r) => r.problems.length > 0)).toEqual([true, true, true]);
    expect(noted[0]!.problems.join()).toContain('model');
    expect(noted[1]!.problems.join()).toContain('temperature');
    expect(noted[2]!.problems.join()).toContain('input');
  });

  it('replays a queued reply inside the recorded envelope', async () => {
    server.reply({ output: 'Hello there.', tokens: { in: 11, out: 3 } });
    const response = await post('/v1/chat/completions', { model: 'llama3.2:3b', messages: [{ role: 'user', content: 'hi' }] });
    expect(response.status).toBe(200);
    const body = await response.json() as { model: string; choices: { message: { content: string } }[]; usage: { prompt_tokens: number; completion_tokens: number } };
    expect(body.model).toBe('llama3.2:3b');
    expect(body.choices[0]!.message.content).toBe('Hello there.');
    expect(body.usage).toMatchObject({ prompt_tokens: 11, completion_tokens: 3 });
  });
});

describe('Anthropic recordings and requests', () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });

  it('has recordings that conform to the Messages API schemas', () => {
    expect(problemsOf(ajv.compile(anthropicMessageResponseSchema), recording('anthropic-message'))).toEqual([]);
    const error = ajv.compile(anthropicErrorSchema);
    for (const status of [401, 429, 500]) expect(problemsOf(error, recording(`anthropic-error-${status}`))).toEqual([]);
  });

  it('notices missing fields, unknown fields and missing headers', async () => {
    const headers = { 'x-api-key': 'sk-ant-test', 'anthropic-version': '2023-06-01' };
    const before = server.requests.length;
    expect((await post('/v1/messages', { model: 'claude-haiku-4-5', messages: [{ role: 'user', content: 'hi' }] }, headers)).status).toBe(400);
    expect((await post('/v1/messages', { model: 'claude-haiku-4-5', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }], store: false }, headers)).status).toBe(400);
    expect((await post('/v1/messages', { model: 'claude-haiku-4-5', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }, { 'x-api-key': 'k' })).status).toBe(400);
    const noted = server.requests.slice(before).map((r) => r.problems.join('; '));
    expect(noted[0]).toContain('max_tokens');
    expect(noted[1]).toContain('additional');
    expect(noted[2]).toContain('anthropic-version');
  });
});

describe('strict structured-output rules', () => {
  it('flags objects with optional properties or open additional properties, at any depth', () => {
    const strict = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'array', items: { type: 'object', properties: { c: { type: 'number' } }, required: ['c'], additionalProperties: false } } }, required: ['a', 'b'], additionalProperties: false };
    expect(strictSchemaProblems(strict)).toEqual([]);
    const loose = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'object', properties: { c: { type: 'number' } } } }, required: ['a', 'b'], additionalProperties: false };
    expect(strictSchemaProblems(loose)).toEqual([
      '#/properties/b: strict schemas need additionalProperties: false',
      '#/properties/b: strict schemas need "c" in required',
    ]);
  });
});
