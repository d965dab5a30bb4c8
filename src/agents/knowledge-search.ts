import { searchKnowledge, type KnowledgeDeps } from '../knowledge/index.ts';
import type { RequestContext } from '../kernel/index.ts';
import type { KnowledgeSearch } from './conversation-turn.ts';

/** No person: the agent reads the project's knowledge on the project's own authority. */
const agentUser = '00000000-0000-0000-0000-000000000000';

/** The project knowledge search a turn uses. */
export function projectKnowledgeSearch(deps: Pick<KnowledgeDeps, 'db' | 'runtime' | 'logger'>): KnowledgeSearch {
  return (scope, query, limit) => {
    const ctx: RequestContext = { userId: agentUser, workspaceId: scope.workspaceId, role: 'viewer' };
    return searchKnowledge(deps, ctx, scope.projectId, query, { limit });
  };
}
