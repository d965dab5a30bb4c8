import { Button, FileButton, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type DragEvent } from 'react';
import { errorMessage } from '../api-error.ts';
import type { Items, KnowledgeSource } from '../api-types.ts';
import { useApi } from '../hooks/use-api.ts';
import { upsertSource } from '../knowledge-cache.ts';
import { queryKeys } from '../query-keys.ts';
import { IconUpload } from './icons.tsx';

/** What ingestion reads (the server decides from the bytes; this only narrows the file picker). */
const accept = '.pdf,.docx,.xlsx,.csv,.tsv,.html,.htm,.md,.markdown,.txt,.png,.jpg,.jpeg,.webp,.gif,application/pdf,text/*,image/png,image/jpeg,image/webp,image/gif';

/** Adds files to the project's knowledge: dropped on the area or chosen with the button, uploaded one after another. */
export function KnowledgeDropzone({ projectId }: { projectId: string }) {
  const api = useApi();
  const client = useQueryClient();
  const [over, setOver] = useState(false);
  const [queued, setQueued] = useState(0);
  const upload = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<KnowledgeSource>(`/api/projects/${encodeURIComponent(projectId)}/knowledge`, form);
    },
    onSuccess: (source) => {
      client.setQueryData(queryKeys.knowledge(api.workspaceId, projectId), (data: Items<KnowledgeSource> | undefined) => upsertSource(data, source));
    },
    onError: (error, file) => notifications.show({ color: 'red', title: `${file.name} was not added`, message: errorMessage(error), autoClose: false }),
    onSettled: () => setQueued((n) => Math.max(0, n - 1)),
  });
  const add = async (files: File[]) => {
    setQueued((n) => n + files.length);
    for (const file of files) await upload.mutateAsync(file).catch(() => undefined);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    void add([...event.dataTransfer.files]);
  };

  return (
    <Paper
      withBorder radius="md" p="lg" role="group" aria-label="Add files to the knowledge"
      onDragOver={(event: DragEvent) => { event.preventDefault(); setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      style={{
        borderStyle: 'dashed', borderWidth: 2, transition: 'background-color 120ms',
        ...(over ? { borderColor: 'var(--mantine-primary-color-filled)', backgroundColor: 'var(--mantine-primary-color-light)' } : {}),
      }}
    >
      <Stack align="center" gap={6} ta="center">
        <IconUpload size={28} />
        <Text fw={600}>{over ? 'Drop to add' : 'Drop files here'}</Text>
        <Text size="sm" c="dimmed" maw={520}>
          PDF, Word (.docx), Excel (.xlsx), CSV, HTML, Markdown, plain text, or images (their text is read with OCR).
        </Text>
        <FileButton multiple accept={accept} onChange={(files) => void add(files)}>
          {(props) => <Button {...props} variant="light" mt={4} loading={queued > 0}>Choose files</Button>}
        </FileButton>
        {queued > 0 && <Text size="xs" c="dimmed" aria-live="polite">Uploading {queued} file{queued === 1 ? '' : 's'}…</Text>}
      </Stack>
    </Paper>
  );
}
