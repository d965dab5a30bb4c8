import type { Command } from 'commander';
import { clientOf, withApiOptions } from './api-options.ts';
import { print, type ActionWrapper } from './cli-output.ts';
import { readDefinition } from './json-input.ts';

interface Problem { code: string; message: string; nodeId?: string }

/** `foundry workflow validate FILE`: every problem of a definition, checked by the server against its tools and credentials. */
export function addWorkflowCommands(program: Command, run: ActionWrapper): void {
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
