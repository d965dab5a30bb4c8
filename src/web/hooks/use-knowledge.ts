import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { Items, KnowledgeSource, Passage } from '../api-types.ts';
import { queryKeys } from '../query-keys.ts';
import { useApi } from './use-api.ts';

/** The project's knowledge sources; kept current by the project's live events. */
export function useKnowledgeSources(projectId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.knowledge(api.workspaceId, projectId),
    queryFn: ({ signal }) => api.get<Items<KnowledgeSource>>(`/api/projects/${encodeURIComponent(projectId)}/knowledge`, { signal }),
    select: (data) => data.items,
  });
}

/** Passages matching a query (nothing is asked for an empty one). */
export function useKnowledgeSearch(projectId: string, query: string) {
  const api = useApi();
  const q = query.trim();
  return useQuery({
    queryKey: queryKeys.knowledgeSearch(api.workspaceId, projectId, q),
    queryFn: ({ signal }) => api.get<{ results: Passage[] }>(`/api/projects/${encodeURIComponent(projectId)}/knowledge/search?${new URLSearchParams({ q, limit: '10' })}`, { signal }),
    select: (data) => data.results,
    enabled: q !== '',
    placeholderData: keepPreviousData,
  });
}
