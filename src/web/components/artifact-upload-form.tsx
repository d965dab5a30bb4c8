import { Button, FileInput, Group, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Artifact, ArtifactVersion } from '../api-types.ts';
import { useApi } from '../hooks/use-api.ts';
import { queryKeys } from '../query-keys.ts';
import { FormError } from './form-error.tsx';
import { IconFile, IconUpload } from './icons.tsx';

/** Uploads a file as a new artifact of the project. */
export function ArtifactUploadForm({ projectId }: { projectId: string }) {
  const api = useApi();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [name, setName] = useState('');
  const upload = useMutation({
    mutationFn: (chosen: File) => {
      const form = new FormData();
      if (name.trim()) form.append('name', name.trim());
      form.append('file', chosen);
      return api.upload<{ artifact: Artifact; version: ArtifactVersion }>(`/api/projects/${encodeURIComponent(projectId)}/artifacts`, form);
    },
    onSuccess: ({ artifact }) => {
      void client.invalidateQueries({ queryKey: queryKeys.artifacts(api.workspaceId, projectId) });
      notifications.show({ color: 'green', title: 'Uploaded', message: artifact.name });
      setFile(null);
      setName('');
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) upload.mutate(file);
  };

  return (
    <form onSubmit={submit} aria-label="Upload an artifact">
      <Stack gap="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <FileInput
            label="File" placeholder="Choose a file" value={file} onChange={setFile} clearable
            leftSection={<IconFile size={16} />} style={{ flex: '1 1 220px' }} miw={0}
          />
          <TextInput
            label="Name" description="Optional; the file name otherwise" value={name} onChange={(e) => setName(e.currentTarget.value)}
            maxLength={200} style={{ flex: '1 1 200px' }}
          />
          <Button type="submit" leftSection={<IconUpload size={16} />} loading={upload.isPending} disabled={!file}>Upload</Button>
        </Group>
        <FormError error={upload.error} title="The upload failed" />
      </Stack>
    </form>
  );
}
