import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Credential, Items, ModelRole, ModelRoleSetting, ModelRoleTest, PutRoleSettingInput } from '../api-types.ts';
import { queryKeys } from '../query-keys.ts';
import { useApi } from './use-api.ts';

/** The engine of each model role in the workspace, and where that choice comes from. */
export function useModelRoles() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.modelRoles(api.workspaceId),
    queryFn: ({ signal }) => api.get<{ roles: ModelRoleSetting[] }>(`/api/workspaces/${encodeURIComponent(api.workspaceId)}/models`, { signal }),
    select: (data) => data.roles,
  });
}

/** Save a role's provider and model, go back to the default, or try the role with one small call. */
export function useModelRoleMutations() {
  const api = useApi();
  const client = useQueryClient();
  const path = (role: ModelRole) => `/api/workspaces/${encodeURIComponent(api.workspaceId)}/models/${role}`;
  const refresh = () => client.invalidateQueries({ queryKey: queryKeys.modelRoles(api.workspaceId) });
  return {
    save: useMutation({
      mutationFn: ({ role, body }: { role: ModelRole; body: PutRoleSettingInput }) => api.request<ModelRoleSetting>('PUT', path(role), { body }),
      onSuccess: refresh,
    }),
    reset: useMutation({
      mutationFn: (role: ModelRole) => api.delete(path(role)),
      onSettled: refresh,
    }),
    test: useMutation({
      mutationFn: (role: ModelRole) => api.post<ModelRoleTest>(`${path(role)}/test`),
    }),
  };
}

/** The workspace's credentials (names only), to pick an API key from. */
export function useCredentials() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.credentials(api.workspaceId),
    queryFn: ({ signal }) => api.get<Items<Credential>>('/api/credentials', { signal }),
    select: (data) => data.items,
  });
}
