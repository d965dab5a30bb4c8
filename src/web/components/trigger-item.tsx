import { Alert, Anchor, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import type { Trigger } from '../api-types.ts';
import { describeTriggerConfig, triggerKindLabels } from '../format/trigger-config.ts';
import { linkProps } from '../routing/link-props.ts';
import { routePath } from '../routing/match-route.ts';
import { RelativeTime } from './relative-time.tsx';
import { WebhookUrl } from './trigger-webhook.tsx';

export interface TriggerActions {
  setStatus: (status: Trigger['status']) => void;
  remove: () => void;
  rotate: () => void;
  /** Which action is in flight for this trigger, if any. */
  busy?: 'status' | 'remove' | 'rotate';
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2} data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text size="sm" component="div">{children}</Text>
    </Stack>
  );
}

/** One trigger: what it listens to, its status, last and next firing, last run and error; its actions for editors. */
export function TriggerItem({ trigger, actions }: { trigger: Trigger; actions?: TriggerActions }) {
  const [confirming, { open, close }] = useDisclosure(false);
  const [rotating, rotateDialog] = useDisclosure(false);
  const paused = trigger.status === 'paused';

  return (
    <Paper withBorder radius="md" p="md" component="li" aria-label={trigger.name}
      data-trigger-id={trigger.id} data-trigger-kind={trigger.kind} data-trigger-status={trigger.status}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
            <Group gap="xs">
              <Text fw={600} style={{ overflowWrap: 'anywhere' }}>{trigger.name}</Text>
              <Badge variant="light" color="indigo" radius="sm">{triggerKindLabels[trigger.kind]}</Badge>
              <Badge variant="dot" color={paused ? 'gray' : 'teal'} radius="sm" data-testid="trigger-status">{paused ? 'Paused' : 'Active'}</Badge>
            </Group>
            <Text size="sm" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }} data-testid="trigger-config">{describeTriggerConfig(trigger)}</Text>
          </Stack>
          {actions && (
            <Group gap="xs" role="group" aria-label={`Actions of ${trigger.name}`}>
              <Button size="xs" variant="default" loading={actions.busy === 'status'} disabled={Boolean(actions.busy)}
                onClick={() => actions.setStatus(paused ? 'active' : 'paused')}>
                {paused ? 'Resume' : 'Pause'}
              </Button>
              {trigger.kind === 'webhook' && (
                <Button size="xs" variant="default" loading={actions.busy === 'rotate'} disabled={Boolean(actions.busy)} onClick={rotateDialog.open}>Rotate secret</Button>
              )}
              <Button size="xs" color="red" variant="light" loading={actions.busy === 'remove'} disabled={Boolean(actions.busy)} onClick={open}>Delete</Button>
            </Group>
          )}
        </Group>

        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" verticalSpacing="xs">
          <Fact label="Last fired" testId="trigger-last-fired">{trigger.lastFiredAt ? <RelativeTime iso={trigger.lastFiredAt} /> : <Text span size="sm" c="dimmed">Never</Text>}</Fact>
          <Fact label="Next firing" testId="trigger-next-fire">
            {trigger.kind !== 'schedule' ? <Text span size="sm" c="dimmed">On delivery</Text>
              : paused || !trigger.nextFireAt ? <Text span size="sm" c="dimmed">None while paused</Text>
                : <NextFiring iso={trigger.nextFireAt} timezone={typeof trigger.config['timezone'] === 'string' ? trigger.config['timezone'] : undefined} />}
          </Fact>
          <Fact label="Last run" testId="trigger-last-run">
            {trigger.lastRunId
              ? <Anchor {...linkProps(routePath({ name: 'run', runId: trigger.lastRunId }))} size="sm" ff="monospace">{trigger.lastRunId.slice(0, 8)}</Anchor>
              : <Text span size="sm" c="dimmed">None yet</Text>}
          </Fact>
          <Fact label="Added"><RelativeTime iso={trigger.createdAt} /></Fact>
        </SimpleGrid>

        {trigger.webhook && (
          <Stack gap={4}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>POST signed requests to</Text>
            <WebhookUrl path={trigger.webhook.path} />
          </Stack>
        )}
        {trigger.lastError && (
          <Alert color="red" variant="light" title="Last firing failed" data-testid="trigger-last-error">
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{trigger.lastError}</Text>
          </Alert>
        )}
      </Stack>

      {actions && (
        <>
          <Modal opened={confirming} onClose={close} title="Delete this trigger?" centered>
            <Stack gap="md">
              <Text size="sm">“{trigger.name}” stops starting runs. Runs it already started are kept.</Text>
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>Keep it</Button>
                <Button color="red" loading={actions.busy === 'remove'} onClick={() => { actions.remove(); close(); }}>Delete trigger</Button>
              </Group>
            </Stack>
          </Modal>
          <Modal opened={rotating} onClose={rotateDialog.close} title="Rotate the secret?" centered>
            <Stack gap="md">
              <Text size="sm">The current secret stops working at once; senders need the new one, shown once after this.</Text>
              <Group justify="flex-end">
                <Button variant="default" onClick={rotateDialog.close}>Keep the current one</Button>
                <Button color="red" onClick={() => { actions.rotate(); rotateDialog.close(); }}>Rotate secret</Button>
              </Group>
            </Stack>
          </Modal>
        </>
      )}
    </Paper>
  );
}

/** The next firing: relative, with the exact time in the schedule's own zone beside it. */
function NextFiring({ iso, timezone }: { iso: string; timezone: string | undefined }) {
  let local: string | undefined;
  try {
    local = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: timezone }).format(new Date(iso));
  } catch {
    local = undefined;
  }
  return (
    <Stack gap={0}>
      <RelativeTime iso={iso} />
      {local && timezone && <Text span size="xs" c="dimmed">{local} ({timezone})</Text>}
    </Stack>
  );
}
