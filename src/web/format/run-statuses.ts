import type { RunStatus, StepStatus } from '../api-types.ts';

/** Run statuses with their labels and badge colours, in the order a filter lists them. */
export const runStatuses: Record<RunStatus, { label: string; color: string }> = {
  queued: { label: 'Queued', color: 'gray' },
  running: { label: 'Running', color: 'blue' },
  waiting: { label: 'Waiting', color: 'yellow' },
  paused: { label: 'Paused', color: 'orange' },
  succeeded: { label: 'Succeeded', color: 'green' },
  failed: { label: 'Failed', color: 'red' },
  compensating: { label: 'Compensating', color: 'grape' },
  compensated: { label: 'Compensated', color: 'violet' },
  cancelled: { label: 'Cancelled', color: 'dark' },
};

export const runStatusIds = Object.keys(runStatuses) as RunStatus[];

/** Step statuses with their labels and badge colours. */
export const stepStatuses: Record<StepStatus, { label: string; color: string }> = {
  pending: { label: 'Pending', color: 'gray' },
  ready: { label: 'Ready', color: 'gray' },
  running: { label: 'Running', color: 'blue' },
  retrying: { label: 'Retrying', color: 'orange' },
  succeeded: { label: 'Succeeded', color: 'green' },
  failed: { label: 'Failed', color: 'red' },
  skipped: { label: 'Skipped', color: 'gray' },
  waiting: { label: 'Waiting', color: 'yellow' },
  compensating: { label: 'Compensating', color: 'grape' },
  compensated: { label: 'Compensated', color: 'violet' },
  compensation_failed: { label: 'Compensation failed', color: 'red' },
};
