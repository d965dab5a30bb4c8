/** Query keys: everything of a workspace sits under `['ws', workspaceId]`, so switching never mixes tenants. */
export const queryKeys = {
  session: ['session'] as const,
  workspace: (ws: string) => ['ws', ws] as const,
  projects: (ws: string) => ['ws', ws, 'projects'] as const,
  project: (ws: string, projectId: string) => ['ws', ws, 'project', projectId] as const,
  messages: (ws: string, projectId: string) => ['ws', ws, 'project', projectId, 'messages'] as const,
  /** Which message an agent is answering right now (set by the event stream, not fetched). */
  typing: (ws: string, projectId: string) => ['ws', ws, 'project', projectId, 'typing'] as const,
  artifacts: (ws: string, projectId: string) => ['ws', ws, 'project', projectId, 'artifacts'] as const,
  knowledge: (ws: string, projectId: string) => ['ws', ws, 'project', projectId, 'knowledge'] as const,
  knowledgeSearches: (ws: string, projectId: string) => ['ws', ws, 'project', projectId, 'knowledge-search'] as const,
  knowledgeSearch: (ws: string, projectId: string, query: string) => ['ws', ws, 'project', projectId, 'knowledge-search', query] as const,
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
  /** Usage summaries of the workspace (`scope` "workspace") or a project (its id), per range. */
  usage: (ws: string, scope: string, from: string, to: string) => ['ws', ws, 'usage', scope, from, to] as const,
  budgets: (ws: string) => ['ws', ws, 'budgets'] as const,
  modelRoles: (ws: string) => ['ws', ws, 'model-roles'] as const,
  credentials: (ws: string) => ['ws', ws, 'credentials'] as const,
};
