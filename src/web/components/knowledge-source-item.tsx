import { Alert, Anchor, Badge, Button, Group, Modal, Paper, Progress, Stack, Text, ThemeIcon } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../api-error.ts';
import type { Items, KnowledgeSource } from '../api-types.ts';
import { formatBytes } from '../format/format-bytes.ts';
import { useApi } from '../hooks/use-api.ts';
import { isIngesting, removeSource, upsertSource } from '../knowledge-cache.ts';
import { queryKeys } from '../query-keys.ts';
import { IconFile, IconInfo, IconLink, IconRefresh, IconTrash } from './icons.tsx';
import { RelativeTime } from './relative-time.tsx';

function statusBadge(source: KnowledgeSource) {
  const percent = Math.round(source.progress * 100);
  switch (source.status) {
    case 'uploading': return <Badge color="blue" variant="light">{source.kind === 'url' ? 'Downloading' : 'Uploading'}</Badge>;
    case 'processing': return <Badge color="blue" variant="light">Reading {percent}%</Badge>;
    case 'ready': return <Badge color="green" variant="light">Ready</Badge>;
    case 'error': return <Badge color="red" variant="light">Failed</Badge>;
  }
}

/** What was read: "12 passages from 4 pages", "30 passages from 2 sheets". */
function readSummary(source: KnowledgeSource): string {
  const pages = source.metadata.pages;
  const sheets = source.metadata.sheets;
  const from = typeof pages === 'number' ? ` from ${pages} page${pages === 1 ? '' : 's'}`
    : Array.isArray(sheets) ? ` from ${sheets.length} sheet${sheets.length === 1 ? '' : 's'}` : '';
  const vectors = typeof source.metadata.embeddingModel === 'string' ? ` · with vectors (${source.metadata.embeddingModel})` : '';
  return `${source.chunkCount} passage${source.chunkCount === 1 ? '' : 's'}${from}${vectors}`;
}

/** One knowledge source: its live status and progress, why it failed, and (for editors) re-read and delete. */
export function KnowledgeSourceItem({ source, canEdit }: { source: KnowledgeSource; canEdit: boolean }) {
  const api = useApi();
  const client = useQueryClient();
  const [confirming, { open, close }] = useDisclosure(false);
  const key = queryKeys.knowledge(api.workspaceId, source.projectId);
  const reingest = useMutation({
    mutationFn: () => api.post<KnowledgeSource>(`/api/knowledge/${encodeURIComponent(source.id)}/reingest`),
    onSuccess: (updated) => client.setQueryData(key, (data: Items<KnowledgeSource> | undefined) => upsertSource(data, updated)),
    onError: (error) => notifications.show({ color: 'red', title: `${source.name} cannot be read again`, message: errorMessage(error) }),
  });
  const remove = useMutation({
    mutationFn: () => api.delete(`/api/knowledge/${encodeURIComponent(source.id)}`),
    onSuccess: () => {
      close();
      client.setQueryData(key, (data: Items<KnowledgeSource> | undefined) => removeSource(data, source.id));
      void client.invalidateQueries({ queryKey: queryKeys.knowledgeSearches(api.workspaceId, source.projectId) });
      notifications.show({ color: 'green', title: 'Removed from the knowledge', message: source.name });
    },
  });
  const ingesting = isIngesting(source);
  const retrying = ingesting && source.errorMessage !== null;

  return (
    <Paper withBorder radius="md" p="md" component="li" aria-label={source.name} data-status={source.status}>
      <Stack gap="sm">
        <Group justify="space-between" gap="sm" wrap="wrap" align="flex-start">
          <Group gap="sm" wrap="nowrap" miw={0} style={{ flex: '1 1 260px' }}>
            <ThemeIcon variant="light" size="lg" radius="md" aria-hidden="true">{source.kind === 'url' ? <IconLink size={18} /> : <IconFile size={18} />}</ThemeIcon>
            <Stack gap={2} miw={0}>
              <Text fw={600} truncate="end" component="h3" fz="md" m={0}>{source.name}</Text>
              <Text size="xs" c="dimmed" truncate="end">
                {source.url && <><Anchor href={source.url} target="_blank" rel="noopener noreferrer nofollow" size="xs">{source.url}</Anchor> · </>}
                {source.size !== null && <>{formatBytes(source.size)} · </>}
                added <RelativeTime iso={source.createdAt} />
              </Text>
            </Stack>
          </Group>
          <Group gap="xs" wrap="wrap">
            {statusBadge(source)}
            {canEdit && (
              <Button
                size="xs" variant="default" leftSection={<IconRefresh size={14} />} onClick={() => reingest.mutate()} loading={reingest.isPending}
                disabled={source.status === 'uploading' && source.kind === 'file'} aria-label={`Read ${source.name} again`}
              >
                Read again
              </Button>
            )}
            {canEdit && (
              <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={open} aria-label={`Delete ${source.name}`}>Delete</Button>
            )}
          </Group>
        </Group>
        {ingesting && <Progress value={Math.max(3, source.progress * 100)} animated size="sm" aria-label={`${source.name}: ${Math.round(source.progress * 100)}% read`} />}
        {retrying && <Text size="xs" c="orange">Trying again after: {source.errorMessage}</Text>}
        {source.status === 'error' && (
          <Alert color="red" variant="light" icon={<IconInfo />} title={`Could not read it (${source.errorCode ?? 'error'})`} role="alert" p="xs">
            {source.errorMessage ?? 'The ingestion failed.'}
          </Alert>
        )}
        {source.status === 'ready' && <Text size="xs" c="dimmed">{readSummary(source)}</Text>}
      </Stack>
      <Modal opened={confirming} onClose={close} title="Delete this source?" centered>
        <Stack gap="md">
          <Text size="sm">{source.name} and its passages leave the project's knowledge; search will no longer find them.</Text>
          {remove.error && <Text size="sm" c="red" role="alert">{errorMessage(remove.error)}</Text>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>Cancel</Button>
            <Button color="red" onClick={() => remove.mutate()} loading={remove.isPending}>Delete</Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
