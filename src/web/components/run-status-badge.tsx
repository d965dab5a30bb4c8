import { Badge } from '@mantine/core';
import type { RunStatus, StepStatus } from '../api-types.ts';
import { runStatuses, stepStatuses } from '../format/run-statuses.ts';

/** A run's status as a coloured badge. */
export function RunStatusBadge({ status, size = 'md' }: { status: RunStatus; size?: 'sm' | 'md' | 'lg' }) {
  const look = runStatuses[status];
  return <Badge variant="light" color={look.color} size={size} radius="sm" data-run-status={status}>{look.label}</Badge>;
}

/** A step's status as a coloured badge. */
export function StepStatusBadge({ status }: { status: StepStatus }) {
  const look = stepStatuses[status];
  return <Badge variant="dot" color={look.color} radius="sm" data-step-status={status} style={{ flexShrink: 0 }}>{look.label}</Badge>;
}
