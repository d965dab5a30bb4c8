import { Ajv, type ValidateFunction } from 'ajv';
import { RunInputInvalidError } from './engine-errors.ts';

const ajv = new Ajv({ allErrors: true, strict: false });
const compiled = new Map<string, ValidateFunction>();
const maxCached = 200;

/** Checks a run input against the workflow's JSON Schema; throws RUN_INPUT_INVALID listing every problem. */
export function checkRunInput(schema: Record<string, unknown> | undefined, input: unknown): void {
  if (schema === undefined) return;
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (validate === undefined) {
    try {
      validate = ajv.compile(schema);
    } catch (error) {
      throw new RunInputInvalidError([{ path: '', message: `the workflow's inputSchema is not a valid JSON Schema (${(error as Error).message})` }]);
    }
    if (compiled.size >= maxCached) compiled.delete(compiled.keys().next().value as string);
    compiled.set(key, validate);
  }
  if (!validate(input)) {
    throw new RunInputInvalidError((validate.errors ?? []).map((e) => ({ path: e.instancePath, message: e.message ?? 'is invalid' })));
  }
}
