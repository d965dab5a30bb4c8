import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { z } from 'zod';

const draft07 = new Ajv({ allErrors: true, strict: false, logger: false });
const draft2020 = new Ajv2020({ allErrors: true, strict: false, logger: false });
addFormats.default(draft07);
addFormats.default(draft2020);

const anyObject = z.record(z.string(), z.unknown());

/**
 * A tool input schema for tools described by JSON Schema (MCP tools): the input must be an object
 * that passes the JSON Schema, checked by ajv (draft 2020-12 when the schema says so, draft-07
 * otherwise), and each ajv error becomes an issue with its path, so the engine reports it as
 * TOOL_INPUT_INVALID like any zod failure. A schema ajv cannot compile checks only that the input
 * is an object, leaving the rest to the tool.
 *
 * @example const inputSchema = jsonSchemaInput({ type: 'object', required: ['q'], properties: { q: { type: 'string' } } });
 */
export function jsonSchemaInput(schema: Record<string, unknown>): z.ZodType<Record<string, unknown>> {
  const validate = compile(schema);
  if (validate === undefined) return anyObject;
  return anyObject.superRefine((value, ctx) => {
    if (validate(value)) return;
    for (const error of validate.errors ?? []) ctx.addIssue({ code: 'custom', path: pathOf(error), message: error.message ?? 'is invalid' });
  });
}

function compile(schema: Record<string, unknown>): ValidateFunction | undefined {
  const ajv = String(schema.$schema ?? '').includes('2020-12') ? draft2020 : draft07;
  try {
    return ajv.compile(schema);
  } catch {
    return undefined;
  }
}

function pathOf(error: ErrorObject): (string | number)[] {
  const path: (string | number)[] = error.instancePath.split('/').slice(1).map((part) => {
    const key = part.replaceAll('~1', '/').replaceAll('~0', '~');
    return /^\d+$/.test(key) ? Number(key) : key;
  });
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  const extra = params.missingProperty ?? params.additionalProperty;
  return extra === undefined ? path : [...path, extra];
}
