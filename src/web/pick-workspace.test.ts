import { describe, expect, it } from 'vitest';
import type { Workspace } from './api-types.ts';
import { pickWorkspace } from './pick-workspace.ts';

const personal: Workspace = { id: 'p', name: 'Personal', role: 'owner', personal: true };
const team: Workspace = { id: 't', name: 'Team', role: 'editor', personal: false };

describe('pickWorkspace', () => {
  it('keeps a stored workspace the user still belongs to', () => {
    expect(pickWorkspace([personal, team], 't')).toBe(team);
  });
  it('falls back to the personal workspace for a stale or missing choice', () => {
    expect(pickWorkspace([team, personal], 'gone')).toBe(personal);
    expect(pickWorkspace([team, personal], null)).toBe(personal);
  });
  it('takes the first one without a personal workspace, and nothing from nothing', () => {
    expect(pickWorkspace([team], null)).toBe(team);
    expect(pickWorkspace([], 'x')).toBeUndefined();
  });
});
