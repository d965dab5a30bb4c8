import { EmptyState, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { Project } from '../api-types.ts';
import { useArtifacts } from '../hooks/use-artifacts.ts';
import { ArtifactItem } from './artifact-item.tsx';
import { ArtifactUploadForm } from './artifact-upload-form.tsx';
import { IconFile } from './icons.tsx';
import { QueryError } from './query-error.tsx';

/** The project's files: upload, list, download and version history. */
export function ArtifactsPanel({ project }: { project: Project }) {
  const artifacts = useArtifacts(project.id);
  const canEdit = project.role !== 'viewer';
  return (
    <Stack gap="lg">
      {canEdit && (
        <Paper withBorder radius="md" p="md">
          <Title order={2} fz="h4" mb="sm">Upload a file</Title>
          <ArtifactUploadForm projectId={project.id} />
        </Paper>
      )}
      <section aria-labelledby="artifacts-heading">
        <Title order={2} fz="h4" mb="sm" id="artifacts-heading">Artifacts</Title>
        {artifacts.isPending ? (
          <Stack gap="sm">{[0, 1].map((i) => <Skeleton key={i} h={72} radius="md" />)}</Stack>
        ) : artifacts.isError ? (
          <QueryError error={artifacts.error} title="Could not load the artifacts" onRetry={() => void artifacts.refetch()} />
        ) : artifacts.data.length === 0 ? (
          <EmptyState
            size="sm" icon={<IconFile size={24} />} withIndicatorBackground title="No artifacts yet"
            description={canEdit ? 'Upload briefs, drawings, price lists or anything the project needs.' : 'Files the team adds will appear here.'}
          />
        ) : (
          <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {artifacts.data.map((a) => <ArtifactItem key={a.id} artifact={a} canEdit={canEdit} />)}
          </Stack>
        )}
        <Text size="xs" c="dimmed" mt="sm">Every upload is kept as a version; nothing is overwritten.</Text>
      </section>
    </Stack>
  );
}
