import { Group, Progress, Text } from '@mantine/core';
import type { RunSummary } from '../api-types.ts';
import { runStatuses } from '../format/run-statuses.ts';

/** Steps done out of the total, as a bar and as numbers. */
export function RunProgress({ run }: { run: Pick<RunSummary, 'progress' | 'status'> }) {
  const { done, total } = run.progress;
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  return (
    <div>
      <Group justify="space-between" gap="xs" mb={4}>
        <Text size="sm" fw={500} id="run-progress-label">Progress</Text>
        <Text size="sm" c="dimmed" data-testid="run-progress-text">{done} / {total} steps</Text>
      </Group>
      <Progress
        value={percent} size="lg" radius="sm" color={runStatuses[run.status].color}
        animated={run.status === 'running'} striped={run.status === 'running'}
        aria-labelledby="run-progress-label" aria-valuetext={`${done} of ${total} steps done`}
      />
    </div>
  );
}
