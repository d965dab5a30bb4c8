import { useQuery } from '@tanstack/react-query';
import { createApiClient } from '../api-client.ts';
import { ApiError } from '../api-error.ts';
import type { Session } from '../api-types.ts';
import { queryKeys } from '../query-keys.ts';

const accountApi = createApiClient();

/** The signed-in user and their workspaces; `null` when nobody is logged in. */
export function useSession() {
  return useQuery({
    queryKey: queryKeys.session,
    queryFn: async ({ signal }) => {
      try {
        return await accountApi.get<Session>('/api/auth/me', { signal });
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
  });
}
