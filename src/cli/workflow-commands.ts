import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { FoundryError, ValidationError } from '../kernel/index.ts';
import { clientOf, withApiOptions } from './api-options.ts';
import { print } from './cli-output.ts';

interface Problem { code: string; message: string; nodeId?: string }

async function readDefinition(file: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new FoundryError({ code: 'FILE_UNREADABLE', status: 400, message: `Cannot read ${file}.`, cause: error });
  }
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('not an object');
    return value as Record<string, unknown>;
  } catch (error) {
    throw new ValidationError({ code: 'MALFORMED_JSON', message: `${file} is not a JSON object.`, cause: error });
  }
}

/** `foundry workflow validate FILE`: every problem of a definition, checked by the server against its tools and credentials. */
export function addWorkflowCommands(program: Command, run: <A extends unknown[]>(fn: (...args: A) => Promise<void>) => (...args: A) => Promise<void>): void {
  const workflow = withApiOptions(program.command('workflow').description('workflows, through the HTTP API of a running Foundry'));
  workflow.command('validate <file>')
    .description('check a workflow definition (JSON) and list every problem with its node; exit 1 when invalid')
    .action(run(async (file: string, _options: unknown, command: Command) => {
      const definition = await readDefinition(file);
      const result = await clientOf(command)<{ valid: boolean; problems: Problem[] }>('POST', '/api/workflows/validate', { definition });
      print(result, command.optsWithGlobals(), () =>
        result.valid
          ? `${file}: valid.`
          : [`${file}: ${result.problems.length} problem(s)`, ...result.problems.map((p) => `  ${p.nodeId ?? '-'}  ${p.code}  ${p.message}`)].join('\n'));
      if (!result.valid) process.exitCode = 1;
    }));
}
