import { Button, Group, Paper, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api-error.ts';
import type { Project, ProjectStatus } from '../api-types.ts';
import { useApi } from '../hooks/use-api.ts';
import { projectStatusIds, projectStatuses } from '../project-statuses.ts';
import { queryKeys } from '../query-keys.ts';
import { DeleteProjectSection } from './delete-project-section.tsx';
import { FormError } from './form-error.tsx';

const statusOptions = projectStatusIds.map((id) => ({ value: id, label: projectStatuses[id].label }));

/** Edits the project's name, description, status and stage; owners may delete it. */
export function ProjectSettingsPanel({ project }: { project: Project }) {
  const api = useApi();
  const client = useQueryClient();
  const [name, setName] = useState(project.name);
  const [description, setDescription] = useState(project.description);
  const [status, setStatus] = useState<ProjectStatus>(project.status);
  const [stage, setStage] = useState(project.stage ?? '');
  const canEdit = project.role !== 'viewer';

  const changes = {
    ...(name.trim() !== project.name ? { name: name.trim() } : {}),
    ...(description !== project.description ? { description } : {}),
    ...(status !== project.status ? { status } : {}),
    ...((stage.trim() || null) !== project.stage ? { stage: stage.trim() || null } : {}),
  };
  const dirty = Object.keys(changes).length > 0;

  const save = useMutation({
    mutationFn: () => api.patch<Project>(`/api/projects/${encodeURIComponent(project.id)}`, changes),
    onSuccess: (updated) => {
      client.setQueryData(queryKeys.project(api.workspaceId, project.id), updated);
      void client.invalidateQueries({ queryKey: queryKeys.projects(api.workspaceId) });
      notifications.show({ color: 'green', title: 'Saved', message: 'The project settings were updated.' });
    },
  });
  const fieldErrors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (dirty && name.trim()) save.mutate();
  };

  return (
    <Stack gap="xl" maw={720}>
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <form onSubmit={submit} aria-labelledby="settings-heading">
          <Stack gap="md">
            <Title order={2} fz="h4" id="settings-heading">Project settings</Title>
            {!canEdit && <Text size="sm" c="dimmed">You have view access; only editors and owners can change these.</Text>}
            <TextInput label="Name" required maxLength={200} value={name} onChange={(e) => setName(e.currentTarget.value)}
              error={!name.trim() ? 'A project needs a name.' : fieldErrors.name} disabled={!canEdit} />
            <Textarea label="Description" autosize minRows={3} maxRows={12} maxLength={10_000} value={description}
              onChange={(e) => setDescription(e.currentTarget.value)} error={fieldErrors.description} disabled={!canEdit} />
            <Group grow gap="md" wrap="wrap" align="flex-start">
              <Select label="Status" data={statusOptions} value={status} allowDeselect={false} miw={180}
                onChange={(v) => v && setStatus(v as ProjectStatus)} error={fieldErrors.status} disabled={!canEdit} />
              <TextInput label="Stage" placeholder="e.g. discovery" description="Leave empty for none" maxLength={100} miw={180}
                value={stage} onChange={(e) => setStage(e.currentTarget.value)} error={fieldErrors.stage} disabled={!canEdit} />
            </Group>
            {save.error && Object.keys(fieldErrors).length === 0 && <FormError error={save.error} />}
            {canEdit && (
              <Group justify="flex-end">
                <Button type="submit" loading={save.isPending} disabled={!dirty || !name.trim()}>Save changes</Button>
              </Group>
            )}
          </Stack>
        </form>
      </Paper>
      {project.role === 'owner' && <DeleteProjectSection project={project} />}
    </Stack>
  );
}
