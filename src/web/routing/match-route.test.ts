import { describe, expect, it } from 'vitest';
import { matchRoute, routePath, type Route } from './match-route.ts';

describe('matchRoute', () => {
  it('parses every page', () => {
    expect(matchRoute('/')).toEqual({ name: 'projects' });
    expect(matchRoute('/projects')).toEqual({ name: 'projects' });
    expect(matchRoute('/login')).toEqual({ name: 'login' });
    expect(matchRoute('/signup/')).toEqual({ name: 'signup' });
    expect(matchRoute('/workspace')).toEqual({ name: 'workspace' });
    expect(matchRoute('/projects/new')).toEqual({ name: 'new-project' });
    expect(matchRoute('/projects/abc')).toEqual({ name: 'project', projectId: 'abc', tab: 'conversation' });
    expect(matchRoute('/projects/abc/members')).toEqual({ name: 'project', projectId: 'abc', tab: 'members' });
  });

  it('answers not-found for anything else', () => {
    for (const path of ['/nope', '/projects/abc/nope', '/projects/abc/members/x', '/login/x']) {
      expect(matchRoute(path)).toEqual({ name: 'not-found' });
    }
  });

  it('round-trips through routePath', () => {
    const routes: Route[] = [
      { name: 'projects' }, { name: 'login' }, { name: 'signup' }, { name: 'new-project' }, { name: 'workspace' },
      { name: 'project', projectId: 'p 1', tab: 'conversation' }, { name: 'project', projectId: 'p1', tab: 'settings' },
    ];
    for (const route of routes) expect(matchRoute(routePath(route))).toEqual(route);
  });
});
