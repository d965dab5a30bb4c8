import { Option, type Command } from 'commander';
import { createApiClient, createStreamOpener, type ApiClientOptions } from './api-client.ts';

/** Adds the options of commands that talk to a running Foundry: --url, --token, --workspace. */
export function withApiOptions(command: Command): Command {
  return command
    .addOption(new Option('--url <url>', 'Foundry URL').env('FOUNDRY_URL').default('http://127.0.0.1:3000'))
    .addOption(new Option('--token <token>', 'API token').env('FOUNDRY_TOKEN'))
    .addOption(new Option('--workspace <id>', 'workspace id (default: your personal one)').env('FOUNDRY_WORKSPACE'));
}

/** The API client for a command declared with withApiOptions. */
export function clientOf(command: Command) {
  return createApiClient(command.optsWithGlobals<ApiClientOptions>());
}

/** The event-stream opener for a command declared with withApiOptions. */
export function streamOf(command: Command) {
  return createStreamOpener(command.optsWithGlobals<ApiClientOptions>());
}
