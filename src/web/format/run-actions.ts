import type { RunStatus } from '../api-types.ts';

export interface RunActions {
  cancel: boolean;
  pause: boolean;
  resume: boolean;
}

const terminal: readonly RunStatus[] = ['succeeded', 'failed', 'compensated', 'cancelled'];

/** A finished run changes no more: succeeded, failed, compensated, cancelled. */
export function isTerminalRun(status: RunStatus): boolean {
  return terminal.includes(status);
}

/**
 * Which controls a run of this status accepts, mirroring the engine's run state machine: cancel
 * from every live state but compensating (undoing must finish), pause before the run ends, resume
 * only when paused. The server still decides (409 INVALID_RUN_TRANSITION when the state moved on).
 *
 * @example runActions('paused') // { cancel: true, pause: false, resume: true }
 */
export function runActions(status: RunStatus): RunActions {
  return {
    cancel: !isTerminalRun(status) && status !== 'compensating',
    pause: status === 'queued' || status === 'running' || status === 'waiting',
    resume: status === 'paused',
  };
}
