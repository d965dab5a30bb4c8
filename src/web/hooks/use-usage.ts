import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { UsageSummary } from '../api-types.ts';
import type { DayRange } from '../format/usage-range.ts';
import { queryKeys } from '../query-keys.ts';
import { useApi } from './use-api.ts';

/** Usage comes in as calls are made; a summary on screen refreshes this often. */
const refreshMs = 30_000;

/**
 * The usage summary of the workspace (no project) or of one project over whole UTC days; the
 * previous range stays on screen while another loads.
 */
export function useUsage(range: DayRange, options: { projectId?: string; recent?: number } = {}) {
  const api = useApi();
  const { projectId, recent = 20 } = options;
  const query = new URLSearchParams({ from: range.from, to: range.to, limit: String(recent) });
  const path = projectId
    ? `/api/projects/${encodeURIComponent(projectId)}/usage?${query}`
    : `/api/workspaces/${encodeURIComponent(api.workspaceId)}/usage?${query}`;
  return useQuery({
    queryKey: queryKeys.usage(api.workspaceId, projectId ?? 'workspace', range.from, range.to),
    queryFn: ({ signal }) => api.get<UsageSummary>(path, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: refreshMs,
  });
}
