import { InvalidStepTransitionError } from './engine-errors.ts';

/**
 * The state machine of one node execution (a step; each map iteration is its own step).
 * - `retrying`: an attempt failed, another is due after the backoff; `start` begins it.
 * - `waiting`: a wait or approval node holds the step with no worker; it ends `succeeded`
 *   (elapsed, approved) or `failed` (rejected).
 * - `succeeded` is not terminal: a saga may `compensate` it later.
 * - A compensation attempt that fails but will be retried leaves the step `compensating`
 *   (`retry` is a self-transition there); its attempts record the detail.
 */
export const stepStates = [
  'pending', 'ready', 'running', 'retrying', 'succeeded', 'failed', 'skipped', 'waiting',
  'compensating', 'compensated', 'compensation_failed',
] as const;
export type StepState = (typeof stepStates)[number];

export const stepEventTypes = [
  'ready', 'skip', 'start', 'retry', 'wait', 'succeed', 'fail', 'compensate', 'compensation_done', 'compensation_fail',
] as const;
export type StepEventType = (typeof stepEventTypes)[number];
export interface StepEvent { type: StepEventType }

/** Allowed transitions: state → event → next state. A missing entry is forbidden. */
export const stepTransitions: Readonly<Record<StepState, Readonly<Partial<Record<StepEventType, StepState>>>>> = {
  pending: { ready: 'ready', skip: 'skipped' },
  ready: { start: 'running' },
  running: { retry: 'retrying', wait: 'waiting', succeed: 'succeeded', fail: 'failed' },
  retrying: { start: 'running' },
  waiting: { succeed: 'succeeded', fail: 'failed' },
  succeeded: { compensate: 'compensating' },
  compensating: { retry: 'compensating', compensation_done: 'compensated', compensation_fail: 'compensation_failed' },
  failed: {},
  skipped: {},
  compensated: {},
  compensation_failed: {},
};

/** The events `state` accepts. */
export function allowedStepEvents(state: StepState): StepEventType[] {
  return stepEventTypes.filter((type) => stepTransitions[state][type] !== undefined);
}

/** A terminal step accepts no event: failed, skipped, compensated, compensation_failed. */
export function isTerminalStep(state: StepState): boolean {
  return allowedStepEvents(state).length === 0;
}

/**
 * The state after `event`, or an `InvalidStepTransitionError` when `state` forbids it.
 *
 * @example transitionStep('running', { type: 'retry' }) // 'retrying'
 */
export function transitionStep(state: StepState, event: StepEvent): StepState {
  const target = stepTransitions[state][event.type];
  if (target === undefined) {
    throw new InvalidStepTransitionError({ from: state, event: event.type, allowed: allowedStepEvents(state) });
  }
  return target;
}
