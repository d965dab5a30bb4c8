import { useQuery } from '@tanstack/react-query';
import type { Artifact, ArtifactVersion, Items } from '../api-types.ts';
import { queryKeys } from '../query-keys.ts';
import { useApi } from './use-api.ts';

/** The project's artifacts with their latest versions. */
export function useArtifacts(projectId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.artifacts(api.workspaceId, projectId),
    queryFn: ({ signal }) => api.get<Items<Artifact>>(`/api/projects/${encodeURIComponent(projectId)}/artifacts`, { signal }),
    select: (data) => data.items,
  });
}

/** One artifact's version history (loaded when shown). */
export function useArtifactVersions(artifactId: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.artifact(api.workspaceId, artifactId),
    queryFn: ({ signal }) => api.get<{ artifact: Artifact; versions: ArtifactVersion[] }>(`/api/artifacts/${encodeURIComponent(artifactId)}`, { signal }),
    select: (data) => data.versions.toSorted((a, b) => b.version - a.version),
    enabled,
  });
}

/** Where a version's bytes download from (the workspace goes in the query: a link cannot send headers). */
export function artifactContentUrl(workspaceId: string, artifactId: string, version: number): string {
  return `/api/artifacts/${encodeURIComponent(artifactId)}/versions/${version}/content?workspace=${encodeURIComponent(workspaceId)}`;
}
