import { Anchor, Button, EmptyState, Group, Paper, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { RunStatus } from '../api-types.ts';
import { IconHistory } from '../components/icons.tsx';
import { QueryError } from '../components/query-error.tsx';
import { RunTable } from '../components/run-table.tsx';
import { runStatusIds, runStatuses } from '../format/run-statuses.ts';
import { useRuns } from '../hooks/use-runs.ts';
import { linkProps } from '../routing/link-props.ts';
import { useWorkspace } from '../workspace-context.tsx';

const statusOptions = runStatusIds.map((id) => ({ value: id, label: runStatuses[id].label }));

/** Every run of the workspace, newest first, filtered by status; live ones refresh by themselves. */
export function RunsPage() {
  const { workspace } = useWorkspace();
  const [status, setStatus] = useState<RunStatus | null>(null);
  const runs = useRuns({ status: status ?? undefined, limit: 100 });

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>Runs</Title>
        <Text c="dimmed" size="sm">in <Text span fw={600} c="var(--mantine-color-text)">{workspace.name}</Text> · the latest 100 · start runs from a <Anchor {...linkProps('/workflows')} size="sm">workflow</Anchor></Text>
      </div>
      <Group gap="sm" role="search" aria-label="Filter runs">
        <Select
          label="Status" placeholder="Any status" data={statusOptions} value={status} clearable
          onChange={(v) => setStatus(v as RunStatus | null)} w={{ base: '100%', xs: 200 }} size="sm"
        />
      </Group>
      {runs.isPending ? (
        <Skeleton h={200} radius="md" aria-busy="true" aria-label="Loading runs" />
      ) : runs.isError ? (
        <QueryError error={runs.error} title="Could not load the runs" onRetry={() => void runs.refetch()} />
      ) : runs.data.length === 0 ? (
        <EmptyState
          py="xl" variant="light" icon={<IconHistory size={28} />}
          title={status ? `No ${runStatuses[status].label.toLowerCase()} runs` : 'No runs yet'}
          description={status ? 'Clear the filter to see every run of this workspace.' : 'Runs appear here when a workflow is started by hand, on a schedule, by a webhook or another trigger.'}
        >
          <EmptyState.Actions>
            {status
              ? <Button variant="default" onClick={() => setStatus(null)}>Clear filter</Button>
              : <Button component="a" {...linkProps('/workflows')}>Go to workflows</Button>}
          </EmptyState.Actions>
        </EmptyState>
      ) : (
        <Paper withBorder radius="md"><RunTable runs={runs.data} label="Runs" /></Paper>
      )}
    </Stack>
  );
}
