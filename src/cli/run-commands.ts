import type { Command } from 'commander';
import type { RunSummaryView, RunView } from '../engine/index.ts';
import { ValidationError } from '../kernel/index.ts';
import type { ApiCall, OpenStream } from './api-client.ts';
import { clientOf, streamOf, withApiOptions } from './api-options.ts';
import { print, type ActionWrapper } from './cli-output.ts';
import { readDefinition, readJsonArgument } from './json-input.ts';
import { formatOutcome, formatRun, formatRunList } from './run-details.ts';
import { createRunDisplay } from './run-display.ts';
import { followRun } from './run-follow.ts';
import { applyRunEvent, progressOfRun } from './run-progress.ts';

type Opts = { json?: boolean };
type RunOptions = Opts & { input: string; version?: string; idempotencyKey?: string; wait?: boolean };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const runPath = (id: string, action = '') => `/api/runs/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

function versionOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const version = Number(value);
  if (!Number.isInteger(version) || version < 1) throw new ValidationError({ message: '--version must be a positive whole number.' });
  return version;
}

/** Starts a run of a saved workflow (a UUID) or of a definition file (ad hoc). */
async function startRun(call: ApiCall, target: string, options: RunOptions): Promise<RunView> {
  const input = await readJsonArgument(options.input, '--input');
  const version = versionOf(options.version);
  const idempotencyKey = options.idempotencyKey;
  if (uuid.test(target)) {
    return call<RunView>('POST', `/api/workflows/${encodeURIComponent(target)}/runs`, { input, version, idempotencyKey });
  }
  if (version !== undefined) throw new ValidationError({ message: '--version applies to a saved workflow (an id), not to a definition file.' });
  const definition = await readDefinition(target, { hint: ' (neither a workflow id, which is a UUID, nor a readable file)' });
  return call<RunView>('POST', '/api/runs', { definition, input, idempotencyKey });
}

/**
 * Follows a run to its end with a live display (stdout; stderr with --json, whose stdout carries
 * only the final RunView), then sets the exit code: 0 when it succeeded, 1 otherwise. Ctrl-C stops
 * following and leaves the run running.
 */
async function waitForRun(run: RunView, { call, open, json }: { call: ApiCall; open: OpenStream; json: boolean }): Promise<void> {
  const target = json ? process.stderr : process.stdout;
  const display = createRunDisplay(target);
  let progress = progressOfRun(run);
  const stop = () => {
    display.finish(progress);
    process.stderr.write(`\nStopped following run ${run.id}; it keeps running (${progress.status}).\n`
      + `  follow it again: foundry runs watch ${run.id}\n  cancel it:       foundry runs cancel ${run.id}\n`);
    process.exit(130);
  };
  process.once('SIGINT', stop);
  display.start(progress);
  let final: RunView;
  try {
    final = await followRun({
      call, open, runId: run.id,
      onEvent: (event) => {
        progress = applyRunEvent(progress, event);
        display.event(progress, event);
      },
      onSnapshot: (snapshot) => {
        progress = progressOfRun(snapshot, progress);
        display.snapshot(progress);
      },
    });
  } finally {
    process.off('SIGINT', stop);
  }
  progress = progressOfRun(final, progress);
  display.finish(progress);
  print(final, { json }, () => formatOutcome(final));
  process.exitCode = final.status === 'succeeded' ? 0 : 1;
}

/**
 * `foundry run FILE_OR_ID` and `foundry runs list|show|watch|cancel|pause|resume|approve|reject`,
 * through the HTTP API of a running Foundry.
 */
export function addRunCommands(program: Command, action: ActionWrapper): void {
  withApiOptions(program.command('run <file-or-id>'))
    .description('start a run of a saved workflow (its id) or of a workflow definition file (ad hoc)')
    .option('--input <json>', "run input: JSON text, or @file.json to read it from a file", '{}')
    .option('--version <n>', 'version of the saved workflow (default: the latest)')
    .option('--idempotency-key <key>', 'starting again with the same key returns the first run')
    .option('--wait', 'follow the run with live progress until it ends; exit 1 unless it succeeded')
    .action(action(async (target: string, _options: unknown, command: Command) => {
      const options = command.optsWithGlobals<RunOptions>();
      const call = clientOf(command);
      const run = await startRun(call, target, options);
      if (!options.wait) {
        print(run, options, () => `Started run ${run.id} (${run.status}).\n  follow it: foundry runs watch ${run.id}`);
        return;
      }
      if (!options.json) process.stdout.write(`Started run ${run.id} (${run.name}).\n`);
      await waitForRun(run, { call, open: streamOf(command), json: Boolean(options.json) });
    }));

  const runs = withApiOptions(program.command('runs').description('workflow runs, through the HTTP API of a running Foundry'));

  runs.command('list')
    .description('list runs, newest first')
    .option('--workflow <id>', 'only runs of this workflow')
    .option('--status <status>', 'queued | running | waiting | paused | succeeded | failed | compensating | compensated | cancelled')
    .option('--limit <n>', 'at most this many', '50')
    .action(action(async (options: { workflow?: string; status?: string; limit: string }, command: Command) => {
      const query = new URLSearchParams({ limit: options.limit, ...(options.workflow ? { workflowId: options.workflow } : {}), ...(options.status ? { status: options.status } : {}) });
      const { items } = await clientOf(command)<{ items: RunSummaryView[] }>('GET', `/api/runs?${query}`);
      print(items, command.optsWithGlobals(), () => formatRunList(items));
    }));

  runs.command('show <id>')
    .description('show a run: its steps with attempts and errors, input and output')
    .action(action(async (id: string, _options: Opts, command: Command) => {
      const run = await clientOf(command)<RunView>('GET', runPath(id));
      print(run, command.optsWithGlobals(), () => formatRun(run));
    }));

  runs.command('watch <id>')
    .description('follow a run until it ends, like `run --wait`; exit 1 unless it succeeded')
    .action(action(async (id: string, _options: Opts, command: Command) => {
      const call = clientOf(command);
      const run = await call<RunView>('GET', runPath(id));
      await waitForRun(run, { call, open: streamOf(command), json: Boolean(command.optsWithGlobals<Opts>().json) });
    }));

  const verbs = { cancel: 'cancelled', pause: 'paused', resume: 'resumed' } as const;
  for (const [verb, done] of Object.entries(verbs)) {
    runs.command(`${verb} <id>`)
      .description(`${verb} a run`)
      .action(action(async (id: string, _options: Opts, command: Command) => {
        const run = await clientOf(command)<RunView>('POST', runPath(id, verb));
        print(run, command.optsWithGlobals(), () => `Run ${run.id} ${done}; it is now ${run.status}.`);
      }));
  }

  for (const [verb, done] of [['approve', 'approved'], ['reject', 'rejected']] as const) {
    runs.command(`${verb} <id> <node-id>`)
      .description(`${verb} the approval step NODE_ID of a waiting run`)
      .option('--comment <text>', 'a note kept with the decision')
      .action(action(async (id: string, nodeId: string, options: { comment?: string }, command: Command) => {
        const run = await clientOf(command)<RunView>('POST', runPath(id, verb), { nodeId, ...(options.comment === undefined ? {} : { comment: options.comment }) });
        print(run, command.optsWithGlobals(), () => `${nodeId} ${done}; run ${run.id} is now ${run.status}.`);
      }));
  }
}
