import { InvalidRunTransitionError } from './engine-errors.ts';
import type { WorkflowDefinition } from './workflow-definition.ts';

/**
 * The run state machine. Decisions, read with the table below:
 * - A run only runs while a worker holds its lease, so every way back to `running` (`resume`
 *   from a pause, `resume_waiting` when a timer or an approval ends a wait) goes through
 *   `queued`, and `start` is where a worker takes the run.
 * - `cancel` is allowed from every live state except `compensating`: compensation undoes
 *   effects that already happened and must finish. Cancelling does not compensate.
 * - A wait that ends while the run is paused leaves it paused; `resume` then re-queues it and
 *   the executor finds the wait step done.
 * - While paused, in-flight steps may finish but the run neither succeeds nor fails: on resume
 *   the executor re-reads the steps and decides.
 * - `fail` while compensating means a compensation failed for good: the run ends `failed`.
 */
export const runStates = ['queued', 'running', 'waiting', 'paused', 'succeeded', 'failed', 'compensating', 'compensated', 'cancelled'] as const;
export type RunState = (typeof runStates)[number];

export const runEventTypes = ['start', 'wait', 'resume_waiting', 'pause', 'resume', 'succeed', 'fail', 'compensation_done', 'cancel'] as const;
export type RunEventType = (typeof runEventTypes)[number];

export type RunEvent =
  | { type: Exclude<RunEventType, 'fail'> }
  | {
    type: 'fail';
    onFailure: WorkflowDefinition['onFailure'];
    /** Whether some completed step has a compensation to run. */
    hasCompensableSteps: boolean;
  };

type Target = RunState | ((event: RunEvent) => RunState);

/** A step failed for good: a saga workflow with something to undo compensates, others fail. */
function compensateOrFail(event: RunEvent): RunState {
  return event.type === 'fail' && event.onFailure === 'saga' && event.hasCompensableSteps ? 'compensating' : 'failed';
}

/** Allowed transitions: state → event → next state. A missing entry is forbidden. */
export const runTransitions: Readonly<Record<RunState, Readonly<Partial<Record<RunEventType, Target>>>>> = {
  queued: { start: 'running', pause: 'paused', cancel: 'cancelled' },
  running: { wait: 'waiting', pause: 'paused', succeed: 'succeeded', fail: compensateOrFail, cancel: 'cancelled' },
  waiting: { resume_waiting: 'queued', pause: 'paused', fail: compensateOrFail, cancel: 'cancelled' },
  paused: { resume: 'queued', resume_waiting: 'paused', cancel: 'cancelled' },
  compensating: { compensation_done: 'compensated', fail: 'failed' },
  succeeded: {},
  failed: {},
  compensated: {},
  cancelled: {},
};

const verbs: Record<RunEventType, string> = {
  start: 'start',
  wait: 'put on hold',
  resume_waiting: 'end the wait of',
  pause: 'pause',
  resume: 'resume',
  succeed: 'complete',
  fail: 'fail',
  compensation_done: 'finish compensating',
  cancel: 'cancel',
};

/** The events `state` accepts. */
export function allowedRunEvents(state: RunState): RunEventType[] {
  return runEventTypes.filter((type) => runTransitions[state][type] !== undefined);
}

/** A terminal run accepts no event: succeeded, failed, compensated, cancelled. */
export function isTerminal(state: RunState): boolean {
  return allowedRunEvents(state).length === 0;
}

/**
 * The state after `event`, or an `InvalidRunTransitionError` (409) when `state` forbids it.
 *
 * @example transitionRun('running', { type: 'pause' }) // 'paused'
 */
export function transitionRun(state: RunState, event: RunEvent): RunState {
  const target = runTransitions[state][event.type];
  if (target === undefined) {
    throw new InvalidRunTransitionError({
      from: state,
      event: event.type,
      allowed: allowedRunEvents(state),
      message: `Cannot ${verbs[event.type]} a ${state} run.`,
    });
  }
  return typeof target === 'function' ? target(event) : target;
}
