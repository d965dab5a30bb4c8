import type { ProjectStatus } from './api-types.ts';

/** Project statuses with their labels and badge colours. */
export const projectStatuses: Record<ProjectStatus, { label: string; color: string }> = {
  active: { label: 'Active', color: 'green' },
  on_hold: { label: 'On hold', color: 'yellow' },
  completed: { label: 'Completed', color: 'blue' },
  archived: { label: 'Archived', color: 'gray' },
};

export const projectStatusIds = Object.keys(projectStatuses) as ProjectStatus[];
