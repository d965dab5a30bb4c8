/** Query keys: everything of a workspace sits under `['ws', workspaceId]`, so switching never mixes tenants. */
export const queryKeys = {
  session: ['session'] as const,
  workspace: (ws: string) => ['ws', ws] as const,
  projects: (ws: string) => ['ws', ws, 'projects'] as const,
  project: (ws: string, projectId: string) => ['ws', ws, 'project', projectId] as const,
  messages: (ws: string, projectId: string) => ['ws', ws, 'project', projectId, 'messages'] as const,
  artifacts: (ws: string, projectId: string) => ['ws', ws, 'project', projectId, 'artifacts'] as const,
  projectMembers: (ws: string, projectId: string) => ['ws', ws, 'project', projectId, 'members'] as const,
  artifact: (ws: string, artifactId: string) => ['ws', ws, 'artifact', artifactId] as const,
  workspaceMembers: (ws: string) => ['ws', ws, 'members'] as const,
  workflows: (ws: string) => ['ws', ws, 'workflows'] as const,
  workflow: (ws: string, workflowId: string) => ['ws', ws, 'workflow', workflowId] as const,
  workflowVersions: (ws: string, workflowId: string) => ['ws', ws, 'workflow', workflowId, 'versions'] as const,
  triggers: (ws: string, workflowId: string) => ['ws', ws, 'workflow', workflowId, 'triggers'] as const,
  runs: (ws: string) => ['ws', ws, 'runs'] as const,
  run: (ws: string, runId: string) => ['ws', ws, 'run', runId] as const,
  runEvents: (ws: string, runId: string) => ['ws', ws, 'run', runId, 'events'] as const,
};
