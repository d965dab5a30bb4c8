import type { Workspace } from './api-types.ts';

/** The workspace to act in: the stored choice while it is still one of yours, else your personal one. */
export function pickWorkspace(workspaces: readonly Workspace[], storedId: string | null): Workspace | undefined {
  return workspaces.find((w) => w.id === storedId) ?? workspaces.find((w) => w.personal) ?? workspaces[0];
}
