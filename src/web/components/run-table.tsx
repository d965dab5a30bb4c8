import { Anchor, Table, Text } from '@mantine/core';
import type { RunSummary } from '../api-types.ts';
import { elapsed, formatDuration } from '../format/format-duration.ts';
import { routePath } from '../routing/match-route.ts';
import { linkProps } from '../routing/link-props.ts';
import { RelativeTime } from './relative-time.tsx';
import { RunStatusBadge } from './run-status-badge.tsx';

/** Runs as a table, each linking to its page: status, progress, trigger, when and how long. */
export function RunTable({ runs, label, showWorkflow = true }: { runs: RunSummary[]; label: string; showWorkflow?: boolean }) {
  return (
    <Table.ScrollContainer minWidth={640} type="native">
      <Table verticalSpacing="xs" fz="sm" highlightOnHover aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{showWorkflow ? 'Workflow' : 'Run'}</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Progress</Table.Th>
            <Table.Th>Trigger</Table.Th>
            <Table.Th>Started</Table.Th>
            <Table.Th>Duration</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {runs.map((run) => {
            const took = elapsed(run.startedAt, run.finishedAt);
            return (
              <Table.Tr key={run.id} data-run-id={run.id}>
                <Table.Td maw={320}>
                  <Anchor {...linkProps(routePath({ name: 'run', runId: run.id }))} fw={500} style={{ overflowWrap: 'anywhere' }}>
                    {showWorkflow ? run.name : `Run ${run.id.slice(0, 8)}`}
                  </Anchor>
                  {showWorkflow && <Text size="xs" c="dimmed" ff="monospace">{run.id.slice(0, 8)}{run.workflowVersion === null ? '' : ` · v${run.workflowVersion}`}</Text>}
                </Table.Td>
                <Table.Td><RunStatusBadge status={run.status} size="sm" /></Table.Td>
                <Table.Td>{run.progress.done} / {run.progress.total}</Table.Td>
                <Table.Td tt="capitalize">{run.trigger.kind}</Table.Td>
                <Table.Td><RelativeTime iso={run.startedAt ?? run.createdAt} /></Table.Td>
                <Table.Td>{took === null ? '—' : formatDuration(took)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
