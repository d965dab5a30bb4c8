import { Accordion, Paper, Text } from '@mantine/core';
import type { RunStep } from '../api-types.ts';
import { countByStatus, groupSteps } from '../format/group-steps.ts';
import { stepStatuses } from '../format/run-statuses.ts';
import { RunStepItem } from './run-step-item.tsx';

function itemSummary(items: RunStep[]): string {
  const parts = [...countByStatus(items)].map(([status, count]) => `${count} ${stepStatuses[status].label.toLowerCase()}`);
  return `${items.length} item${items.length === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

/** The run's steps in definition order; a map node's items are listed inside it. */
export function RunSteps({ steps }: { steps: RunStep[] }) {
  if (steps.length === 0) return <Text size="sm" c="dimmed">No steps have been scheduled yet.</Text>;
  return (
    <Paper withBorder radius="md">
      <Accordion multiple variant="default" chevronPosition="left" aria-label="Steps" className="run-steps">
        {groupSteps(steps).map((group) => {
          const items = group.items.length > 0 && (
            <Accordion multiple variant="contained" chevronPosition="left" aria-label={`Items of ${group.step?.name ?? group.nodeId}`}>
              {group.items.map((item) => (
                <RunStepItem key={item.id} step={item} label={`${item.name} #${(item.itemIndex ?? 0) + 1}`} />
              ))}
            </Accordion>
          );
          const summary = group.items.length > 0 && <Text size="xs" c="dimmed" visibleFrom="sm">{itemSummary(group.items)}</Text>;
          if (group.step) return <RunStepItem key={group.step.id} step={group.step} summary={summary}>{items}</RunStepItem>;
          return group.items.map((item) => <RunStepItem key={item.id} step={item} label={`${item.name} #${(item.itemIndex ?? 0) + 1}`} />);
        })}
      </Accordion>
    </Paper>
  );
}
