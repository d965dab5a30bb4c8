import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

/**
 * Validators from OpenAI's published OpenAPI document (../shared/specs/openai-openapi.yaml, see
 * its README). The document is absent outside CI: `openAiSpecPath` tells tests whether to skip.
 */
export const openAiSpecPath = fileURLToPath(new URL('../../../shared/specs/openai-openapi.yaml', import.meta.url));
export const openAiSpecAvailable = existsSync(openAiSpecPath);
export const openAiSpecNotice = `OpenAI's OpenAPI document is not at ${openAiSpecPath} (a plain clone has no ../shared/specs): the recorded-provider tests are skipped.`;

export type OpenAiSchemaName =
  | 'CreateResponse' | 'Response' | 'CreateChatCompletionRequest' | 'CreateChatCompletionResponse' | 'CreateEmbeddingRequest' | 'CreateEmbeddingResponse';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;

/**
 * Two adjustments make the document plain JSON Schema 2020-12: a few schemas still carry
 * OpenAPI 3.0's `nullable`, rewritten as `anyOf: [{ ... }, { type: 'null' }]`; and `oneOf`
 * becomes `anyOf`, because the document's alternatives overlap (an "easy" input message also
 * matches the full message schema) while the API accepts a value matching any of them.
 */
function asJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(asJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const out = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key === 'oneOf' ? 'anyOf' : key, asJsonSchema(value)]));
  return nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

let ajv: Ajv2020 | undefined;

/** The ajv instance holding the spec's components (parsed once per test file: the document is 3 MB). */
export function specAjv(): Ajv2020 {
  if (ajv) return ajv;
  const doc = parse(readFileSync(openAiSpecPath, 'utf8'), { maxAliasCount: -1 }) as { components: unknown };
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('unixtime', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= 0 });
  ajv.addSchema({ $id: 'openai', components: asJsonSchema(doc.components) });
  return ajv;
}

/** The validator of one of the spec's component schemas. */
export function openAiValidator(name: OpenAiSchemaName): ValidateFunction {
  const validate = specAjv().getSchema(`openai#/components/schemas/${name}`);
  if (!validate) throw new Error(`The OpenAI spec has no schema ${name}.`);
  return validate;
}

/** Readable problems of the last validation, empty when valid. */
export function problemsOf(validate: ValidateFunction, value: unknown): string[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).slice(0, 10).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
