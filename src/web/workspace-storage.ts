const key = 'foundry.workspaceId';

/** The workspace chosen in this browser (kept across reloads in localStorage). */
export function readWorkspaceId(): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeWorkspaceId(id: string | null): void {
  try {
    if (id) localStorage.setItem(key, id);
    else localStorage.removeItem(key);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this page only.
  }
}
