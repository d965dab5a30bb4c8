import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Workspace } from '../api-types.ts';
import { useApi } from '../hooks/use-api.ts';
import { queryKeys } from '../query-keys.ts';
import { useWorkspace } from '../workspace-context.tsx';
import { FormError } from './form-error.tsx';

/** Names a new shared workspace, then switches to it. */
export function CreateWorkspaceModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const api = useApi();
  const client = useQueryClient();
  const { select } = useWorkspace();
  const [name, setName] = useState('');
  const create = useMutation({
    mutationFn: () => api.post<Workspace>('/api/workspaces', { name: name.trim() }),
    onSuccess: async (workspace) => {
      await client.refetchQueries({ queryKey: queryKeys.session });
      select(workspace.id);
      notifications.show({ color: 'green', title: 'Workspace created', message: `You are now in ${workspace.name}.` });
      setName('');
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) create.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Create a workspace" centered>
      <form onSubmit={submit}>
        <Stack gap="md">
          <Text size="sm" c="dimmed">A shared workspace holds projects you work on with others. You will be its owner.</Text>
          <TextInput label="Workspace name" required data-autofocus value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={120} />
          <FormError error={create.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>Cancel</Button>
            <Button type="submit" loading={create.isPending} disabled={!name.trim()}>Create workspace</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
