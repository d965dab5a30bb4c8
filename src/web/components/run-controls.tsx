import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../api-error.ts';
import type { Run } from '../api-types.ts';
import { runActions } from '../format/run-actions.ts';
import { useApi } from '../hooks/use-api.ts';
import { queryKeys } from '../query-keys.ts';

type Control = 'cancel' | 'pause' | 'resume';

/** Cancel, Pause and Resume, each enabled when the run's status allows it; cancelling asks first. */
export function RunControls({ run }: { run: Run }) {
  const api = useApi();
  const client = useQueryClient();
  const [confirming, { open, close }] = useDisclosure(false);
  const allowed = runActions(run.status);
  const control = useMutation({
    mutationFn: (action: Control) => api.post<Run>(`/api/runs/${encodeURIComponent(run.id)}/${action}`),
    onSuccess: (updated) => {
      close();
      client.setQueryData(queryKeys.run(api.workspaceId, run.id), updated);
      void client.invalidateQueries({ queryKey: queryKeys.runs(api.workspaceId) });
    },
    onError: (error) => {
      close();
      notifications.show({ color: 'red', title: 'The run did not change', message: errorMessage(error) });
      void client.invalidateQueries({ queryKey: queryKeys.run(api.workspaceId, run.id), exact: true });
    },
  });
  const busy = (action: Control) => control.isPending && control.variables === action;

  return (
    <Group gap="xs" aria-label="Run controls" role="group">
      <Button size="sm" variant="default" disabled={!allowed.pause || control.isPending} loading={busy('pause')} onClick={() => control.mutate('pause')}>Pause</Button>
      <Button size="sm" variant="default" disabled={!allowed.resume || control.isPending} loading={busy('resume')} onClick={() => control.mutate('resume')}>Resume</Button>
      <Button size="sm" color="red" variant="light" disabled={!allowed.cancel || control.isPending} loading={busy('cancel')} onClick={open}>Cancel run</Button>
      <Modal opened={confirming} onClose={close} title="Cancel this run?" centered>
        <Stack gap="md">
          <Text size="sm">Steps that are running finish, nothing new starts, and completed steps are not undone.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>Keep running</Button>
            <Button color="red" loading={busy('cancel')} onClick={() => control.mutate('cancel')}>Cancel run</Button>
          </Group>
        </Stack>
      </Modal>
    </Group>
  );
}
