import { useInfiniteQuery } from '@tanstack/react-query';
import type { Page, Project, ProjectStatus, Studio } from '../api-types.ts';
import { queryKeys } from '../query-keys.ts';
import { useApi } from './use-api.ts';

export interface ProjectFilters {
  status?: ProjectStatus;
  studio?: Studio;
}

/** Projects of the current workspace, newest first, a page at a time. */
export function useProjects(filters: ProjectFilters = {}) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: [...queryKeys.projects(api.workspaceId), filters],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams({ limit: '24' });
      if (pageParam) query.set('cursor', pageParam);
      if (filters.status) query.set('status', filters.status);
      if (filters.studio) query.set('studio', filters.studio);
      return api.get<Page<Project>>(`/api/projects?${query}`, { signal });
    },
    getNextPageParam: (last) => last.nextCursor,
  });
}
