import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Items, KnowledgeSource } from '../api-types.ts';
import { useApi } from '../hooks/use-api.ts';
import { upsertSource } from '../knowledge-cache.ts';
import { queryKeys } from '../query-keys.ts';
import { FormError } from './form-error.tsx';
import { IconLink } from './icons.tsx';

/** Adds a web page or an online document by its address. */
export function KnowledgeUrlForm({ projectId }: { projectId: string }) {
  const api = useApi();
  const client = useQueryClient();
  const [url, setUrl] = useState('');
  const add = useMutation({
    mutationFn: (address: string) => api.post<KnowledgeSource>(`/api/projects/${encodeURIComponent(projectId)}/knowledge/urls`, { url: address }),
    onSuccess: (source) => {
      client.setQueryData(queryKeys.knowledge(api.workspaceId, projectId), (data: Items<KnowledgeSource> | undefined) => upsertSource(data, source));
      setUrl('');
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (url.trim()) add.mutate(url.trim());
  };
  return (
    <form onSubmit={submit} aria-label="Add a web page">
      <Stack gap="sm">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label="Web page or document URL" placeholder="https://example.com/price-list.pdf" type="url" value={url}
            onChange={(e) => { setUrl(e.currentTarget.value); add.reset(); }} leftSection={<IconLink size={16} />} style={{ flex: '1 1 280px' }} miw={0}
          />
          <Button type="submit" loading={add.isPending} disabled={!url.trim()}>Add URL</Button>
        </Group>
        <FormError error={add.error} title="The URL was not added" />
      </Stack>
    </form>
  );
}
