import { readFile } from 'node:fs/promises';
import { FoundryError, ValidationError } from '../kernel/index.ts';

async function readText(file: string, hint = ''): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new FoundryError({ code: 'FILE_UNREADABLE', status: 400, message: `Cannot read ${file}${hint}.`, cause: error });
  }
}

/** A JSON file holding an object, such as a workflow definition; FILE_UNREADABLE or MALFORMED_JSON otherwise. */
export async function readDefinition(file: string, { hint }: { hint?: string } = {}): Promise<Record<string, unknown>> {
  const text = await readText(file, hint);
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
    return value as Record<string, unknown>;
  } catch (error) {
    throw new ValidationError({ code: 'MALFORMED_JSON', message: `${file} is not a JSON object.`, cause: error });
  }
}

/**
 * The value of a JSON option such as `--input`: JSON text, or `@path` to read it from a file.
 *
 * @example await readJsonArgument('@input.json', '--input')
 */
export async function readJsonArgument(value: string, option: string): Promise<unknown> {
  const file = value.startsWith('@') ? value.slice(1) : undefined;
  const text = file === undefined ? value : await readText(file);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const where = file === undefined ? option : `${file} (${option})`;
    throw new ValidationError({
      code: 'MALFORMED_JSON',
      message: `${where} is not valid JSON: ${(error as Error).message}. Pass JSON text such as '{"name":"Ann"}' or @file.json.`,
      cause: error,
    });
  }
}
