import { Badge } from '@mantine/core';
import type { ProjectStatus } from '../api-types.ts';
import { projectStatuses } from '../project-statuses.ts';

export function StatusBadge({ status }: { status: ProjectStatus }) {
  const info = projectStatuses[status];
  return <Badge variant="dot" color={info.color} radius="sm">{info.label}</Badge>;
}
