import { useQuery } from '@tanstack/react-query';
import type { Project } from '../api-types.ts';
import { queryKeys } from '../query-keys.ts';
import { useApi } from './use-api.ts';

export function useProject(projectId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.project(api.workspaceId, projectId),
    queryFn: ({ signal }) => api.get<Project>(`/api/projects/${encodeURIComponent(projectId)}`, { signal }),
  });
}
