import type { RunErrorView, RunSummaryView, RunView } from '../engine/index.ts';
import { table } from './cli-output.ts';
import { approvalHint, pendingApprovals, progressOfRun } from './run-progress.ts';

/** Human text for runs: the list, one run with its steps and attempts, and how a followed run ended. */

const errorText = (error: RunErrorView) => `${error.code}: ${error.message}${error.nodeId ? ` (at ${error.nodeId})` : ''}`;
const json = (value: unknown) => JSON.stringify(value, null, 2) ?? 'null';

/** `foundry runs list`: newest first, one row each. */
export function formatRunList(items: RunSummaryView[]): string {
  return table(items.map((r) => ({
    id: r.id,
    name: r.name,
    status: r.status,
    progress: `${r.progress.done}/${r.progress.total}`,
    trigger: r.trigger.kind,
    created: r.createdAt,
  })), ['id', 'name', 'status', 'progress', 'trigger', 'created']);
}

/** `foundry runs show`: the run, its steps with attempts and errors, failed attempts, input and output. */
export function formatRun(run: RunView): string {
  const source = run.workflowId ? `workflow ${run.workflowId} v${run.workflowVersion ?? '?'}` : 'ad hoc definition';
  const times = [`created ${run.createdAt}`, run.startedAt && `started ${run.startedAt}`, run.finishedAt && `finished ${run.finishedAt}`].filter(Boolean).join(', ');
  const steps = table(run.steps.map((s) => ({
    step: s.itemIndex === null ? s.nodeId : `${s.nodeId}[${s.itemIndex}]`,
    name: s.name,
    type: s.type,
    status: s.status,
    attempts: s.attempts.filter((a) => a.purpose === 'execute').length || '-',
    error: s.error ? `${s.error.code}: ${s.error.message}` : '',
  })), ['step', 'name', 'type', 'status', 'attempts', 'error']);
  const failedAttempts = run.steps.flatMap((s) => s.attempts
    .filter((a) => a.status === 'failed' || a.purpose === 'compensate')
    .map((a) => `  ${s.itemIndex === null ? s.nodeId : `${s.nodeId}[${s.itemIndex}]`} #${a.number}${a.purpose === 'compensate' ? ' compensation' : ''} ${a.status}${a.error ? `: ${a.error.code}: ${a.error.message}` : ''}`));
  const progress = progressOfRun(run);
  return [
    `Run ${run.id}  ${run.name}  ${run.status}  ${run.progress.done}/${run.progress.total}`,
    `${source}, trigger ${run.trigger.kind}; ${times}`,
    ...(run.error ? [`error: ${errorText(run.error)}`] : []),
    '',
    steps,
    ...(failedAttempts.length > 0 ? ['', 'Failed and compensation attempts:', ...failedAttempts] : []),
    ...pendingApprovals(progress).flatMap((s) => ['', ...approvalHint(run.id, s)]),
    '',
    `Input: ${json(run.input)}`,
    ...(run.status === 'succeeded' ? [`Output: ${json(run.output)}`] : []),
  ].join('\n');
}

/** The last words after following a run: its status, then its output or its error. */
export function formatOutcome(run: RunView): string {
  if (run.status === 'succeeded') return `Run ${run.id} succeeded.\nOutput: ${json(run.output)}`;
  return `Run ${run.id} ${run.status}${run.error ? `: ${errorText(run.error)}` : '.'}\nDetails: foundry runs show ${run.id}`;
}
