import { useQuery } from '@tanstack/react-query';
import type { Items, ProjectMember, WorkspaceMember } from '../api-types.ts';
import { queryKeys } from '../query-keys.ts';
import { useApi } from './use-api.ts';

export function useProjectMembers(projectId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.projectMembers(api.workspaceId, projectId),
    queryFn: ({ signal }) => api.get<Items<ProjectMember>>(`/api/projects/${encodeURIComponent(projectId)}/members`, { signal }),
    select: (data) => data.items,
  });
}

export function useWorkspaceMembers() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.workspaceMembers(api.workspaceId),
    queryFn: ({ signal }) => api.get<Items<WorkspaceMember>>('/api/workspace/members', { signal }),
    select: (data) => data.items,
  });
}
