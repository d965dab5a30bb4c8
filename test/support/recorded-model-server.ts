import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { anthropicErrorSchema, anthropicMessageResponseSchema, anthropicMessagesRequestSchema } from './anthropic-messages-schema.ts';
import { openAiSpecAvailable, openAiValidator, problemsOf, type OpenAiSchemaName } from './openai-spec.ts';

/**
 * A local HTTP server that replays recorded provider responses: OpenAI (`/v1/responses`,
 * `/v1/chat/completions`, `/v1/embeddings`), OpenAI-compatible servers (`/chat/completions`,
 * `/embeddings`, under any base path) and Anthropic (`/v1/messages`).
 *
 * Every request body is checked against the provider's published schema (OpenAI's OpenAPI
 * document, or the Anthropic Messages schema in anthropic-messages-schema.ts), and against
 * OpenAI's strict structured-output rules; every response it sends is checked too. Problems are
 * collected in `problems()` (tests expect it to be empty) and an invalid request is answered 400,
 * as the provider would.
 *
 * Replies are queued with `reply()` and used in order, one per request; a request with no reply
 * queued is answered 500 and noted as a problem.
 */
export type RecordedReply =
  /** A success carrying the model's output: text, a JSON value (structured output), or vectors for embeddings. */
  | { output: unknown; tokens?: { in: number; out: number } }
  /** The provider's recorded error body for this status (401, 429, 500, 503). */
  | { status: 401 | 429 | 500 | 503 }
  /** A body that is not what the API documents, e.g. `{ status: 200, raw: '{"id": ' }`. */
  | { status: number; raw: string }
  /** Never answers (a timeout). */
  | { hang: true };

export interface RecordedRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
  api: Api;
  problems: string[];
}

export interface RecordedModelServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  requests: RecordedRequest[];
  reply(...replies: RecordedReply[]): void;
  /** Every schema problem of the requests and responses so far. */
  problems(): string[];
  /** Replies queued and not used yet. */
  pending(): number;
  /** Drops the queued replies and the recorded requests. */
  clear(): void;
  close(): Promise<void>;
}

type Api = 'responses' | 'chat' | 'embeddings' | 'anthropic';

const recorded = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`./recorded-models/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

const anthropicAjv = new Ajv2020({ strict: false, allErrors: true });
const anthropicRequest = anthropicAjv.compile(anthropicMessagesRequestSchema);
const anthropicResponse = anthropicAjv.compile(anthropicMessageResponseSchema);
const anthropicError = anthropicAjv.compile(anthropicErrorSchema);

const openAiSchemas: Record<Exclude<Api, 'anthropic'>, { request: OpenAiSchemaName; response: OpenAiSchemaName }> = {
  responses: { request: 'CreateResponse', response: 'Response' },
  chat: { request: 'CreateChatCompletionRequest', response: 'CreateChatCompletionResponse' },
  embeddings: { request: 'CreateEmbeddingRequest', response: 'CreateEmbeddingResponse' },
};

function apiOf(path: string): Api | undefined {
  if (path === '/v1/responses') return 'responses';
  if (path.endsWith('/chat/completions')) return 'chat';
  if (path.endsWith('/embeddings')) return 'embeddings';
  if (path === '/v1/messages') return 'anthropic';
  return undefined;
}

function validators(api: Api): { request: ValidateFunction; response: ValidateFunction } {
  if (api === 'anthropic') return { request: anthropicRequest, response: anthropicResponse };
  return { request: openAiValidator(openAiSchemas[api].request), response: openAiValidator(openAiSchemas[api].response) };
}

/** OpenAI's strict structured outputs: every object lists all its properties as required and allows no others. */
export function strictSchemaProblems(schema: unknown, at = '#'): string[] {
  if (schema === null || typeof schema !== 'object') return [];
  const node = schema as Record<string, unknown>;
  const problems: string[] = [];
  if (node.type === 'object' || node.properties !== undefined) {
    const keys = Object.keys((node.properties as Record<string, unknown> | undefined) ?? {});
    const required = new Set((node.required as string[] | undefined) ?? []);
    if (node.additionalProperties !== false) problems.push(`${at}: strict schemas need additionalProperties: false`);
    for (const key of keys.filter((k) => !required.has(k))) problems.push(`${at}: strict schemas need "${key}" in required`);
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' || key === '$defs' || key === 'definitions') {
      for (const [name, child] of Object.entries(value as Record<string, unknown>)) problems.push(...strictSchemaProblems(child, `${at}/${key}/${name}`));
    } else if (key === 'items' || key === 'additionalProperties') {
      problems.push(...strictSchemaProblems(value, `${at}/${key}`));
    } else if (key === 'anyOf' && Array.isArray(value)) {
      value.forEach((child, i) => problems.push(...strictSchemaProblems(child, `${at}/anyOf/${i}`)));
    }
  }
  return problems;
}

function strictProblems(api: Api, body: Record<string, unknown>): string[] {
  const format = api === 'responses'
    ? (body.text as { format?: { type?: string; strict?: boolean; schema?: unknown } } | undefined)?.format
    : api === 'chat' ? (body.response_format as { json_schema?: { strict?: boolean; schema?: unknown } } | undefined)?.json_schema : undefined;
  if (!format || format.strict !== true) return [];
  return strictSchemaProblems(format.schema);
}

function headerProblems(api: Api, headers: IncomingHttpHeaders): string[] {
  if (api !== 'anthropic') return [];
  return ['x-api-key', 'anthropic-version'].filter((h) => !headers[h]).map((h) => `missing the ${h} header`);
}

const text = (output: unknown) => (typeof output === 'string' ? output : JSON.stringify(output));

/** The recorded success envelope of an API with the model's output and token counts put in. */
function successBody(api: Api, request: Record<string, unknown>, output: unknown, tokens: { in: number; out: number }): unknown {
  const model = typeof request.model === 'string' ? request.model : 'model';
  if (api === 'responses') {
    const body = recorded('openai-response');
    const [message] = body.output as [{ content: [{ text: string }] }];
    message.content[0].text = text(output);
    return { ...body, model, usage: { ...(body.usage as object), input_tokens: tokens.in, output_tokens: tokens.out, total_tokens: tokens.in + tokens.out } };
  }
  if (api === 'chat') {
    const body = recorded('openai-chat-completion');
    const [choice] = body.choices as [{ message: { content: string } }];
    choice.message.content = text(output);
    return { ...body, model, usage: { ...(body.usage as object), prompt_tokens: tokens.in, completion_tokens: tokens.out, total_tokens: tokens.in + tokens.out } };
  }
  if (api === 'embeddings') {
    const vectors = output as number[][];
    return { ...recorded('openai-embeddings'), model, data: vectors.map((embedding, index) => ({ object: 'embedding', index, embedding })), usage: { prompt_tokens: tokens.in, total_tokens: tokens.in } };
  }
  const body = recorded('anthropic-message');
  const tools = (request.tools as { name: string }[] | undefined) ?? [];
  const content = tools.some((t) => t.name === 'json') && typeof output === 'object'
    ? [{ type: 'tool_use', id: 'toolu_01A09q90qw90lq917835lq9', name: 'json', input: output }]
    : [{ type: 'text', text: text(output) }];
  return { ...body, model, content, stop_reason: content[0]!.type === 'tool_use' ? 'tool_use' : 'end_turn', usage: { ...(body.usage as object), input_tokens: tokens.in, output_tokens: tokens.out } };
}

function errorBody(api: Api, status: 401 | 429 | 500 | 503): unknown {
  const family = api === 'anthropic' ? 'anthropic' : 'openai';
  return recorded(`${family}-error-${status === 503 ? 500 : status}`);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts the server on 127.0.0.1 and a free port. OpenAI-family requests need the spec (openAiSpecAvailable). */
export async function startRecordedModelServer(): Promise<RecordedModelServer> {
  const queue: RecordedReply[] = [];
  const requests: RecordedRequest[] = [];
  const serverProblems: string[] = [];

  const send = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  };

  const server = createServer((request, response) => {
    void (async () => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      const api = apiOf(path);
      const raw = await readBody(request);
      if (request.method !== 'POST' || api === undefined) {
        serverProblems.push(`unexpected request ${request.method} ${path}`);
        return send(response, 404, { error: { message: `No route ${path}`, type: 'invalid_request_error', param: null, code: null } });
      }
      if (api !== 'anthropic' && !openAiSpecAvailable) throw new Error('OpenAI requests need the spec; skip the test when openAiSpecAvailable is false.');
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        body = {};
      }
      const validate = validators(api);
      const problems = [...problemsOf(validate.request, body), ...strictProblems(api, body), ...headerProblems(api, request.headers)];
      requests.push({ path, headers: request.headers, body, api, problems });
      if (problems.length > 0) {
        return send(response, 400, api === 'anthropic'
          ? { type: 'error', error: { type: 'invalid_request_error', message: problems.join('; ') } }
          : { error: { message: problems.join('; '), type: 'invalid_request_error', param: null, code: null } });
      }
      const next = queue.shift();
      if (next === undefined) {
        serverProblems.push(`no reply queued for ${path}`);
        return send(response, 500, errorBody(api, 500));
      }
      if ('hang' in next) return;
      if ('raw' in next) {
        response.writeHead(next.status, { 'content-type': 'application/json' }).end(next.raw);
        return;
      }
      if ('status' in next) {
        const error = errorBody(api, next.status);
        if (api === 'anthropic') serverProblems.push(...problemsOf(anthropicError, error).map((p) => `recorded anthropic error: ${p}`));
        return send(response, next.status, error);
      }
      const success = successBody(api, body, next.output, next.tokens ?? { in: 42, out: 17 });
      serverProblems.push(...problemsOf(validate.response, success).map((p) => `recorded ${api} response: ${p}`));
      send(response, 200, success);
    })().catch((error: unknown) => {
      serverProblems.push(`server failed: ${(error as Error).message}`);
      if (!response.headersSent) send(response, 500, { error: { message: 'recorded server failed', type: 'server_error', param: null, code: null } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (...replies) => void queue.push(...replies),
    problems: () => [...requests.flatMap((r) => r.problems.map((p) => `${r.path}: ${p}`)), ...serverProblems],
    pending: () => queue.length,
    clear: () => {
      queue.length = 0;
      requests.length = 0;
      serverProblems.length = 0;
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
