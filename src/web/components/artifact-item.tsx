import { Badge, Button, Collapse, FileButton, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { errorMessage } from '../api-error.ts';
import type { Artifact, ArtifactVersion } from '../api-types.ts';
import { artifactContentUrl } from '../hooks/use-artifacts.ts';
import { useApi } from '../hooks/use-api.ts';
import { formatBytes } from '../format/format-bytes.ts';
import { queryKeys } from '../query-keys.ts';
import { ArtifactVersions } from './artifact-versions.tsx';
import { IconDownload, IconFile, IconHistory, IconUpload } from './icons.tsx';
import { RelativeTime } from './relative-time.tsx';

/** One artifact: its latest version, a download link, its history and a new-version upload. */
export function ArtifactItem({ artifact, canEdit }: { artifact: Artifact; canEdit: boolean }) {
  const api = useApi();
  const client = useQueryClient();
  const [showVersions, { toggle }] = useDisclosure(false);
  const versionsId = useId();
  const latest = artifact.latestVersion;
  const addVersion = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<ArtifactVersion>(`/api/artifacts/${encodeURIComponent(artifact.id)}/versions`, form);
    },
    onSuccess: (version) => {
      void client.invalidateQueries({ queryKey: queryKeys.artifacts(api.workspaceId, artifact.projectId) });
      void client.invalidateQueries({ queryKey: queryKeys.artifact(api.workspaceId, artifact.id) });
      notifications.show({ color: 'green', title: 'New version uploaded', message: `${artifact.name} v${version.version}` });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'The upload failed', message: errorMessage(error) }),
  });

  return (
    <Paper withBorder radius="md" p="md" component="li">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm" wrap="wrap" align="flex-start">
          <Group gap="sm" wrap="nowrap" miw={0} style={{ flex: '1 1 240px' }}>
            <ThemeIcon variant="light" size="lg" radius="md" aria-hidden="true"><IconFile size={18} /></ThemeIcon>
            <Stack gap={2} miw={0}>
              <Group gap={6} wrap="nowrap" miw={0}>
                <Text fw={600} truncate="end" component="h3" fz="md" m={0}>{artifact.name}</Text>
                <Badge size="xs" variant="light" color="gray">{artifact.kind}</Badge>
              </Group>
              <Text size="xs" c="dimmed">
                {latest
                  ? <>v{latest.version} · {formatBytes(latest.size)} · {latest.contentType} · <RelativeTime iso={latest.createdAt} /></>
                  : 'No version yet'}
              </Text>
            </Stack>
          </Group>
          <Group gap="xs" wrap="wrap">
            {latest && (
              <Button
                component="a" href={artifactContentUrl(api.workspaceId, artifact.id, latest.version)} download
                size="xs" variant="light" leftSection={<IconDownload size={14} />} aria-label={`Download ${artifact.name}`}
              >
                Download
              </Button>
            )}
            <Button
              size="xs" variant="default" leftSection={<IconHistory size={14} />} onClick={toggle}
              aria-expanded={showVersions} aria-controls={versionsId}
            >
              Versions
            </Button>
            {canEdit && (
              <FileButton onChange={(file) => file && addVersion.mutate(file)}>
                {(props) => (
                  <Button {...props} size="xs" variant="default" leftSection={<IconUpload size={14} />} loading={addVersion.isPending} aria-label={`Upload a new version of ${artifact.name}`}>
                    New version
                  </Button>
                )}
              </FileButton>
            )}
          </Group>
        </Group>
        <Collapse expanded={showVersions} id={versionsId}>
          {showVersions && <ArtifactVersions workspaceId={api.workspaceId} artifactId={artifact.id} name={artifact.name} />}
        </Collapse>
      </Stack>
    </Paper>
  );
}
