import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateTriggerBody, Items, Trigger, UpdateTriggerBody } from '../api-types.ts';
import { queryKeys } from '../query-keys.ts';
import { useApi } from './use-api.ts';

/** A schedule's next firing moves on by itself; the list refreshes this often to follow it. */
const refreshMs = 30_000;

/** The triggers of a workflow, with their last and next firing. */
export function useTriggers(workflowId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.triggers(api.workspaceId, workflowId),
    queryFn: ({ signal }) => api.get<Items<Trigger>>(`/api/workflows/${encodeURIComponent(workflowId)}/triggers`, { signal }),
    select: (data) => data.items,
    refetchInterval: refreshMs,
  });
}

/**
 * Add, change, delete a trigger and rotate a webhook's secret; each refreshes the workflow's
 * trigger list. Create and rotate answer with the webhook secret, which no later read shows.
 */
export function useTriggerMutations(workflowId: string) {
  const api = useApi();
  const client = useQueryClient();
  const refresh = () => client.invalidateQueries({ queryKey: queryKeys.triggers(api.workspaceId, workflowId) });
  const path = (id: string) => `/api/triggers/${encodeURIComponent(id)}`;
  return {
    create: useMutation({
      mutationFn: (body: CreateTriggerBody) => api.post<Trigger>(`/api/workflows/${encodeURIComponent(workflowId)}/triggers`, body),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, ...body }: UpdateTriggerBody & { id: string }) => api.patch<Trigger>(path(id), body),
      onSettled: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api.delete(path(id)),
      onSettled: refresh,
    }),
    rotate: useMutation({
      mutationFn: (id: string) => api.post<Trigger>(`${path(id)}/rotate-secret`),
      onSettled: refresh,
    }),
  };
}
