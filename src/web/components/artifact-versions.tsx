import { Anchor, Loader, Table, Text } from '@mantine/core';
import { artifactContentUrl, useArtifactVersions } from '../hooks/use-artifacts.ts';
import { formatBytes } from '../format/format-bytes.ts';
import { QueryError } from './query-error.tsx';
import { RelativeTime } from './relative-time.tsx';

/** An artifact's version history, newest first, each version downloadable. */
export function ArtifactVersions({ workspaceId, artifactId, name }: { workspaceId: string; artifactId: string; name: string }) {
  const versions = useArtifactVersions(artifactId, true);
  if (versions.isPending) return <Loader size="sm" type="dots" aria-label="Loading versions" />;
  if (versions.isError) return <QueryError error={versions.error} title="Could not load the versions" onRetry={() => void versions.refetch()} />;
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table verticalSpacing={6} fz="sm" aria-label={`Versions of ${name}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>Size</Table.Th>
            <Table.Th>Type</Table.Th>
            <Table.Th>Added</Table.Th>
            <Table.Th><Text span size="sm" fw={700}>File</Text></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.data.map((v) => (
            <Table.Tr key={v.id}>
              <Table.Td>v{v.version}</Table.Td>
              <Table.Td>{formatBytes(v.size)}</Table.Td>
              <Table.Td><Text span size="sm" ff="monospace">{v.contentType}</Text></Table.Td>
              <Table.Td><RelativeTime iso={v.createdAt} /></Table.Td>
              <Table.Td>
                <Anchor href={artifactContentUrl(workspaceId, artifactId, v.version)} download aria-label={`Download ${name} version ${v.version}`}>
                  Download
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
