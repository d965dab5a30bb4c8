import type { Command } from 'commander';
import type { MessageView } from '../projects/index.ts';
import { clientOf, withApiOptions } from './api-options.ts';
import { print, type ActionWrapper } from './cli-output.ts';

interface Posted {
  message: MessageView;
  notice: string;
  reply: MessageView | null;
  stage: string | null;
}

/** `foundry chat PROJECT "message"`: posts to the project's conversation and prints the agent's reply and the stage. */
export function addChatCommand(program: Command, run: ActionWrapper): void {
  withApiOptions(program.command('chat <project> <message>'))
    .description("send a message to a project's agent and print its reply and the project's stage")
    .option('--wait <seconds>', 'how long to wait for the reply (0-120)', '60')
    .action(run(async (projectId: string, message: string, options: { wait: string }, command: Command) => {
      const posted = await clientOf(command)<Posted>('POST', `/api/projects/${encodeURIComponent(projectId)}/messages?wait=${encodeURIComponent(options.wait)}`, { content: message });
      print(posted, command.optsWithGlobals(), () => posted.reply
        ? `${posted.reply.content}\n\n[stage: ${posted.stage ?? '-'}]`
        : `${posted.notice} No reply within ${options.wait} s; read it later with \`foundry project show ${projectId}\` or in the web UI.\n\n[stage: ${posted.stage ?? '-'}]`);
      if (!posted.reply) process.exitCode = 1;
    }));
}
