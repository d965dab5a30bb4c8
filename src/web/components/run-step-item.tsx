import { Accordion, Alert, Code, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { RunStep } from '../api-types.ts';
import { elapsed, formatDuration } from '../format/format-duration.ts';
import { IconInfo } from './icons.tsx';
import { RelativeTime } from './relative-time.tsx';
import { RunAttemptsTable } from './run-attempts-table.tsx';
import { StepStatusBadge } from './run-status-badge.tsx';
import { WorkflowJsonBlock } from './workflow-json-block.tsx';

/**
 * One step as an accordion item: its name, status, attempts and duration in the header; its
 * error, input, output and attempts when expanded. `children` go below (a map node's items).
 */
export function RunStepItem({ step, label, summary, children }: { step: RunStep; label?: string; summary?: ReactNode; children?: ReactNode }) {
  const name = label ?? step.name;
  const took = elapsed(step.startedAt, step.finishedAt);
  const executions = step.attempts.filter((a) => a.purpose === 'execute').length;
  return (
    <Accordion.Item value={step.id} data-node-id={step.nodeId} data-step-status={step.status}>
      <Accordion.Control aria-label={`${name}: ${step.status}`}>
        <Group justify="space-between" gap="xs" wrap="wrap" pr="xs">
          <Group gap="xs" wrap="nowrap" miw={0}>
            <Text fw={500} size="sm" truncate="end">{name}</Text>
            <Code fz="xs" visibleFrom="xs">{step.type}</Code>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {summary}
            {executions > 1 && <Text size="xs" c="dimmed">{executions} attempts</Text>}
            {took !== null && <Text size="xs" c="dimmed">{formatDuration(took)}</Text>}
            <StepStatusBadge status={step.status} />
          </Group>
        </Group>
      </Accordion.Control>
      <Accordion.Panel>
        <Stack gap="sm">
          <Text size="xs" c="dimmed">Node <Code fz="xs">{step.nodeId}</Code>{step.itemIndex === null ? '' : `, item ${step.itemIndex + 1}`}{step.branch ? `, branch ${step.branch}` : ''}</Text>
          {step.error && (
            <Alert color="red" variant="light" icon={<IconInfo />} title={step.error.code}>{step.error.message}</Alert>
          )}
          {step.dueAt && !step.finishedAt && (
            <Text size="sm" c="dimmed">{step.status === 'retrying' ? 'Next attempt' : 'Wait ends'} <RelativeTime iso={step.dueAt} /></Text>
          )}
          {children}
          <RunAttemptsTable attempts={step.attempts} label={`Attempts of ${name}`} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <div>
              <Text size="xs" fw={600} c="dimmed" mb={4}>Input</Text>
              <WorkflowJsonBlock value={step.input} label={`Input of ${name}`} maxHeight={220} />
            </div>
            <div>
              <Text size="xs" fw={600} c="dimmed" mb={4}>Output</Text>
              <WorkflowJsonBlock value={step.output} label={`Output of ${name}`} maxHeight={220} />
            </div>
          </SimpleGrid>
        </Stack>
      </Accordion.Panel>
    </Accordion.Item>
  );
}
