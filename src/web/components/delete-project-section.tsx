import { Button, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Project } from '../api-types.ts';
import { useApi } from '../hooks/use-api.ts';
import { queryKeys } from '../query-keys.ts';
import { navigate } from '../routing/navigation.ts';
import { FormError } from './form-error.tsx';
import { IconTrash } from './icons.tsx';

/** The danger zone: deleting a project asks for its name first. */
export function DeleteProjectSection({ project }: { project: Project }) {
  const api = useApi();
  const client = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [typed, setTyped] = useState('');
  const remove = useMutation({
    mutationFn: () => api.delete(`/api/projects/${encodeURIComponent(project.id)}`),
    onSuccess: () => {
      close();
      client.removeQueries({ queryKey: queryKeys.project(api.workspaceId, project.id) });
      void client.invalidateQueries({ queryKey: queryKeys.projects(api.workspaceId) });
      notifications.show({ color: 'green', title: 'Project deleted', message: project.name });
      navigate('/');
    },
  });
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} style={{ borderColor: 'var(--mantine-color-red-light-color)' }}>
      <Stack gap="sm" align="flex-start">
        <Title order={2} fz="h4" c="red">Delete this project</Title>
        <Text size="sm" c="dimmed">Its conversation, artifacts and members are deleted with it. This cannot be undone.</Text>
        <Button color="red" variant="light" leftSection={<IconTrash size={16} />} onClick={open}>Delete project</Button>
      </Stack>
      <Modal opened={opened} onClose={close} title="Delete the project?" centered>
        <form onSubmit={(e) => { e.preventDefault(); if (typed === project.name) remove.mutate(); }}>
          <Stack gap="md">
            <Text size="sm">Type <Text span fw={700}>{project.name}</Text> to confirm.</Text>
            <TextInput label="Project name" data-autofocus value={typed} onChange={(e) => setTyped(e.currentTarget.value)} autoComplete="off" />
            <FormError error={remove.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>Cancel</Button>
              <Button type="submit" color="red" disabled={typed !== project.name} loading={remove.isPending}>Delete forever</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Paper>
  );
}
