import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * JSON Schema checks of webhook payloads, with ajv (draft-07 and the common `format`s). Compiled
 * validators are cached by schema text.
 */

const ajv = new Ajv({ allErrors: true, strict: false, logger: false });
addFormats.default(ajv);

const cache = new Map<string, ValidateFunction>();
const cacheSize = 500;

export interface PayloadProblem {
  /** JSON pointer into the payload ("" for the payload itself). */
  path: string;
  message: string;
}

function compile(schema: Record<string, unknown>): ValidateFunction {
  const key = JSON.stringify(schema);
  const cached = cache.get(key);
  if (cached) return cached;
  const validate = ajv.compile(schema);
  if (cache.size >= cacheSize) cache.delete(cache.keys().next().value!);
  cache.set(key, validate);
  return validate;
}

/** What is wrong with a JSON Schema itself, or undefined when ajv can compile it. */
export function schemaProblem(schema: Record<string, unknown>): string | undefined {
  try {
    compile(schema);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

const problemOf = (e: ErrorObject): PayloadProblem => ({ path: e.instancePath, message: e.message ?? 'is invalid' });

/** The payload's problems against `schema` (empty when it is valid). */
export function payloadProblems(schema: Record<string, unknown>, payload: unknown): PayloadProblem[] {
  const validate = compile(schema);
  return validate(payload) ? [] : (validate.errors ?? []).map(problemOf);
}
