import { useMemo } from 'react';
import { createApiClient, type ApiClient } from '../api-client.ts';
import { useWorkspace } from '../workspace-context.tsx';

/** An API client that sends the current workspace with every request. */
export function useApi(): ApiClient & { workspaceId: string } {
  const { workspace } = useWorkspace();
  return useMemo(() => ({ ...createApiClient({ workspaceId: workspace.id }), workspaceId: workspace.id }), [workspace.id]);
}
