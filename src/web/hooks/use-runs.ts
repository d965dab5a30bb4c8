import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Items, Run, RunEvent, RunStatus, RunSummary } from '../api-types.ts';
import { mergeRunEvents } from '../format/merge-run-events.ts';
import { isTerminalRun } from '../format/run-actions.ts';
import { queryKeys } from '../query-keys.ts';
import { useApi } from './use-api.ts';

export interface RunFilters {
  workflowId?: string;
  status?: RunStatus;
  limit?: number;
}

/** While a listed run is still going, the list refreshes this often. */
const liveListRefreshMs = 4_000;

/** Runs of the workspace, newest first; refreshed while any of them is still going. */
export function useRuns(filters: RunFilters = {}) {
  const api = useApi();
  return useQuery({
    queryKey: [...queryKeys.runs(api.workspaceId), filters],
    queryFn: ({ signal }) => {
      const query = new URLSearchParams({ limit: String(filters.limit ?? 50) });
      if (filters.workflowId) query.set('workflowId', filters.workflowId);
      if (filters.status) query.set('status', filters.status);
      return api.get<Items<RunSummary>>(`/api/runs?${query}`, { signal });
    },
    select: (data) => data.items,
    refetchInterval: (query) => (query.state.data?.items.some((run) => !isTerminalRun(run.status)) ? liveListRefreshMs : false),
  });
}

/** One run with its steps and attempts. */
export function useRun(runId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.run(api.workspaceId, runId),
    queryFn: ({ signal }) => api.get<Run>(`/api/runs/${encodeURIComponent(runId)}`, { signal }),
  });
}

/**
 * The run's persisted timeline, ascending. The live stream appends to the same cache entry, so a
 * refetch merges with what is there instead of dropping events the stream brought meanwhile.
 */
export function useRunEvents(runId: string) {
  const api = useApi();
  const client = useQueryClient();
  const queryKey = queryKeys.runEvents(api.workspaceId, runId);
  return useQuery({
    queryKey,
    queryFn: async ({ signal }) => {
      const fetched = await api.get<Items<RunEvent>>(`/api/runs/${encodeURIComponent(runId)}/events`, { signal });
      return { items: mergeRunEvents(client.getQueryData<Items<RunEvent>>(queryKey)?.items, fetched.items) };
    },
    select: (data) => data.items,
  });
}
