import { useQuery } from '@tanstack/react-query';
import type { Items, Workflow, WorkflowSummary, WorkflowVersion } from '../api-types.ts';
import { queryKeys } from '../query-keys.ts';
import { useApi } from './use-api.ts';

/** The workflows of the current workspace, most recently updated first. */
export function useWorkflows() {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.workflows(api.workspaceId),
    queryFn: ({ signal }) => api.get<Items<WorkflowSummary>>('/api/workflows', { signal }),
    select: (data) => data.items,
  });
}

/** A workflow with the definition of its latest version, or of `version`. */
export function useWorkflow(workflowId: string, version?: number) {
  const api = useApi();
  return useQuery({
    queryKey: [...queryKeys.workflow(api.workspaceId, workflowId), version ?? 'latest'],
    queryFn: ({ signal }) => {
      const query = version === undefined ? '' : `?version=${version}`;
      return api.get<Workflow>(`/api/workflows/${encodeURIComponent(workflowId)}${query}`, { signal });
    },
  });
}

/** The saved versions of a workflow, newest first. */
export function useWorkflowVersions(workflowId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.workflowVersions(api.workspaceId, workflowId),
    queryFn: ({ signal }) => api.get<Items<WorkflowVersion>>(`/api/workflows/${encodeURIComponent(workflowId)}/versions`, { signal }),
    select: (data) => data.items.toSorted((a, b) => b.version - a.version),
  });
}
