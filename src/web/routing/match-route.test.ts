import { describe, expect, it } from 'vitest';
import { matchRoute, routePath, type Route } from './match-route.ts';

describe('matchRoute', () => {
  it('parses every page', () => {
    expect(matchRoute('/')).toEqual({ name: 'projects' });
    expect(matchRoute('/projects')).toEqual({ name: 'projects' });
    expect(matchRoute('/login')).toEqual({ name: 'login' });
    expect(matchRoute('/signup/')).toEqual({ name: 'signup' });
    expect(matchRoute('/workspace')).toEqual({ name: 'workspace' });
    expect(matchRoute('/workspace/models')).toEqual({ name: 'workspace-models' });
    expect(matchRoute('/projects/new')).toEqual({ name: 'new-project' });
    expect(matchRoute('/projects/abc')).toEqual({ name: 'project', projectId: 'abc', tab: 'conversation' });
    expect(matchRoute('/projects/abc/members')).toEqual({ name: 'project', projectId: 'abc', tab: 'members' });
    expect(matchRoute('/projects/abc/sourcing')).toEqual({ name: 'project', projectId: 'abc', tab: 'sourcing' });
    expect(matchRoute('/workflows')).toEqual({ name: 'workflows' });
    expect(matchRoute('/workflows/w1')).toEqual({ name: 'workflow', workflowId: 'w1' });
    expect(matchRoute('/runs/')).toEqual({ name: 'runs' });
    expect(matchRoute('/runs/r1')).toEqual({ name: 'run', runId: 'r1' });
  });

  it('answers not-found for anything else', () => {
    for (const path of ['/nope', '/projects/abc/nope', '/projects/abc/members/x', '/login/x', '/workflows/w1/x', '/runs/r1/x', '/workspace/x', '/workspace/models/x']) {
      expect(matchRoute(path)).toEqual({ name: 'not-found' });
    }
  });

  it('round-trips through routePath', () => {
    const routes: Route[] = [
      { name: 'projects' }, { name: 'login' }, { name: 'signup' }, { name: 'new-project' }, { name: 'workspace' }, { name: 'workspace-models' },
      { name: 'project', projectId: 'p 1', tab: 'conversation' }, { name: 'project', projectId: 'p1', tab: 'settings' },
      { name: 'workflows' }, { name: 'workflow', workflowId: 'w 1' }, { name: 'runs' }, { name: 'run', runId: 'r/1' },
    ];
    for (const route of routes) expect(matchRoute(routePath(route))).toEqual(route);
  });
});
