import { Anchor, Button, Group, Paper, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api-error.ts';
import type { Project, Studio } from '../api-types.ts';
import { FormError } from '../components/form-error.tsx';
import { IconArrowLeft } from '../components/icons.tsx';
import { useApi } from '../hooks/use-api.ts';
import { queryKeys } from '../query-keys.ts';
import { routePath } from '../routing/match-route.ts';
import { linkProps } from '../routing/link-props.ts';
import { navigate } from '../routing/navigation.ts';
import { studioIds, studios } from '../studios.ts';
import { useWorkspace } from '../workspace-context.tsx';

const studioOptions = studioIds.map((id) => ({ value: id, label: studios[id].label }));

/** Starts a project: a name, a studio and what it is about. */
export function NewProjectPage() {
  const api = useApi();
  const client = useQueryClient();
  const { workspace } = useWorkspace();
  const [name, setName] = useState('');
  const [studio, setStudio] = useState<Studio>('product');
  const [description, setDescription] = useState('');
  const [nameError, setNameError] = useState<string>();
  const create = useMutation({
    mutationFn: () => api.post<Project>('/api/projects', { name: name.trim(), studio, ...(description.trim() ? { description: description.trim() } : {}) }),
    onSuccess: (project) => {
      void client.invalidateQueries({ queryKey: queryKeys.projects(api.workspaceId) });
      client.setQueryData(queryKeys.project(api.workspaceId, project.id), project);
      notifications.show({ color: 'green', title: 'Project created', message: project.name });
      navigate(routePath({ name: 'project', projectId: project.id, tab: 'conversation' }));
    },
  });
  const fieldErrors = create.error instanceof ApiError ? create.error.fieldErrors() : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError('Give the project a name.');
      return;
    }
    setNameError(undefined);
    create.mutate();
  };

  return (
    <Stack gap="lg" maw={640}>
      <Anchor {...linkProps('/')} size="sm" c="dimmed">
        <Group gap={4} component="span"><IconArrowLeft size={14} /> All projects</Group>
      </Anchor>
      <div>
        <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>New project</Title>
        <Text c="dimmed" size="sm">in <Text span fw={600} c="var(--mantine-color-text)">{workspace.name}</Text></Text>
      </div>
      <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md">
        <form onSubmit={submit} noValidate aria-label="New project">
          <Stack gap="md">
            <TextInput
              label="Name" placeholder="10,000 custom phone cases" required maxLength={200} autoFocus
              value={name} onChange={(e) => setName(e.currentTarget.value)} error={nameError ?? fieldErrors.name}
            />
            <Select
              label="Studio" data={studioOptions} value={studio} allowDeselect={false} required
              onChange={(v) => v && setStudio(v as Studio)} description={studios[studio].delivers} error={fieldErrors.studio}
              comboboxProps={{ withinPortal: true }}
            />
            <Textarea
              label="Description" placeholder="What do you want? Who is it for? Any constraints?" autosize minRows={4} maxRows={12}
              maxLength={10_000} value={description} onChange={(e) => setDescription(e.currentTarget.value)} error={fieldErrors.description}
            />
            {create.error && Object.keys(fieldErrors).length === 0 && <FormError error={create.error} />}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" component="a" {...linkProps('/')}>Cancel</Button>
              <Button type="submit" loading={create.isPending}>Create project</Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
