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
};
