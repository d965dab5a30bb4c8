import { Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { errorMessage } from '../api-error.ts';
import type { Trigger } from '../api-types.ts';
import { useTriggerMutations, useTriggers } from '../hooks/use-triggers.ts';
import { IconPlus } from './icons.tsx';
import { QueryError } from './query-error.tsx';
import { TriggerForm } from './trigger-form.tsx';
import { TriggerItem, type TriggerActions } from './trigger-item.tsx';
import { WebhookSecretNotice } from './trigger-webhook.tsx';

interface Revealed {
  name: string;
  path: string;
  secret: string;
}

/**
 * The triggers of a workflow: each with its status, last and next firing, last run and error;
 * for editors, a form to add one of any kind, Pause / Resume, Delete, and for webhooks the secret,
 * shown once after it is made.
 */
export function TriggerPanel({ workflowId, canEdit }: { workflowId: string; canEdit: boolean }) {
  const triggers = useTriggers(workflowId);
  const { create, update, remove, rotate } = useTriggerMutations(workflowId);
  const [adding, setAdding] = useState(false);
  const [revealed, setRevealed] = useState<Revealed>();

  const reveal = (trigger: Trigger) => {
    if (trigger.webhook?.secret) setRevealed({ name: trigger.name, path: trigger.webhook.path, secret: trigger.webhook.secret });
  };
  const failed = (title: string) => (error: Error) => notifications.show({ color: 'red', title, message: errorMessage(error) });

  const actionsOf = (trigger: Trigger): TriggerActions => ({
    setStatus: (status) => update.mutate({ id: trigger.id, status }, { onError: failed('The trigger did not change') }),
    remove: () => remove.mutate(trigger.id, { onError: failed('The trigger was not deleted') }),
    rotate: () => rotate.mutate(trigger.id, { onSuccess: reveal, onError: failed('The secret was not rotated') }),
    busy: update.isPending && update.variables.id === trigger.id ? 'status'
      : remove.isPending && remove.variables === trigger.id ? 'remove'
        : rotate.isPending && rotate.variables === trigger.id ? 'rotate' : undefined,
  });

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="triggers-heading">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Title order={2} fz="h4" id="triggers-heading">Triggers</Title>
          {canEdit && !adding && (
            <Button size="xs" variant="default" leftSection={<IconPlus size={14} />} onClick={() => { create.reset(); setAdding(true); }}>Add trigger</Button>
          )}
        </Group>
        <Text size="sm" c="dimmed">Start runs of the latest version without anyone: on a schedule, a signed webhook, a file in a watched folder, or an email.</Text>

        {revealed && <WebhookSecretNotice {...revealed} onDismiss={() => setRevealed(undefined)} />}

        {adding && (
          <Paper withBorder radius="md" p="md" bg="var(--mantine-color-body)">
            <TriggerForm create={create} onCancel={() => setAdding(false)}
              onCreated={(trigger) => { setAdding(false); reveal(trigger); }} />
          </Paper>
        )}

        {triggers.isPending ? <Loader size="sm" type="dots" aria-label="Loading triggers" />
          : triggers.isError ? <QueryError error={triggers.error} title="Could not load the triggers" onRetry={() => void triggers.refetch()} />
            : triggers.data.length === 0 ? <Text size="sm" c="dimmed">No triggers yet.{canEdit ? ' Add one to run this workflow automatically.' : ''}</Text>
              : (
                <Stack gap="sm" component="ul" aria-label="Triggers" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {triggers.data.map((trigger) => <TriggerItem key={trigger.id} trigger={trigger} actions={canEdit ? actionsOf(trigger) : undefined} />)}
                </Stack>
              )}
      </Stack>
    </Paper>
  );
}
