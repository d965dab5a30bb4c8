/**
 * JSON Schemas of Anthropic's Messages API (POST /v1/messages), written from Anthropic's API
 * reference: required fields, types and ranges of the request, and the shape of a response.
 * Anthropic publishes no OpenAPI document; the API refuses unknown top-level fields, so the
 * request schema does too.
 */
const cacheControl = { type: 'object', required: ['type'], properties: { type: { const: 'ephemeral' }, ttl: { enum: ['5m', '1h'] } }, additionalProperties: false };

const textBlock = {
  type: 'object', required: ['type', 'text'], additionalProperties: false,
  properties: { type: { const: 'text' }, text: { type: 'string', minLength: 1 }, cache_control: cacheControl, citations: { type: 'array' } },
};

const contentBlock = {
  type: 'object', required: ['type'],
  properties: { type: { enum: ['text', 'image', 'document', 'tool_use', 'tool_result', 'thinking', 'redacted_thinking', 'search_result'] } },
  allOf: [
    { if: { properties: { type: { const: 'text' } } }, then: textBlock },
    { if: { properties: { type: { const: 'tool_use' } } }, then: { required: ['id', 'name', 'input'], properties: { input: { type: 'object' } } } },
    { if: { properties: { type: { const: 'tool_result' } } }, then: { required: ['tool_use_id'] } },
  ],
};

const message = {
  type: 'object', required: ['role', 'content'], additionalProperties: false,
  properties: {
    role: { enum: ['user', 'assistant'] },
    content: { oneOf: [{ type: 'string' }, { type: 'array', minItems: 1, items: contentBlock }] },
  },
};

const tool = {
  type: 'object', required: ['name', 'input_schema'], additionalProperties: false,
  properties: {
    type: { const: 'custom' },
    name: { type: 'string', pattern: '^[a-zA-Z0-9_-]{1,128}$' },
    description: { type: 'string' },
    input_schema: { type: 'object', required: ['type'], properties: { type: { const: 'object' } } },
    cache_control: cacheControl,
    strict: { type: 'boolean' },
  },
};

export const anthropicMessagesRequestSchema = {
  $id: 'anthropic-messages-request',
  type: 'object',
  required: ['model', 'max_tokens', 'messages'],
  additionalProperties: false,
  properties: {
    model: { type: 'string', minLength: 1, maxLength: 256 },
    max_tokens: { type: 'integer', minimum: 1 },
    messages: { type: 'array', minItems: 1, items: message },
    system: { oneOf: [{ type: 'string' }, { type: 'array', items: textBlock }] },
    temperature: { type: 'number', minimum: 0, maximum: 1 },
    top_p: { type: 'number', minimum: 0, maximum: 1 },
    top_k: { type: 'integer', minimum: 0 },
    stop_sequences: { type: 'array', items: { type: 'string' } },
    stream: { type: 'boolean' },
    metadata: { type: 'object', properties: { user_id: { type: ['string', 'null'], maxLength: 256 } }, additionalProperties: false },
    tools: { type: 'array', items: tool },
    tool_choice: {
      type: 'object', required: ['type'], additionalProperties: false,
      properties: { type: { enum: ['auto', 'any', 'tool', 'none'] }, name: { type: 'string' }, disable_parallel_tool_use: { type: 'boolean' } },
    },
    thinking: { type: 'object', required: ['type'], properties: { type: { enum: ['enabled', 'disabled', 'adaptive'] }, budget_tokens: { type: 'integer', minimum: 1024 } } },
    service_tier: { enum: ['auto', 'standard_only'] },
    output_config: {
      type: 'object', additionalProperties: false,
      properties: {
        format: { type: 'object', required: ['type', 'schema'], additionalProperties: false, properties: { type: { const: 'json_schema' }, schema: { type: 'object' } } },
        effort: { enum: ['low', 'medium', 'high', 'max'] },
      },
    },
    container: { type: ['string', 'object', 'null'] },
    context_management: { type: 'object' },
    mcp_servers: { type: 'array' },
    inference_geo: { type: 'string' },
  },
} as const;

export const anthropicMessageResponseSchema = {
  $id: 'anthropic-message-response',
  type: 'object',
  required: ['id', 'type', 'role', 'content', 'model', 'stop_reason', 'stop_sequence', 'usage'],
  properties: {
    id: { type: 'string' },
    type: { const: 'message' },
    role: { const: 'assistant' },
    model: { type: 'string' },
    content: { type: 'array', items: contentBlock },
    stop_reason: { enum: ['end_turn', 'max_tokens', 'stop_sequence', 'tool_use', 'pause_turn', 'refusal', null] },
    stop_sequence: { type: ['string', 'null'] },
    usage: {
      type: 'object', required: ['input_tokens', 'output_tokens'],
      properties: { input_tokens: { type: 'integer', minimum: 0 }, output_tokens: { type: 'integer', minimum: 0 } },
    },
  },
} as const;

export const anthropicErrorSchema = {
  $id: 'anthropic-error',
  type: 'object', required: ['type', 'error'],
  properties: { type: { const: 'error' }, error: { type: 'object', required: ['type', 'message'], properties: { type: { type: 'string' }, message: { type: 'string' } } } },
} as const;
