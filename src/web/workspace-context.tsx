import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Session, Workspace } from './api-types.ts';
import { pickWorkspace } from './pick-workspace.ts';
import { navigate } from './routing/navigation.ts';
import { readWorkspaceId, writeWorkspaceId } from './workspace-storage.ts';

export interface WorkspaceState {
  workspace: Workspace;
  workspaces: Workspace[];
  /** Switches to another workspace and goes to its project list. */
  select(id: string): void;
}

const WorkspaceContext = createContext<WorkspaceState | null>(null);

/** Holds the current workspace of a signed-in user; the choice is kept in localStorage. */
export function WorkspaceProvider({ session, children }: { session: Session; children: ReactNode }) {
  const [selectedId, setSelectedId] = useState(readWorkspaceId);
  const workspace = pickWorkspace(session.workspaces, selectedId);
  if (workspace && workspace.id !== readWorkspaceId()) writeWorkspaceId(workspace.id);

  const select = useCallback((id: string) => {
    writeWorkspaceId(id);
    setSelectedId(id);
    navigate('/');
  }, []);

  const value = useMemo(
    () => (workspace ? { workspace, workspaces: session.workspaces, select } : null),
    [workspace, session.workspaces, select],
  );
  if (!value) return null;
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): WorkspaceState {
  const state = useContext(WorkspaceContext);
  if (!state) throw new Error('useWorkspace() needs a <WorkspaceProvider>.');
  return state;
}
