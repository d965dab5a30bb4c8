import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Budget, BudgetScope, Items, SetBudgetInput } from '../api-types.ts';
import { queryKeys } from '../query-keys.ts';
import { useApi } from './use-api.ts';

/** The workspace's budgets with what each has spent in its current period. */
export function useBudgets() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.budgets(api.workspaceId),
    queryFn: ({ signal }) => api.get<Items<Budget>>(`/api/workspaces/${encodeURIComponent(api.workspaceId)}/budgets`, { signal }),
    select: (data) => data.items,
    refetchInterval: 30_000,
  });
}

/** Set (create or replace) and remove a budget; each refreshes the list. */
export function useBudgetMutations() {
  const api = useApi();
  const client = useQueryClient();
  const base = `/api/workspaces/${encodeURIComponent(api.workspaceId)}/budgets`;
  const refresh = () => client.invalidateQueries({ queryKey: queryKeys.budgets(api.workspaceId) });
  return {
    set: useMutation({
      mutationFn: (body: SetBudgetInput) => api.request<Budget>('PUT', base, { body }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: ({ scope, scopeId }: { scope: BudgetScope; scopeId: string }) => api.delete(`${base}/${scope}/${encodeURIComponent(scopeId)}`),
      onSettled: refresh,
    }),
  };
}
