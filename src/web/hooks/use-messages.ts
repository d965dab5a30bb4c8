import { useInfiniteQuery } from '@tanstack/react-query';
import type { Message, Page } from '../api-types.ts';
import { queryKeys } from '../query-keys.ts';
import { useApi } from './use-api.ts';

const pageSize = 30;

/**
 * The project conversation: the first page is the newest, each further page is older
 * (`before=nextCursor`). Items inside a page are oldest → newest.
 */
export function useMessages(projectId: string) {
  const api = useApi();
  return useInfiniteQuery({
    queryKey: queryKeys.messages(api.workspaceId, projectId),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams({ limit: String(pageSize) });
      if (pageParam) query.set('before', pageParam);
      return api.get<Page<Message>>(`/api/projects/${encodeURIComponent(projectId)}/messages?${query}`, { signal });
    },
    getNextPageParam: (last) => last.nextCursor,
    staleTime: Infinity,
  });
}
