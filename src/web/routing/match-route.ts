export const projectTabs = ['conversation', 'visuals', 'analysis', 'sourcing', 'artifacts', 'knowledge', 'members', 'settings'] as const;
export type ProjectTab = (typeof projectTabs)[number];
/** Tabs only product studio projects show. */
export const productTabs: readonly ProjectTab[] = ['visuals', 'analysis', 'sourcing'];

/** The pages of the app, as parsed from the URL path. */
export type Route =
  | { name: 'login' }
  | { name: 'signup' }
  | { name: 'projects' }
  | { name: 'new-project' }
  | { name: 'project'; projectId: string; tab: ProjectTab }
  | { name: 'workspace' }
  | { name: 'workspace-models' }
  | { name: 'workflows' }
  | { name: 'workflow'; workflowId: string }
  | { name: 'runs' }
  | { name: 'run'; runId: string }
  | { name: 'not-found' };

/** Parses a pathname into a route; unknown paths are `not-found`. */
export function matchRoute(pathname: string): Route {
  const parts = pathname.split('/').filter(Boolean).map(safeDecode);
  const [first, second, third, ...rest] = parts;
  if (rest.length > 0) return { name: 'not-found' };
  if (first === undefined) return { name: 'projects' };
  if (second === undefined) {
    if (first === 'login') return { name: 'login' };
    if (first === 'signup') return { name: 'signup' };
    if (first === 'projects') return { name: 'projects' };
    if (first === 'workspace') return { name: 'workspace' };
    if (first === 'workflows') return { name: 'workflows' };
    if (first === 'runs') return { name: 'runs' };
    return { name: 'not-found' };
  }
  if (first === 'workflows' && third === undefined) return { name: 'workflow', workflowId: second };
  if (first === 'runs' && third === undefined) return { name: 'run', runId: second };
  if (first === 'workspace' && second === 'models' && third === undefined) return { name: 'workspace-models' };
  if (first !== 'projects') return { name: 'not-found' };
  if (second === 'new' && third === undefined) return { name: 'new-project' };
  if (third === undefined) return { name: 'project', projectId: second, tab: 'conversation' };
  const tab = projectTabs.find((t) => t === third);
  return tab ? { name: 'project', projectId: second, tab } : { name: 'not-found' };
}

/** The path of a route, the inverse of {@link matchRoute}. */
export function routePath(route: Route): string {
  switch (route.name) {
    case 'login': return '/login';
    case 'signup': return '/signup';
    case 'projects': return '/';
    case 'new-project': return '/projects/new';
    case 'workspace': return '/workspace';
    case 'workspace-models': return '/workspace/models';
    case 'workflows': return '/workflows';
    case 'workflow': return `/workflows/${encodeURIComponent(route.workflowId)}`;
    case 'runs': return '/runs';
    case 'run': return `/runs/${encodeURIComponent(route.runId)}`;
    case 'project': {
      const base = `/projects/${encodeURIComponent(route.projectId)}`;
      return route.tab === 'conversation' ? base : `${base}/${route.tab}`;
    }
    case 'not-found': return '/';
  }
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
